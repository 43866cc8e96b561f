/**
 * The `facts` table of a metrics shard: one row per lead, the latest snapshot of its facts (one
 * column per fact, named as in LeadFacts) with their `flags` (definitions.ts), keyed by `seq` =
 * arrival × 1024 + n (n tells apart leads of the same millisecond), so the key is the arrival
 * order and indexes point at 8 bytes, not an id.
 *
 * What it costs, in rows written (workerd's `cursor.rowsWritten`): a new lead is its row plus one
 * entry in each index whose column it has (email, phone, company, open); a later snapshot rewrites
 * the row, and only the columns that changed, so no index entry moves unless its value does.
 */
import { bitOf, flagsOf } from '../../shared/metrics/definitions.ts';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import type { CountingSql, SqlValue } from './sql.ts';

/** How many leads one millisecond can hold; `seq` = arrival × SEQ_PER_MS + n. */
export const SEQ_PER_MS = 1024;

/** The personal facts: erased on request and when the lead's retention ends. */
const PERSONAL = ['email', 'phone', 'company', 'name'] as const;

/** Every column but `seq`, named for its fact; `flags` is computed from the others. */
const COLUMNS = [
  ...[
    'id',
    'rev',
    'flags',
    'dueAt',
    'formType',
    'source',
    'status',
    'route',
    'pool',
    'firstOwner',
    'owner',
    'configVersion',
    'confirmedAt',
    'notifiedAt',
    'respondedAt',
  ],
  ...['reassignments', 'escalated', 'duplicates', 'deadLetters', 'misroutedTo', 'stage', ...PERSONAL],
] as const;
type Column = (typeof COLUMNS)[number];

/** The condition the open index holds; a query naming it word for word can use the index. */
export const UNANSWERED_SQL = `(flags & ${bitOf('unanswered')}) <> 0`;

/**
 * The table and its indexes. The phone is kept reversed, so a search by a number's last digits is
 * a range on its index; the company compares without regard to case (search by its beginning).
 */
export const FACTS_SCHEMA = `CREATE TABLE IF NOT EXISTS facts (seq INTEGER PRIMARY KEY, ${COLUMNS.join(', ').replace('company', 'company COLLATE NOCASE')});
CREATE INDEX IF NOT EXISTS facts_email ON facts(email) WHERE email IS NOT NULL;
CREATE INDEX IF NOT EXISTS facts_phone ON facts(phone) WHERE phone IS NOT NULL;
CREATE INDEX IF NOT EXISTS facts_company ON facts(company) WHERE company IS NOT NULL;
CREATE INDEX IF NOT EXISTS facts_open ON facts(dueAt) WHERE ${UNANSWERED_SQL};`;

/** A new lead's row; written once, not rebuilt per lead. */
const INSERT = `INSERT INTO facts (seq, ${COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(COLUMNS.length)}) ON CONFLICT DO NOTHING RETURNING seq`;

const reverse = (text: string) => [...text].reverse().join('');

/** A fact as stored: text cut to 120 characters (an email to 254), so a row stays under about 1 KB. */
function valueOf(facts: LeadFacts, column: Column): SqlValue {
  if (column === 'flags') return flagsOf(facts);
  const value = facts[column];
  if (value === undefined) return null;
  if (typeof value !== 'string') return Number(value);
  const text = value.slice(0, column === 'email' ? 254 : 120);
  return column === 'phone' ? reverse(text) : text;
}

/** A stored row back into facts (what the drill-down, search and export answer). */
export function factsOfRow(row: Record<string, SqlValue>): LeadFacts {
  const facts: Record<string, unknown> = { receivedAt: Math.floor(Number(row.seq) / SEQ_PER_MS) };
  for (const column of COLUMNS) {
    const value = row[column];
    if (column !== 'flags' && value !== null && value !== undefined)
      facts[column] = column === 'escalated' ? value === 1 : column === 'phone' ? reverse(String(value)) : value;
  }
  return facts as unknown as LeadFacts;
}

/** A lead as stored: its key and its latest facts. */
export interface StoredLead {
  seq: number;
  facts: LeadFacts;
}

const stored = (row: Record<string, SqlValue>): StoredLead => ({ seq: Number(row.seq), facts: factsOfRow(row) });

/** Reads and writes lead rows. */
export class FactsTable {
  readonly #sql: CountingSql;

  constructor(sql: CountingSql) {
    this.#sql = sql;
  }

  /** Leads matching a condition, newest first (through `index` when named). */
  list(where: string, bindings: SqlValue[], limit: number, index?: string): StoredLead[] {
    return this.#sql.all(`SELECT * FROM facts${index ? ` INDEXED BY ${index}` : ''} WHERE ${where} ORDER BY seq DESC LIMIT ?`, ...bindings, limit).map(stored);
  }

  /** The lead `id` received at `receivedAt` (within `slack` ms), if stored. */
  find(receivedAt: number, id: string, slack = 0): StoredLead | undefined {
    return this.list('seq >= ? AND seq < ? AND id = ?', [(receivedAt - slack) * SEQ_PER_MS, (receivedAt + slack + 1) * SEQ_PER_MS, id], 1)[0];
  }

  /** Stores a new lead; returns its key (the first free one of its millisecond). */
  insert(facts: LeadFacts): number {
    const first = facts.receivedAt * SEQ_PER_MS;
    const values = COLUMNS.map((c) => valueOf(facts, c));
    if (this.#sql.all(INSERT, first, ...values).length > 0) return first;
    // Another lead arrived in the same millisecond: take the next key after the last one taken.
    const seq = this.#sql.all<{ seq: number }>('SELECT max(seq) AS seq FROM facts WHERE seq < ?', first + SEQ_PER_MS)[0]!.seq + 1;
    this.#sql.all(INSERT, seq, ...values);
    return seq;
  }

  /** Rewrites the columns whose value changed between two snapshots of a stored lead. */
  update(seq: number, before: LeadFacts, after: LeadFacts): void {
    const changed = COLUMNS.filter((c) => valueOf(before, c) !== valueOf(after, c));
    if (changed.length > 0)
      this.#sql.run(`UPDATE facts SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE seq = ?`, ...changed.map((c) => valueOf(after, c)), seq);
  }

  /** Unanswered leads received in [from, to) whose SLA runs out at or after `now` (through the open index). */
  stillOpen(from: number, to: number, now: number): StoredLead[] {
    return this.#sql
      .all(`SELECT * FROM facts INDEXED BY facts_open WHERE ${UNANSWERED_SQL} AND dueAt >= ? AND seq >= ? AND seq < ?`, now, from * SEQ_PER_MS, to * SEQ_PER_MS)
      .map(stored);
  }

  /** Drops a lead's personal data; its anonymous facts stay. */
  forget(seq: number): void {
    this.#sql.run(`UPDATE facts SET ${PERSONAL.map((c) => `${c} = NULL`).join(', ')} WHERE seq = ?`, seq);
  }

  /** Up to `limit` leads after key `after`, oldest first (to recompute what was derived from facts). */
  page(after: number, limit: number): StoredLead[] {
    return this.#sql.all('SELECT * FROM facts WHERE seq > ? ORDER BY seq LIMIT ?', after, limit).map(stored);
  }

  /** Sets a lead's flags (after the definitions changed). */
  setFlags(seq: number, flags: number): void {
    this.#sql.run('UPDATE facts SET flags = ? WHERE seq = ?', flags, seq);
  }

  /** How many leads the shard holds. */
  count(): number {
    return this.#sql.all<{ n: number }>('SELECT count(*) AS n FROM facts')[0]?.n ?? 0;
  }
}
