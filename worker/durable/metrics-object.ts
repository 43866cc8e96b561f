/**
 * MetricsObject: the routing audit's store, one object (`global`) on SQLite storage. Each lead
 * object sends a snapshot of its facts whenever its timeline moves; this object keeps the
 * latest snapshot per lead (for search, drill-down and replay) and applies the difference to
 * daily rollups (counters per day and key, and one latency histogram per day and stage), so a
 * query over a year reads a few rows per day, not every lead.
 */
import { DurableObject } from 'cloudflare:workers';
import { addToTally, emptyTally, figuresOf, noSpeed } from '../../shared/metrics/figures.ts';
import { countOf, quantile } from '../../shared/metrics/histogram.ts';
import { monthKey, splitPeriod, type PeriodSplit } from '../../shared/metrics/period.ts';
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
CREATE TABLE IF NOT EXISTS speed (
  day TEXT NOT NULL,
  stage TEXT NOT NULL,
  histogram TEXT NOT NULL,
  count INTEGER NOT NULL,
  p50 INTEGER,
  p90 INTEGER,
  PRIMARY KEY (day, stage)
) WITHOUT ROWID;
`;

const COUNTER_INDEX = new Map(COUNTERS.map((c, i) => [c, i]));
// Durable Object SQLite binds at most 100 values a statement; a rollup row takes 3 + COUNTERS.
const ROLLUP_ROWS_PER_STATEMENT = Math.floor(100 / (3 + COUNTERS.length));
const ROLLUP_VALUES = `(?, ?, ?, ${COUNTERS.map(() => '?').join(', ')})`;
const upsertStatements = new Map<number, string>();

/** One statement adding to `rows` rollup rows (a snapshot touches about six, in two statements). */
function upsertRollups(rows: number): string {
  let statement = upsertStatements.get(rows);
  if (!statement) {
    statement = `INSERT INTO rollup (dim, day, key, ${COUNTERS.join(', ')}) VALUES ${Array.from({ length: rows }, () => ROLLUP_VALUES).join(', ')}
  ON CONFLICT DO UPDATE SET ${COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
    upsertStatements.set(rows, statement);
  }
  return statement;
}
const SUMS = COUNTERS.map((c) => `sum(${c}) AS ${c}`).join(', ');
const DEFAULT_LIMIT = 100;
/** Replay reads recent leads: older copies are dropped by the daily prune. */
const REPLAY_KEPT_MS = 90 * 86_400_000;
const PRUNE_EVERY_MS = 86_400_000;
/** How long a snapshot waits for others to share its transaction. */
const FLUSH_AFTER_MS = 5;
/** A batch this large is flushed at once. */
const FLUSH_AT = 200;

/** The metrics store; address it by the name `global`. */
export class MetricsObject extends DurableObject<AppEnv> {
  readonly #sql: SqlStorage;
  /** Snapshots waiting for the next flush, and that flush. */
  #queue: FactsUpdate[] = [];
  #flush: Promise<void> | undefined;
  /** Whether this instance has made sure the daily prune is scheduled. */
  #pruneScheduled = false;

