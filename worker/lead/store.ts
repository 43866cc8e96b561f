/**
 * How a LeadObject keeps its leads in its SQLite storage: one row per lead (its record and
 * outbox, rewritten on each save), its timeline as pages appended one per save (never
 * rewritten: a save writes the events added since the last one), and one row for the identity
 * whose submissions the object admits. Tables are created on the first write, so reading an
 * object that never held anything (an admin read of an unknown id) creates no storage.
 */
import type { LeadRecord, OutboxEntry, TimelineEvent } from './record.ts';

/** What one lead's row holds. */
export interface LeadRow {
  record: LeadRecord;
  outbox: OutboxEntry[];
  /** Raised by every save; the metrics store has seen revision `metricsSent` (a column of its own). */
  rev: number;
  metricsSent: number;
  /** Origin for links in notifications. */
  publicUrl: string;
  /** Idempotency keys of the latest submissions joined to the lead. */
  submissionKeys?: string[];
}

/** A lead as loaded: its row and its whole timeline, with the number of pages it is kept in. */
export interface LoadedLead extends LeadRow {
  timeline: TimelineEvent[];
  pages: number;
}

const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS leads (id TEXT PRIMARY KEY, body TEXT NOT NULL, metrics_sent INTEGER NOT NULL DEFAULT 0)',
  'CREATE TABLE IF NOT EXISTS timeline (lead_id TEXT NOT NULL, page INTEGER NOT NULL, events TEXT NOT NULL, PRIMARY KEY (lead_id, page)) WITHOUT ROWID',
  'CREATE TABLE IF NOT EXISTS identity (k TEXT PRIMARY KEY, body TEXT NOT NULL)',
];

/** The SQL side of a LeadObject. All calls are synchronous; writes are output-gated by the runtime. */
export class LeadStore {
  readonly #sql: SqlStorage;
  #ready: boolean;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    this.#ready = sql.exec<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'leads'").one().n > 0;
  }

  /** Every lead this object keeps, with its timeline. */
  loadLeads(): Map<string, LoadedLead> {
    const leads = new Map<string, LoadedLead>();
    if (!this.#ready) return leads;
    for (const row of this.#sql.exec<{ id: string; body: string; metrics_sent: number }>('SELECT id, body, metrics_sent FROM leads')) {
      leads.set(row.id, { ...(JSON.parse(row.body) as Omit<LeadRow, 'metricsSent'>), metricsSent: row.metrics_sent, timeline: [], pages: 0 });
    }
    for (const row of this.#sql.exec<{ lead_id: string; events: string }>('SELECT lead_id, events FROM timeline ORDER BY lead_id, page')) {
      const lead = leads.get(row.lead_id);
      if (!lead) continue;
      lead.timeline.push(...(JSON.parse(row.events) as TimelineEvent[]));
      lead.pages += 1;
    }
    return leads;
  }

  /** Writes a lead's row and, when there are any, the events added since its last save as a new page. */
  saveLead(id: string, row: LeadRow, events: readonly TimelineEvent[], page: number): void {
    this.#schema();
    const { metricsSent, ...body } = row;
    this.#sql.exec('INSERT INTO leads (id, body, metrics_sent) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body', id, JSON.stringify(body), metricsSent);
    if (events.length > 0) this.#sql.exec('INSERT OR REPLACE INTO timeline (lead_id, page, events) VALUES (?, ?, ?)', id, page, JSON.stringify(events));
  }

  /** Records that the metrics store has seen revision `rev` of a lead (the lead's row is left as it is). */
  saveMetricsSent(id: string, rev: number): void {
    this.#sql.exec('UPDATE leads SET metrics_sent = ? WHERE id = ?', rev, id);
  }

  /** Removes a lead and its timeline (retention, erasure). */
  deleteLead(id: string): void {
    if (!this.#ready) return;
    this.#sql.exec('DELETE FROM leads WHERE id = ?', id);
    this.#sql.exec('DELETE FROM timeline WHERE lead_id = ?', id);
  }

  /** The identity state this object keeps, if any. */
  loadIdentity<T>(): T | undefined {
    if (!this.#ready) return undefined;
    const row = this.#sql.exec<{ body: string }>("SELECT body FROM identity WHERE k = 'self'").toArray()[0];
    return row ? (JSON.parse(row.body) as T) : undefined;
  }

  /** Writes the identity state. */
  saveIdentity(state: unknown): void {
    this.#schema();
    this.#sql.exec("INSERT OR REPLACE INTO identity (k, body) VALUES ('self', ?)", JSON.stringify(state));
  }

  /** Forgets the identity state (erasure). */
  deleteIdentity(): void {
    if (this.#ready) this.#sql.exec("DELETE FROM identity WHERE k = 'self'");
  }

  #schema(): void {
    if (this.#ready) return;
    for (const statement of SCHEMA) this.#sql.exec(statement);
    this.#ready = true;
  }
}
