/**
 * The copies of leads kept for replay (routing recent real leads with a proposed config): one row
 * per routed lead in the shard's `replay` table, written once. When every copy of the week is over
 * 90 days old the table is dropped whole, which writes no row.
 */
import type { ReplayLead } from '../../shared/routing/replay.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import { SEQ_PER_MS } from './facts-table.ts';
import type { CountingSql } from './sql.ts';

type Row = { seq: number; id: string; lead: string };
const copy = (row: Row): ReplayLead => ({ id: row.id, receivedAt: Math.floor(row.seq / SEQ_PER_MS), lead: JSON.parse(row.lead) as RoutableLead });

/** Reads and writes a shard's replay copies. */
export class ReplayCopies {
  readonly #sql: CountingSql;
  /** Whether the table is there (known once asked, until dropped). */
  #exists: boolean | undefined;

  constructor(sql: CountingSql) {
    this.#sql = sql;
  }

  /** Keeps the copy of a new lead. */
  add(seq: number, id: string, lead: RoutableLead): void {
    if (!this.#there()) this.#sql.run('CREATE TABLE replay (seq INTEGER PRIMARY KEY, id, lead)');
    this.#exists = true;
    this.#sql.run('INSERT INTO replay VALUES (?, ?, ?)', seq, id, JSON.stringify(lead));
  }

  /** The newest `limit` copies of leads received since `since`, newest first. */
  newest(limit: number, since: number): ReplayLead[] {
    return this.#rows('seq >= ? ORDER BY seq DESC LIMIT ?', since * SEQ_PER_MS, limit).map(copy);
  }

  /** The copies of these leads (for a person's export). */
  of(ids: readonly string[]): ReplayLead[] {
    return this.#rows(`id IN (${ids.map(() => '?').join()})`, ...ids).map(copy);
  }

  /** Drops the copies of these leads. */
  erase(ids: readonly string[]): void {
    if (this.#there()) this.#sql.run(`DELETE FROM replay WHERE id IN (${ids.map(() => '?').join()})`, ...ids);
  }

  /** Drops the copies of leads received before `before`; returns whether any copy is left. */
  expire(before: number): boolean {
    if (!this.#there()) return false;
    if (this.#rows('seq >= ? LIMIT 1', before * SEQ_PER_MS).length > 0) {
      this.#sql.run('DELETE FROM replay WHERE seq < ?', before * SEQ_PER_MS);
      return true;
    }
    this.#sql.run('DROP TABLE replay');
    this.#exists = false;
    return false;
  }

  /** Forgets what it knew of the table (a transaction that failed may have undone it). */
  reset(): void {
    this.#exists = undefined;
  }

  #there(): boolean {
    return (this.#exists ??= this.#sql.hasTable('replay'));
  }

  #rows(where: string, ...bindings: (string | number)[]): Row[] {
    return this.#there() ? this.#sql.all<Row>(`SELECT * FROM replay WHERE ${where}`, ...bindings) : [];
  }
}
