/**
 * The `days` table of a metrics shard: one row per UTC day, holding that day's whole rollup
 * (every cut's counts and the latency histograms, see shared/metrics/rollup.ts) as JSON. A batch
 * of snapshots rewrites each day it touches once: one row written, however many counters and keys
 * moved. A shard holds at most seven days, kept in memory once read until the next write.
 */
import type { DayRollup } from '../../shared/metrics/rollup.ts';
import type { Day } from '../../shared/metrics/types.ts';
import type { CountingSql } from './sql.ts';

/** The table. */
export const DAYS_SCHEMA = 'CREATE TABLE IF NOT EXISTS days (day TEXT PRIMARY KEY, rollup TEXT NOT NULL) WITHOUT ROWID;';

/** A shard's day rollups. */
export class DayRollups {
  readonly #sql: CountingSql;
  #days: Map<Day, DayRollup> | undefined;

  constructor(sql: CountingSql) {
    this.#sql = sql;
  }

  /** Every day of the shard. */
  all(): ReadonlyMap<Day, DayRollup> {
    this.#days ??= new Map(this.#sql.all<{ day: string; rollup: string }>('SELECT * FROM days').map((row) => [row.day, JSON.parse(row.rollup) as DayRollup]));
    return this.#days;
  }

  /** Writes days (inside a transaction); they are read again from storage next time. */
  write(days: ReadonlyMap<Day, DayRollup>, replace = false): void {
    this.#days = undefined;
    if (replace) this.#sql.run('DELETE FROM days');
    for (const [day, rollup] of days) this.#sql.run('INSERT OR REPLACE INTO days VALUES (?, ?)', day, JSON.stringify(rollup));
  }
}
