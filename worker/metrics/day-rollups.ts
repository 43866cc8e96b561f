/**
 * The `days` table of a metrics shard: one row per UTC day, holding that day's whole rollup
 * (every cut's counts and the latency histograms, see shared/metrics/rollup.ts) as JSON. A batch
 * of snapshots rewrites each day it touches once: one row written, however many counters and keys
 * moved. A shard holds at most seven days, kept in memory once read; a write keeps what it wrote
 * (a batch need not read back and parse the day it just wrote), and a transaction that failed
 * makes them read again (`forget`).
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

  /**
   * Writes days (inside a transaction), kept as written: the caller must not change them after,
   * and calls `forget` should the transaction fail. `replace` (a rebuild, rare) drops every other
   * day, and they are read again next time.
   */
  write(days: ReadonlyMap<Day, DayRollup>, replace = false): void {
    const kept = this.#days;
    this.#days = undefined;
    if (replace) this.#sql.run('DELETE FROM days');
    for (const [day, rollup] of days) this.#sql.run('INSERT OR REPLACE INTO days VALUES (?, ?)', day, JSON.stringify(rollup));
    if (kept && !replace) this.#days = new Map([...kept, ...days]);
  }

  /** Forgets the days held in memory (a transaction that wrote them failed): read again next time. */
  forget(): void {
    this.#days = undefined;
  }
}