  constructor(ctx: DurableObjectState, env: AppEnv) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    this.#sql.exec(SCHEMA);
  }

  /**
   * Takes lead snapshots; an older or equal `rev` than the one kept changes nothing. Snapshots
   * arriving within a few milliseconds of each other are applied together, in one transaction
   * with their changes summed, so a burst of leads writes today's rollup rows once, not once per
   * lead. The call returns when its snapshots are committed.
   */
  ingest(updates: FactsUpdate[]): Promise<void> {
    this.#queue.push(...updates);
    if (!this.#flush) {
      this.#flush = new Promise<void>((resolve) => setTimeout(resolve, this.#queue.length >= FLUSH_AT ? 0 : FLUSH_AFTER_MS)).then(() => {
        const batch = this.#queue;
        this.#queue = [];
        this.#flush = undefined;
        this.ctx.storage.transactionSync(() => this.#apply(batch));
        return this.#schedulePrune();
      });
    }
    return this.#flush;
  }

  /** Once a day, the leads kept for replay are dropped after REPLAY_KEPT_MS; their facts stay. */
  async #schedulePrune(): Promise<void> {
    if (this.#pruneScheduled) return;
    this.#pruneScheduled = true;
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + PRUNE_EVERY_MS);
  }

  /** Drops the replay copies of leads older than REPLAY_KEPT_MS (the lead objects keep the leads). Safe to run twice. */
  override async alarm(): Promise<void> {
    this.#sql.exec('UPDATE leads SET lead = NULL WHERE received_at < ? AND lead IS NOT NULL', Date.now() - REPLAY_KEPT_MS);
    await this.ctx.storage.setAlarm(Date.now() + PRUNE_EVERY_MS);
  }

  #apply(batch: FactsUpdate[]): void {
    // One statement for every rollup row (a day and key of a dimension) with each counter's
    // change, rather than one per counter, and one change per row for the whole batch.
    const rows = new Map<string, { dim: string; day: string; key: string; deltas: number[] }>();
    const speeds = new Map<string, { day: string; stage: string; deltas: Map<number, number> }>();
    const addSpeed = (day: string, stage: string, bucket: number, n: number) => {
      const id = `${day}\u0000${stage}`;
      let speed = speeds.get(id);
      if (!speed) speeds.set(id, (speed = { day, stage, deltas: new Map() }));
      speed.deltas.set(bucket, (speed.deltas.get(bucket) ?? 0) + n);
    };
    const addRow = (dim: string, day: string, key: string, counter: Counter, n: number) => {
      const id = `${dim}\u0000${day}\u0000${key}`;
      let row = rows.get(id);
      if (!row) rows.set(id, (row = { dim, day, key, deltas: COUNTERS.map(() => 0) }));
      row.deltas[COUNTER_INDEX.get(counter)!]! += n;
    };
    // The latest facts per lead as this batch goes: a second snapshot of a lead in the same
    // batch is a change from the first.
    const latest = new Map<string, { facts: LeadFacts; lead?: RoutableLead }>();
    for (const { facts, lead } of batch) {
      let before = latest.get(facts.id)?.facts;
      if (!latest.has(facts.id)) {
        const kept = this.#sql.exec<{ facts: string }>('SELECT facts FROM leads WHERE id = ?', facts.id).toArray()[0];
        before = kept ? (JSON.parse(kept.facts) as LeadFacts) : undefined;
      }
      if (before && before.rev >= facts.rev) continue;
      // Every cell is kept by day and, to read long periods quickly, by month (see period.ts);
      // the whole traffic's counters only by day, which the daily series reads anyway.
      for (const cell of rollupDelta(before, facts)) {
        const month = monthKey(cell.day);
        const colon = cell.metric.indexOf(':');
        if (colon >= 0) {
          const stage = cell.metric.slice(0, colon);
          const bucket = Number(cell.metric.slice(colon + 1));
          addSpeed(cell.day, stage, bucket, cell.n);
          addSpeed(month, stage, bucket, cell.n);
          continue;
        }
        addRow(cell.dim, cell.day, cell.key, cell.metric as Counter, cell.n);
        if (cell.dim !== 'all') addRow(cell.dim, month, cell.key, cell.metric as Counter, cell.n);
      }
      const kept = lead ?? latest.get(facts.id)?.lead;
      latest.set(facts.id, kept ? { facts, lead: kept } : { facts });
    }
    const all = [...rows.values()].filter((row) => row.deltas.some((n) => n !== 0));
    for (let i = 0; i < all.length; i += ROLLUP_ROWS_PER_STATEMENT) {
      const chunk = all.slice(i, i + ROLLUP_ROWS_PER_STATEMENT);
      this.#sql.exec(upsertRollups(chunk.length), ...chunk.flatMap((row) => [row.dim, row.day, row.key, ...row.deltas]));
    }
    for (const speed of speeds.values()) this.#addLatencies(speed.day, speed.stage, speed.deltas);
    for (const { facts, lead } of latest.values()) this.#store(facts, lead);
  }

  /** Keeps a lead's latest facts (and, once, the lead itself for replay). */
  #store(facts: LeadFacts, lead: RoutableLead | undefined): void {
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

  /**
   * A day's latency histogram of one stage is one row (bucket → count as JSON) with its count,
   * median and p90 kept beside it: a year of figures reads three rows a day, whatever the volume.
   */
  #addLatencies(day: string, stage: string, deltas: Map<number, number>): void {
    const kept = this.#sql.exec<{ histogram: string }>('SELECT histogram FROM speed WHERE day = ? AND stage = ?', day, stage).toArray()[0];
    const histogram = kept ? (JSON.parse(kept.histogram) as Record<number, number>) : {};
    for (const [bucket, n] of deltas) {
      const count = (histogram[bucket] ?? 0) + n;
      if (count > 0) histogram[bucket] = count;
      else delete histogram[bucket];
    }
    const count = countOf(histogram);
    this.#sql.exec(
      'INSERT OR REPLACE INTO speed (day, stage, histogram, count, p50, p90) VALUES (?, ?, ?, ?, ?, ?)',
      day,
      stage,
      JSON.stringify(histogram),
      count,
      quantile(histogram, 0.5),
      quantile(histogram, 0.9),
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
    // Each day's quantiles are kept beside its histogram; the period's come from merging the
    // histograms of its whole months and edge days.
    const speeds = new Map<string, ReturnType<typeof noSpeed>>();
    for (const row of this.#sql.exec<{ day: string; stage: LatencyStage; count: number; p50: number | null; p90: number | null }>(
      'SELECT day, stage, count, p50, p90 FROM speed WHERE day BETWEEN ? AND ?',
      from,
      to,
    )) {
      let speed = speeds.get(row.day);
      if (!speed) speeds.set(row.day, (speed = noSpeed()));
      speed[row.stage] = { count: row.count, p50: row.p50, p90: row.p90 };
    }
    const period = periodWhere(splitPeriod(from, to));
    for (const row of this.#sql.exec<{ stage: LatencyStage; histogram: string }>(`SELECT stage, histogram FROM speed WHERE ${period.sql}`, ...period.bindings)) {
      const histogram = (total.latency[row.stage] ??= {});
      for (const [bucket, n] of Object.entries(JSON.parse(row.histogram) as Record<string, number>)) histogram[Number(bucket)] = (histogram[Number(bucket)] ?? 0) + n;
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
      const rows = this.#sql.exec<Record<string, number | string>>(`SELECT key, ${SUMS} FROM rollup WHERE dim = ? AND ${period.sql} GROUP BY key`, dim, ...period.bindings);
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
    const rows = this.#sql.exec<{ facts: string }>(`SELECT facts FROM leads WHERE ${sql} ORDER BY received_at DESC LIMIT ?`, ...bindings, filter.limit ?? DEFAULT_LIMIT);
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

  /**
   * Forgets the personal data of these leads (erasure, retention): their replay copy and the
   * email, phone, company and name in their facts. Their anonymous contributions to the figures
   * stay. Returns how many leads it held.
   */
  erase(ids: string[]): number {
    let n = 0;
    for (const id of ids) {
      const row = this.#sql.exec<{ facts: string }>('SELECT facts FROM leads WHERE id = ?', id).toArray()[0];
      if (!row) continue;
      const { email: _e, phone: _p, company: _c, name: _n, ...anonymous } = JSON.parse(row.facts) as LeadFacts;
      this.#sql.exec('UPDATE leads SET email = NULL, phone = NULL, company = NULL, lead = NULL, facts = ? WHERE id = ?', JSON.stringify(anonymous), id);
      n += 1;
    }
    return n;
  }

  /** What the audit keeps of these leads (export): their facts and replay copies. */
  personal(ids: string[]): { facts: LeadFacts; lead: RoutableLead | null }[] {
    return ids.flatMap((id) =>
      this.#sql
        .exec<{ facts: string; lead: string | null }>('SELECT facts, lead FROM leads WHERE id = ?', id)
        .toArray()
        .map((row) => ({ facts: JSON.parse(row.facts) as LeadFacts, lead: row.lead === null ? null : (JSON.parse(row.lead) as RoutableLead) })),
    );
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

/** The rows of a split period: its months' and its edge days'. */
function periodWhere(split: PeriodSplit): { sql: string; bindings: string[] } {
  const ranges = [...(split.months ? [split.months] : []), ...split.days];
  if (ranges.length === 0) return { sql: '0', bindings: [] };
  return { sql: `(${ranges.map(() => 'day BETWEEN ? AND ?').join(' OR ')})`, bindings: ranges.flat() };
}

function addCounters(tally: Tally, row: Record<string, number | string>): void {
  for (const counter of COUNTERS) {
    const n = Number(row[counter] ?? 0);
    if (n !== 0) addToTally(tally, counter, n);
  }
}

