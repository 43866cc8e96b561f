/**
 * MetricsObject: one shard of the routing audit's store, holding the leads that arrived in one
 * calendar month (or one part of a busy month: named `2026-11`, `2026-11.1`…, see
 * shared/metrics/shards.ts; worker/metrics/store.ts is the store callers use). It keeps each
 * lead's latest facts (drill-down, search), the rollups of its days (figures) and copies of its
 * routed leads for 90 days (replay). The figures follow shared/metrics/definitions.ts: the flags
 * stored per lead and the rollups are both computed from them, in TypeScript, once per snapshot.
 */
import { DurableObject } from 'cloudflare:workers';
import { countsIn, DEFINITIONS_VERSION, flagsOf, keysOf } from '../../shared/metrics/definitions.ts';
import { speedOf } from '../../shared/metrics/figures.ts';
import { CUT_DIMENSIONS, emptyShardTally, type ShardTally } from '../../shared/metrics/report.ts';
import { addLatency, addLead, addToTally, dayOf, emptyDay, emptyTally, type DayRollup } from '../../shared/metrics/rollup.ts';
import { dayStart, monthOf, monthStart, shardName } from '../../shared/metrics/shards.ts';
import type { Day, Dimension, LeadFacts } from '../../shared/metrics/types.ts';
import type { ReplayLead } from '../../shared/routing/replay.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import type { AppEnv } from '../app-env.ts';
import { DayRollups, DAYS_SCHEMA } from '../metrics/day-rollups.ts';
import { FACTS_SCHEMA, FactsTable, type StoredLead } from '../metrics/facts-table.ts';
import { whereOf, type LeadFilter } from '../metrics/lead-filter.ts';
import { ReplayCopies } from '../metrics/replay-copies.ts';
import { CountingSql } from '../metrics/sql.ts';

/** A lead's latest facts, and on its first snapshot the lead itself (kept for replay). */
export interface FactsUpdate {
  facts: LeadFacts;
  lead?: RoutableLead;
}

/** What search looks for in a shard (the store reads it off the query typed). */
export type ShardSearch = { id: string; around: number } | { email: string } | { phoneEnd: string } | { company: string };

/** A lead as erasure and export name it: its id and the arrival its id carries. */
export type LeadRef = { id: string; around: number };

const DAY_MS = 86_400_000;
/** Copies of leads kept for replay go after this. */
export const REPLAY_KEPT_MS = 90 * DAY_MS;
/** How long a snapshot waits for others to share its transaction; a batch this large goes at once. */
const FLUSH_AFTER_MS = 5;
const FLUSH_AT = 200;
/**
 * Leads one part of a month is made for: about 2.7 GB at the ~450 B a lead takes (bench:metrics),
 * so a part stays under the platform's 10 GB per object unless a month brings over 7 times the
 * leads of the one before.
 */
const PART_LEADS = 6_000_000;
/** A lead id's time may precede its arrival by this much (an admission resumed after a crash). */
const ID_TIME_SLACK_MS = 10 * 60_000;

/** One shard of the metrics store. */
export class MetricsObject extends DurableObject<AppEnv> {
  readonly #sql: CountingSql;
  readonly #facts: FactsTable;
  readonly #days: DayRollups;
  readonly #replay: ReplayCopies;
  /** Whether the tables exist and follow the current definitions. */
  #ready = false;
  #queue: FactsUpdate[] = [];
  #flush: Promise<number> | undefined;
  #alarmChecked = false;
  /** The month's part count, once known (this shard being the month's part 0). */
  #parts: Promise<number> | undefined;
  /** The sum of every day of the shard per key (see tally), until the next write. */
  #whole: ShardTally | undefined;

  constructor(ctx: DurableObjectState, env: AppEnv) {
    super(ctx, env);
    // Nothing is created here: a shard only read (a week without leads) keeps no storage.
    this.#sql = new CountingSql(ctx.storage.sql);
    this.#facts = new FactsTable(this.#sql);
    this.#days = new DayRollups(this.#sql);
    this.#replay = new ReplayCopies(this.#sql);
  }

