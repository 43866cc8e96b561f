/**
 * Open leads, the truth behind each rep's load: one row per lead that counts toward its owner's
 * capacity, keyed by the lead, so holding and releasing are idempotent (a retried close, a
 * reassignment run twice, a re-route all land on the same row). The per-rep counts routing
 * reads are derived from these rows — counted once when the object starts, then kept in step
 * with each change — and `recount()` counts them again from the rows, for checks.
 *
 * A lead stops counting when its owner closes it or reports an outcome, when it is reassigned or
 * moved to a queue, or when it has been held longer than the config's `load.releaseAfter` (idle).
 */
import { tableWithoutRowid } from './sql-table.ts';

/** One open lead. */
export interface OpenLead {
  leadId: string;
  rep: string;
  /** When the rep was given the lead. */
  since: number;
}

/** Open leads in a RouterState's SQLite storage. */
export class OpenLeads {
  readonly #sql: SqlStorage;
  readonly #counts: Record<string, number> = Object.create(null);

  /** Call inside a transaction (the table may be rebuilt: lead/sql-table.ts). */
  constructor(sql: SqlStorage) {
    this.#sql = sql;
    tableWithoutRowid(sql, 'open_leads', 'lead_id TEXT PRIMARY KEY, rep TEXT NOT NULL, since INTEGER NOT NULL');
    sql.exec('CREATE INDEX IF NOT EXISTS open_leads_since ON open_leads (since)');
    Object.assign(this.#counts, this.recount());
  }

  /** Open leads per rep, as routing reads them (a live view: do not modify). */
  get counts(): Readonly<Record<string, number>> {
    return this.#counts;
  }

  /** Counts the rows again, per rep. */
  recount(): Record<string, number> {
    const counts: Record<string, number> = Object.create(null);
    for (const row of this.#sql.exec<{ rep: string; n: number }>('SELECT rep, count(*) AS n FROM open_leads GROUP BY rep')) counts[row.rep] = row.n;
    return counts;
  }

  /** Gives `leadId` to `rep` from `since`: a new row, or the lead's row moved from its former rep (one row written). */
  hold(leadId: string, rep: string, since: number): void {
    const before = this.#sql.exec<{ rep: string }>('SELECT rep FROM open_leads WHERE lead_id = ?', leadId).toArray()[0];
    this.#sql.exec(
      'INSERT INTO open_leads (lead_id, rep, since) VALUES (?, ?, ?) ON CONFLICT (lead_id) DO UPDATE SET rep = excluded.rep, since = excluded.since',
      leadId,
      rep,
      since,
    );
    if (before) this.#drop(before.rep);
    this.#counts[rep] = (this.#counts[rep] ?? 0) + 1;
  }

  /** The lead no longer counts toward anyone's load. True when it did until now. */
  release(leadId: string): boolean {
    const row = this.#sql.exec<{ rep: string }>('DELETE FROM open_leads WHERE lead_id = ? RETURNING rep', leadId).toArray()[0];
    if (!row) return false;
    this.#drop(row.rep);
    return true;
  }

  /** Releases every lead held since before `cutoff` (idle): they stop counting. */
  expire(cutoff: number): void {
    for (const row of this.#sql.exec<{ rep: string }>('DELETE FROM open_leads WHERE since < ? RETURNING rep', cutoff).toArray()) this.#drop(row.rep);
  }

  /** The open leads, newest first, at most `limit`. */
  list(limit: number): OpenLead[] {
    return this.#sql
      .exec<{ lead_id: string; rep: string; since: number }>('SELECT lead_id, rep, since FROM open_leads ORDER BY since DESC LIMIT ?', limit)
      .toArray()
      .map((row) => ({ leadId: row.lead_id, rep: row.rep, since: row.since }));
  }

  #drop(rep: string): void {
    const left = (this.#counts[rep] ?? 0) - 1;
    if (left > 0) this.#counts[rep] = left;
    else delete this.#counts[rep];
  }
}
