/**
 * MetricsObject: the routing audit's store, one object (`global`) on SQLite storage. Each lead
 * object sends a snapshot of its facts whenever its timeline moves; this object keeps the
 * latest snapshot per lead (for search, drill-down and replay) and applies the difference to
 * daily rollups, so a query over a year reads a few rows per day, not every lead.
 */
import { DurableObject } from 'cloudflare:workers';
import { addToTally, emptyTally, figuresOf, noSpeed } from '../../shared/metrics/figures.ts';
import { rollupDelta } from '../../shared/metrics/rollup.ts';
import { COUNTERS, type Counter, type Day, type LatencyStage, type LeadFacts, type MetricsReport, type Tally } from '../../shared/metrics/types.ts';
import type { ReplayLead } from '../../shared/routing/replay.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import type { AppEnv } from '../app-env.ts';
import { NOT_YET_DUE, whereOf, type LeadFilter } from '../metrics/lead-filter.ts';

/** A lead's latest facts, and on its first snapshot the lead itself (kept for replay). */
export interface FactsUpdate {
  facts: LeadFacts;
  lead?: RoutableLead;
}


const SCHEMA = `
CREATE TABLE IF NOT EXISTS leads (
  id TEXT PRIMARY KEY,
  rev INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  day TEXT NOT NULL,
  form_type TEXT NOT NULL,
  source TEXT NOT NULL,
  status TEXT NOT NULL,
  route TEXT NOT NULL,
  pool TEXT,
  first_owner TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  confirmed_at INTEGER,
  notified_at INTEGER,
  responded_at INTEGER,
  reassignments INTEGER NOT NULL,
  escalated INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  dead_letters INTEGER NOT NULL,
  misrouted_to TEXT,
  stage TEXT,
  email TEXT,
  phone TEXT,
  company TEXT,
  facts TEXT NOT NULL,
  lead TEXT
);
CREATE INDEX IF NOT EXISTS leads_received ON leads(received_at);
CREATE INDEX IF NOT EXISTS leads_day ON leads(day);
CREATE INDEX IF NOT EXISTS leads_email ON leads(email);
CREATE INDEX IF NOT EXISTS leads_phone ON leads(phone);
CREATE INDEX IF NOT EXISTS leads_company ON leads(company COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS leads_open ON leads(due_at) WHERE responded_at IS NULL AND status <> 'junk';
CREATE TABLE IF NOT EXISTS rollup (
  dim TEXT NOT NULL,
  day TEXT NOT NULL,
  key TEXT NOT NULL,
  ${COUNTERS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n  ')},
  PRIMARY KEY (dim, day, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS latency (
  day TEXT NOT NULL,
  stage TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day, stage, bucket)
) WITHOUT ROWID;
`;

const COUNTER_INDEX = new Map(COUNTERS.map((c, i) => [c, i]));
const UPSERT_ROLLUP = `INSERT INTO rollup (dim, day, key, ${COUNTERS.join(', ')}) VALUES (?, ?, ?, ${COUNTERS.map(() => '?').join(', ')})
  ON CONFLICT DO UPDATE SET ${COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
const DAILY_QUANTILES = `
SELECT day, stage, max(total) AS count,
  min(CASE WHEN cum * 2 >= total THEN bucket END) AS p50,
  min(CASE WHEN cum * 10 >= total * 9 THEN bucket END) AS p90