  /**
   * Takes lead snapshots; an older or equal `rev` than the one kept changes nothing. Snapshots
   * arriving within a few milliseconds of each other are applied together, in one transaction:
   * each lead's row written once, each day's rollup once. Resolves when they are committed, with
   * the rows that transaction wrote (shared with the snapshots that joined it).
   */
  ingest(updates: FactsUpdate[]): Promise<number> {
    this.#queue.push(...updates);
    this.#flush ??= new Promise((resolve) => setTimeout(resolve, this.#queue.length >= FLUSH_AT ? 0 : FLUSH_AFTER_MS)).then(async () => {
      const batch = this.#queue;
      this.#queue = [];
      this.#flush = undefined;
      const before = this.#sql.rowsWritten;
      this.#whole = undefined;
      try {
        this.ctx.storage.transactionSync(() => this.#apply(batch));
      } catch (error) {
        // Storage is as before the batch; what this instance learnt of it during the batch may not be.
        this.#ready = false;
        this.#replay.reset();
        this.#days.forget();
        throw error;
      }
      if (!this.#alarmChecked && (await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + DAY_MS);
      this.#alarmChecked = true;
      return this.#sql.rowsWritten - before;
    });
    return this.#flush;
  }

  #apply(batch: readonly FactsUpdate[]): void {
    this.#open(true);
    // Per lead: what storage holds (if anything) and the newest snapshot of this batch.
    const leads = new Map<string, { stored?: StoredLead; facts: LeadFacts; lead?: RoutableLead }>();
    for (const { facts, lead } of batch) {
      let entry = leads.get(facts.id);
      if (!entry) {
        const stored = this.#facts.find(facts.receivedAt, facts.id);
        leads.set(facts.id, (entry = stored ? { stored, facts: stored.facts } : { facts, lead }));
      }
      if (facts.rev > entry.facts.rev) entry.facts = facts;
      entry.lead ??= lead;
    }
    const days = this.#days.all();
    const changed = new Map<Day, DayRollup>();
    for (const { stored, facts, lead } of leads.values()) {
      if (stored && stored.facts.rev >= facts.rev) continue;
      const day = dayOf(facts.receivedAt);
      const rollup = changed.get(day) ?? structuredClone(days.get(day)) ?? emptyDay();
      changed.set(day, rollup);
      if (stored) {
        addLead(rollup, stored.facts, -1);
        this.#facts.update(stored.seq, stored.facts, facts);
      } else {
        const seq = this.#facts.insert(facts);
        if (lead && facts.status !== 'junk') this.#replay.add(seq, facts.id, lead);
      }
      addLead(rollup, facts, 1);
    }
    this.#days.write(changed);
  }

  /**
   * Whether the shard has tables (creating them when `create`), recomputing the flags and the
   * rollups from the facts when the definitions changed since they were written.
   */
  #open(create: boolean): boolean {
    if (this.#ready) return true;
    if (!this.#sql.hasTable('facts')) {
      if (!create) return false;
      this.#sql.storage.exec(`${FACTS_SCHEMA}${DAYS_SCHEMA}CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;`);
      this.#sql.run("INSERT INTO meta VALUES ('definitions', ?)", DEFINITIONS_VERSION);
    } else if (this.#sql.all("SELECT value FROM meta WHERE key = 'definitions'")[0]?.value !== DEFINITIONS_VERSION) {
      this.ctx.storage.transactionSync(() => {
        // The open index names the bit of `unanswered`, which may have moved.
        this.#sql.storage.exec(`DROP INDEX IF EXISTS facts_open; ${FACTS_SCHEMA}`);
        const days = new Map<Day, DayRollup>();
        for (let after = -1, page: StoredLead[]; (page = this.#facts.page(after, 1_000)).length > 0; after = page.at(-1)!.seq) {
          for (const { seq, facts } of page) {
            this.#facts.setFlags(seq, flagsOf(facts));
            const day = dayOf(facts.receivedAt);
            if (!days.has(day)) days.set(day, emptyDay());
            addLead(days.get(day)!, facts, 1);
          }
        }
        this.#days.write(days, true);
        this.#sql.run("INSERT OR REPLACE INTO meta VALUES ('definitions', ?)", DEFINITIONS_VERSION);
      });
    }
    this.#ready = true;
    return true;
  }

  /**
   * How many parts the shards of `month` have, this shard being its part 0; 0 while no lead of
   * the month has come. The first lead (`decide`) fixes it for good: enough parts for twice the
   * previous month's leads at PART_LEADS each, and at least `minimum`.
   */
  parts(month: string, decide: boolean, minimum = 1): Promise<number> {
    if (this.#parts) return this.#parts;
    const stored = this.#open(false) ? Number(this.#sql.all("SELECT value FROM meta WHERE key = 'parts'")[0]?.value ?? 0) : 0;
    if (stored > 0 || !decide) return Promise.resolve(stored);
    return (this.#parts ??= (async () => {
      const previous = monthOf(monthStart(month) - 1);
      const parts = Math.max(1, await this.env.METRICS.getByName(previous).parts(previous, false));
      const leads = await Promise.all(Array.from({ length: parts }, (_, i) => this.env.METRICS.getByName(shardName(previous, i)).stats()));
      const n = Math.max(minimum, Math.ceil((2 * leads.reduce((sum, s) => sum + s.leads, 0)) / PART_LEADS));
      this.#open(true);
      this.#sql.run("INSERT OR IGNORE INTO meta VALUES ('parts', ?)", n);
      return Number(this.#sql.all("SELECT value FROM meta WHERE key = 'parts'")[0]!.value);
    })().catch((error: unknown) => {
      // Asked again, it tries again (the previous month's shards may answer next time).
      this.#parts = undefined;
      throw error;
    }));
  }

  /**
   * The shard's part of the figures of `from`–`to`, with live counts judged at `now`; `only`
   * one key of one cut, counts alone (what a drill-down's count needs), or every key.
   */
  tally(from: Day, to: Day, now: number, only?: { dim: Dimension; key: string }): ShardTally {
    if (!this.#open(false)) return emptyShardTally();
    // A period over every day of the shard (most months of a long period) with no lead still open
    // reads the shard's sum, kept until the next write.
    const whole = [...this.#days.all().keys()].every((day) => day >= from && day <= to);
    const open = this.#facts.stillOpen(dayStart(from), dayStart(to) + DAY_MS, now);
    if (whole && open.length === 0 && this.#whole) return only ? pick(this.#whole, only) : this.#whole;
    const part = emptyShardTally();
    const wanted = (dim: Dimension, key: string) => !only || (only.dim === dim && (dim === 'all' || only.key === key));
    const tallyOf = (dim: Dimension, key: string, day: Day) => (dim === 'all' ? (part.days[day] ??= emptyTally()) : (part.by[dim][key] ??= emptyTally()));
    for (const [day, rollup] of this.#days.all()) {
      if (day < from || day > to) continue;
      if (wanted('all', '*')) addToTally(tallyOf('all', '*', day), rollup, 'all', '*', false);
      if (!only) {
        part.speed[day] = speedOf(rollup.latency);
        addLatency(part.latency, rollup.latency);
      }
      for (const dim of CUT_DIMENSIONS) for (const key in rollup.cells[dim]) if (wanted(dim, key)) addToTally(tallyOf(dim, key, day), rollup, dim, key, false);
    }
    // Open (unanswered, SLA not yet run out): few leads, read through their index, counted under
    // every key by the same keysOf that built the rollups.
    for (const { facts } of open) {
      if (!countsIn('open', flagsOf(facts), facts.dueAt, now)) continue;
      for (const [dim, key] of keysOf(facts)) if (wanted(dim, key)) tallyOf(dim, key, dayOf(facts.receivedAt)).open += 1;
    }
    if (whole && open.length === 0 && !only) this.#whole = part;
    return part;
  }

  /** The leads behind a figure, newest first, with their keys (the cursor of the next page). */
  leads(filter: LeadFilter, now: number, limit: number): StoredLead[] {
    if (!this.#open(false)) return [];
    const { sql, bindings } = whereOf(filter, now);
    return this.#facts.list(sql, bindings, limit);
  }

  /** Leads by id, email, the end of a phone number, or the beginning of a company name. */
  search(query: ShardSearch, limit: number): StoredLead[] {
    if (!this.#open(false)) return [];
    if ('id' in query) return this.#find([query]);
    if ('email' in query) return this.#facts.list('email = ?', [query.email], limit, 'facts_email');
    // Upper bounds: ':' sorts after every digit and '+'; U+10FFFF after every character.
    if ('phoneEnd' in query) return this.#facts.list('phone >= ? AND phone < ?', [query.phoneEnd, `${query.phoneEnd}:`], limit, 'facts_phone');
    return this.#facts.list('company >= ? AND company < ?', [query.company, `${query.company}\u{10FFFF}`], limit, 'facts_company');
  }

  /** The newest `limit` copies of leads received since `since`, for replay. */
  replay(limit: number, since: number): ReplayLead[] {
    return this.#replay.newest(limit, since);
  }

  /** What the shard keeps of these leads (a person's export): their facts and replay copies. */
  personal(leads: readonly LeadRef[]): { facts: LeadFacts; lead: RoutableLead | null }[] {
    const found = this.#find(leads);
    const copies = new Map(this.#replay.of(found.map((l) => l.facts.id)).map((copy) => [copy.id, copy.lead]));
    return found.map(({ facts }) => ({ facts, lead: copies.get(facts.id) ?? null }));
  }

  /**
   * Erases the personal data of these leads (email, phone, company, name, the replay copy),
   * keeping their anonymous facts: the figures do not move. Returns how many it held.
   */
  erase(leads: readonly LeadRef[]): number {
    return this.ctx.storage.transactionSync(() => {
      const found = this.#find(leads);
      for (const { seq } of found) this.#facts.forget(seq);
      this.#replay.erase(found.map((l) => l.facts.id));
      return found.length;
    });
  }

  #find(leads: readonly LeadRef[]): StoredLead[] {
    return this.#open(false) ? leads.flatMap(({ id, around }) => this.#facts.find(around, id, ID_TIME_SLACK_MS) ?? []) : [];
  }

  /** What the shard holds and has cost this instance: leads, bytes on disk, rows written. */
  stats(): { leads: number; bytes: number; rowsWritten: number } {
    return { leads: this.#open(false) ? this.#facts.count() : 0, bytes: this.ctx.storage.sql.databaseSize, rowsWritten: this.#sql.rowsWritten };
  }

  /** Once its leads are 90 days old, the copies kept for replay go; the alarm stops when none is left. Safe to run twice. */
  override async alarm(): Promise<void> {
    if (this.sweep(Date.now())) await this.ctx.storage.setAlarm(Date.now() + DAY_MS);
  }

  /** What the alarm does, as of `now`; returns whether copies are left for a later day. */
  sweep(now: number): boolean {
    return this.#open(false) && this.#replay.expire(now - REPLAY_KEPT_MS);
  }
}

/** One key's counts of a shard's whole tally. */
function pick(whole: ShardTally, only: { dim: Dimension; key: string }): ShardTally {
  const part = emptyShardTally();
  if (only.dim === 'all') part.days = whole.days;
  else if (whole.by[only.dim][only.key]) part.by[only.dim][only.key] = whole.by[only.dim][only.key]!;
  return part;
}
