/**
 * How a LeadObject keeps its leads in its SQLite storage: one table, `leads`, WITHOUT ROWID, whose
 * rows are told apart by their id:
 * - a lead (`ld_…`): its record, outbox and latest timeline events, rewritten on each save;
 * - a timeline page (`ld_…#0000`): PAGE_EVENTS or more earlier events, written once, never
 *   rewritten (a lead's row holds at most PAGE_EVENTS - 1 events: the timeline stays bounded per
 *   row, and a lead whose timeline is short never writes a page);
 * - the identity (`@identity`): the key's mapping, the admission under way, recent answers.
 *
 * Why one table of this shape: the platform bills rows written, and a WITHOUT ROWID table writes
 * a row as one row (a rowid table with a text key also writes its key's index row), one table is
 * one row of schema and one 4 KB page where three were three of each; a new lead is one object,
 * so this is paid on every lead. Tables are created on the first write, so reading an object that
 * never held anything (an admin read of an unknown id) creates no storage.
 */
import type { LeadRecord, OutboxEntry, TimelineEvent } from './record.ts';

/** What one lead's row holds. */
export interface LeadRow {
  record: LeadRecord;
  outbox: OutboxEntry[];
  /** Raised by every save; the metrics store has seen at least revision `metricsSent` (see LeadState). */
  rev: number;
  metricsSent: number;
  /** Origin for links in notifications. */
  publicUrl: string;
  /** Idempotency keys of the latest submissions joined to the lead. */
  submissionKeys?: string[];
  /** The timeline's events since its last page. */
  events?: TimelineEvent[];
}

/** A lead as loaded: its row and its whole timeline, with the number of pages it is kept in. */
export interface LoadedLead extends LeadRow {
  timeline: TimelineEvent[];
  pages: number;
}

/** A lead's row keeps up to this many events; with this many, they move to a page of their own. */
export const PAGE_EVENTS = 16;

const SCHEMA = 'CREATE TABLE IF NOT EXISTS leads (id TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID';
const IDENTITY = '@identity';
const pageId = (leadId: string, page: number) => `${leadId}#${String(page).padStart(4, '0')}`;

/** The SQL side of a LeadObject. All calls are synchronous; writes are output-gated by the runtime. */
export class LeadStore {
  readonly #sql: SqlStorage;
  #ready: boolean;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    this.#ready = sql.exec<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'leads'").one().n > 0;
  }

  /** Whether anything was ever stored here (a fresh object has no alarm and no rows to read). */
  get stored(): boolean {
    return this.#ready;
  }

  /** Every lead this object keeps, with its timeline, and the identity state: one read. */
  load<T>(): { leads: Map<string, LoadedLead>; identity: T | undefined } {
    const leads = new Map<string, LoadedLead>();
    let identity: T | undefined;
    if (!this.#ready) return { leads, identity };
    const pages = new Map<string, TimelineEvent[][]>();
    // In id order: a lead's pages come in page order.
    for (const { id, body } of this.#sql.exec<{ id: string; body: string }>('SELECT id, body FROM leads ORDER BY id')) {
      const hash = id.indexOf('#');
      if (id === IDENTITY) identity = JSON.parse(body) as T;
      else if (hash < 0) leads.set(id, { ...(JSON.parse(body) as LeadRow), timeline: [], pages: 0 });
      else {
        const lead = id.slice(0, hash);
        pages.set(lead, [...(pages.get(lead) ?? []), JSON.parse(body) as TimelineEvent[]]);
      }
    }
    for (const [id, lead] of leads) {
      const paged = pages.get(id) ?? [];
      lead.timeline = [...paged.flat(), ...(lead.events ?? [])];
      lead.pages = paged.length;
    }
    return { leads, identity };
  }

  /** Writes a lead's row (one row). */
  saveLead(id: string, row: LeadRow): void {
    this.#put(id, row);
  }

  /** Writes page `page` of a lead's timeline (once: pages are never rewritten). */
  savePage(id: string, page: number, events: readonly TimelineEvent[]): void {
    this.#put(pageId(id, page), events);
  }

  /** Removes a lead and its timeline (retention, erasure). */
  deleteLead(id: string): void {
    if (!this.#ready) return;
    this.#sql.exec('DELETE FROM leads WHERE id = ? OR id BETWEEN ? AND ?', id, `${id}#`, `${id}#~`);
  }

  /** The identity state this object keeps, if any. */
  loadIdentity<T>(): T | undefined {
    if (!this.#ready) return undefined;
    const row = this.#sql.exec<{ body: string }>('SELECT body FROM leads WHERE id = ?', IDENTITY).toArray()[0];
    return row ? (JSON.parse(row.body) as T) : undefined;
  }

  /** Writes the identity state. */
  saveIdentity(state: unknown): void {
    this.#put(IDENTITY, state);
  }

  /** Forgets the identity state (erasure). */
  deleteIdentity(): void {
    if (this.#ready) this.#sql.exec('DELETE FROM leads WHERE id = ?', IDENTITY);
  }

  #put(id: string, value: unknown): void {
    if (!this.#ready) {
      this.#sql.exec(SCHEMA);
      this.#ready = true;
    }
    this.#sql.exec('INSERT INTO leads (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body', id, JSON.stringify(value));
  }
}