FROM (
  SELECT day, stage, bucket,
    sum(n) OVER (PARTITION BY day, stage ORDER BY bucket) AS cum,
    sum(n) OVER (PARTITION BY day, stage) AS total
  FROM latency WHERE day BETWEEN ? AND ? AND n > 0
)
GROUP BY day, stage`;
const SUMS = COUNTERS.map((c) => `sum(${c}) AS ${c}`).join(', ');
const LIST_COLUMNS = 'id, facts';
const DEFAULT_LIMIT = 100;

/** The metrics store; address it by the name `global`. */
export class MetricsObject extends DurableObject<AppEnv> {
  readonly #sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: AppEnv) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    this.#sql.exec(SCHEMA);
  }

  /** Takes lead snapshots; an older or equal `rev` than the one kept changes nothing. */
  ingest(updates: FactsUpdate[]): void {
    this.ctx.storage.transactionSync(() => {
      for (const update of updates) this.#ingest(update);
    });
  }

  #ingest({ facts, lead }: FactsUpdate): void {
    const kept = this.#sql.exec<{ rev: number; facts: string }>('SELECT rev, facts FROM leads WHERE id = ?', facts.id).toArray()[0];
    if (kept && kept.rev >= facts.rev) return;
    const before = kept ? (JSON.parse(kept.facts) as LeadFacts) : undefined;
    // One upsert per rollup row (a day and key of a dimension) with every counter's change,
    // rather than one per counter: a snapshot touches six rows, not fifty cells.
    const rows = new Map<string, { dim: string; day: string; key: string; deltas: number[] }>();
    for (const cell of rollupDelta(before, facts)) {
      const colon = cell.metric.indexOf(':');
      if (colon >= 0) {
        this.#sql.exec('INSERT INTO latency (day, stage, bucket, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n', cell.day, cell.metric.slice(0, colon), Number(cell.metric.slice(colon + 1)), cell.n);
        continue;
      }
      const id = `${cell.dim}\u0000${cell.day}\u0000${cell.key}`;
      let row = rows.get(id);
      if (!row) rows.set(id, (row = { dim: cell.dim, day: cell.day, key: cell.key, deltas: COUNTERS.map(() => 0) }));
      row.deltas[COUNTER_INDEX.get(cell.metric as Counter)!]! += cell.n;
    }
    for (const row of rows.values()) this.#sql.exec(UPSERT_ROLLUP, row.dim, row.day, row.key, ...row.deltas);
    const row = [
      facts.id,
      facts.rev,
      facts.receivedAt,
      new Date(facts.receivedAt).toISOString().slice(0, 10),
      facts.formType,
      facts.source,
      facts.status,
      facts.route,
      facts.pool ?? null,
      facts.firstOwner,
      facts.owner,
      facts.dueAt,
      facts.confirmedAt ?? null,
      facts.notifiedAt ?? null,
      facts.respondedAt ?? null,
      facts.reassignments,
      facts.escalated ? 1 : 0,
      facts.duplicates,
      facts.deadLetters,
      facts.misroutedTo ?? null,
      facts.stage ?? null,
      facts.email ?? null,
      facts.phone ?? null,
      facts.company ?? null,
      JSON.stringify(facts),
      lead ? JSON.stringify(lead) : null,
    ];
    this.#sql.exec(
      `INSERT INTO leads VALUES (${row.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET rev = excluded.rev, owner = excluded.owner, due_at = excluded.due_at, confirmed_at = excluded.confirmed_at,
         notified_at = excluded.notified_at, responded_at = excluded.responded_at, reassignments = excluded.reassignments, escalated = excluded.escalated,
         duplicates = excluded.duplicates, dead_letters = excluded.dead_letters, misrouted_to = excluded.misrouted_to, stage = excluded.stage,
         facts = excluded.facts, lead = coalesce(leads.lead, excluded.lead)`,
      ...row,
    );
  }

  /** The figures from `from` to `to` (UTC days, both included); `now` judges what is overdue. */
  report(from: Day, to: Day, now: number): MetricsReport {
    // Overdue = unanswered (a rollup counter) less those still within their SLA (an index range).
    const notYetDue = new Map<string, number>();
    for (const row of this.#sql.exec<{ day: string; n: number }>(`SELECT day, count(*) AS n FROM leads WHERE ${NOT_YET_DUE} AND day BETWEEN ? AND ? GROUP BY day`, now, from, to)) {
      notYetDue.set(row.day, row.n);
    }
    const overdueOf = (day: string, tally: Tally) => (tally.counters.unanswered ?? 0) - (notYetDue.get(day) ?? 0);
    const dayTallies = new Map<string, Tally>();
    const total = emptyTally();
    for (const row of this.#sql.exec<Record<string, number | string>>(`SELECT * FROM rollup WHERE dim = 'all' AND day BETWEEN ? AND ?`, from, to)) {
      const tally = emptyTally();
      addCounters(tally, row);
      addCounters(total, row);
      dayTallies.set(row.day as string, tally);
    }
    // Per-day quantiles in SQL (a year is ~100k histogram rows: summed in C, not in objects);
    // nearest rank: the first bucket whose running count reaches the share of the day's total.
    const speeds = new Map<string, ReturnType<typeof noSpeed>>();
    for (const row of this.#sql.exec<{ day: string; stage: LatencyStage; count: number; p50: number; p90: number }>(DAILY_QUANTILES, from, to)) {
      let speed = speeds.get(row.day);
      if (!speed) speeds.set(row.day, (speed = noSpeed()));
      speed[row.stage] = { count: row.count, p50: row.p50, p90: row.p90 };
    }
    for (const row of this.#sql.exec<{ stage: string; bucket: number; n: number }>('SELECT stage, bucket, sum(n) AS n FROM latency WHERE day BETWEEN ? AND ? AND n > 0 GROUP BY stage, bucket', from, to)) {
      addToTally(total, `${row.stage}:${row.bucket}`, row.n);
    }
    let overdueTotal = 0;
    const days = [...dayTallies.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, tally]) => {
        const overdue = overdueOf(day, tally);
        overdueTotal += overdue;
        return { day, figures: figuresOf(tally, overdue, speeds.get(day) ?? noSpeed()) };
      });
    const by = {} as MetricsReport['by'];
    for (const dim of ['route', 'rep', 'form', 'source', 'pool_rep'] as const) {
      const rows = this.#sql.exec<Record<string, number | string>>(`SELECT key, ${SUMS} FROM rollup WHERE dim = ? AND day BETWEEN ? AND ? GROUP BY key`, dim, from, to);
      by[dim] = [...rows]
        .map((row) => {
          const tally = emptyTally();
          addCounters(tally, row);
          return { key: row.key as string, figures: figuresOf(tally) };
        })
        .sort((a, b) => b.figures.counters.leads - a.figures.counters.leads);
    }
    return { from, to, total: figuresOf(total, overdueTotal), days, by };
  }

  /** The leads behind a figure, newest first. */
  leads(filter: LeadFilter, now: number): LeadFacts[] {
    const { sql, bindings } = whereOf(filter, now);
    const rows = this.#sql.exec<{ id: string; facts: string }>(`SELECT ${LIST_COLUMNS} FROM leads WHERE ${sql} ORDER BY received_at DESC LIMIT ?`, ...bindings, filter.limit ?? DEFAULT_LIMIT);
    return [...rows].map((row) => JSON.parse(row.facts) as LeadFacts);
  }

  /**
   * Finds leads by id, email, phone or company: an id is exact, an email exact (normalised),
   * a phone matches on its digits' ending, a company on its beginning.
   */
  search(query: string, limit = 50): LeadFacts[] {
    const q = query.trim();
    if (!q) return [];
    let rows: Iterable<{ facts: string }>;
    const digits = q.replace(/[\s().+-]/g, '');
    if (/^ld_/.test(q)) rows = this.#sql.exec('SELECT facts FROM leads WHERE id = ?', q);
    else if (q.includes('@')) rows = this.#sql.exec('SELECT facts FROM leads WHERE email = ? ORDER BY received_at DESC LIMIT ?', q.toLowerCase(), limit);
    else if (/^\d{6,15}$/.test(digits)) rows = this.#sql.exec("SELECT facts FROM leads WHERE phone LIKE ? ORDER BY received_at DESC LIMIT ?", `%${digits}`, limit);
    else rows = this.#sql.exec('SELECT facts FROM leads WHERE company LIKE ? ORDER BY received_at DESC LIMIT ?', `${q.replace(/[%_]/g, '')}%`, limit);
    return [...rows].map((row) => JSON.parse(row.facts) as LeadFacts);
  }

  /** The last `limit` real (not junk) leads, oldest first, for replay against a proposed config. */
  replaySample(limit: number): ReplayLead[] {
    const rows = this.#sql.exec<{ id: string; received_at: number; lead: string }>(
      "SELECT id, received_at, lead FROM leads WHERE lead IS NOT NULL AND status <> 'junk' ORDER BY received_at DESC LIMIT ?",
      limit,
    );
    return [...rows].reverse().map((row) => ({ id: row.id, receivedAt: row.received_at, lead: JSON.parse(row.lead) as RoutableLead }));
  }
}

function addCounters(tally: Tally, row: Record<string, number | string>): void {
  for (const counter of COUNTERS) {
    const n = Number(row[counter] ?? 0);
    if (n !== 0) addToTally(tally, counter, n);
  }
}

