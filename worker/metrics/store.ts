/**
 * The metrics store as its callers see it: lead objects send snapshots, the audit API asks for
 * figures, drill-downs, search and replay, erasure and export name leads. Behind it, MetricsObject
 * shards, one per calendar month of arrival, or several for a busy month (shared/metrics/shards.ts):
 * each holds a bounded share of leads, and a question about a period asks its months' shards and
 * adds up.
 */
import { figuresOf } from '../../shared/metrics/figures.ts';
import { reportOf } from '../../shared/metrics/report.ts';
import { dayOf, emptyTally, mergeTally } from '../../shared/metrics/rollup.ts';
import { monthOf, monthsBetween, monthsSince, monthStart, partOf, shardName } from '../../shared/metrics/shards.ts';
import type { Dimension, LeadFacts, MetricsReport } from '../../shared/metrics/types.ts';
import type { ReplayLead } from '../../shared/routing/replay.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import { REPLAY_KEPT_MS, type FactsUpdate, type LeadRef, type MetricsObject, type ShardSearch } from '../durable/metrics-object.ts';
import { SEQ_PER_MS, type StoredLead } from './facts-table.ts';
import type { LeadFilter } from './lead-filter.ts';

export type { FactsUpdate } from '../durable/metrics-object.ts';

const DAY_MS = 86_400_000;
/** A drill-down without a period (the misroute review list) covers the last year. */
const LIST_DAYS = 365;
const DEFAULT_LIMIT = 100;
const SEARCH_LIMIT = 50;
/** The config's default retention: search looks this far back unless told otherwise. */
const RETENTION_MS = 365 * DAY_MS;
/** A lead id's time may precede its arrival by this much (see MetricsObject). */
const ID_TIME_SLACK_MS = 10 * 60_000;

/** Part counts of months that have them: fixed for good, so every isolate may remember them. */
const knownParts = new Map<string, number>();

/** One page of the leads behind a figure. */
export interface LeadPage {
  leads: LeadFacts[];
  /** How many leads the figure counts (the tile's number): the pages add up to it. */
  total: number;
  /** Pass as `before` for the next page; absent on the last. */
  next?: string;
}

/** What the store needs of the Worker's environment. */
export interface MetricsEnv {
  METRICS: DurableObjectNamespace<MetricsObject>;
  /** The fewest parts a month's shards have (default 1; see the README's metrics store). */
  METRICS_PARTS?: string;
}

/** The store over the `METRICS` namespace; search looks `retentionMs` back (the config's retention). */
export function metricsStore(env: MetricsEnv, retentionMs = RETENTION_MS): MetricsStore {
  return new MetricsStore(env, retentionMs);
}

/**
 * The arrival time a lead id carries (`ld_` + epoch ms in base 36, see worker/lead/lead-id.ts),
 * if it carries one that can be true.
 */
export function arrivalOfId(id: string): number | undefined {
  const match = /^ld_([0-9a-z]{8})/.exec(id);
  const at = match ? parseInt(match[1]!, 36) : NaN;
  return at > Date.UTC(2020, 0, 1) && at < Date.UTC(2100, 0, 1) ? at : undefined;
}

/** The sharded metrics store. */
export class MetricsStore {
  readonly #env: MetricsEnv;
  readonly #retentionMs: number;

  constructor(env: MetricsEnv, retentionMs: number) {
    this.#env = env;
    this.#retentionMs = retentionMs;
  }

  #shard(name: string): DurableObjectStub<MetricsObject> {
    return this.#env.METRICS.getByName(name);
  }

  /** A month's part count; `decide` (a lead of that month is coming) fixes it if not yet. */
  async #parts(month: string, decide = false): Promise<number> {
    let parts = knownParts.get(month);
    if (parts === undefined) {
      parts = await this.#shard(month).parts(month, decide, Number(this.#env.METRICS_PARTS) || 1);
      if (parts > 0) knownParts.set(month, parts);
    }
    return Math.max(parts, 1);
  }

  /** Every shard of these months, newest month first. */
  async #shards(months: readonly string[]): Promise<string[]> {
    const parts = await Promise.all(months.map((month) => this.#parts(month)));
    return months.flatMap((month, i) => Array.from({ length: parts[i]! }, (_, part) => shardName(month, part)));
  }

  /**
   * Takes lead snapshots, each to its shard (its month of arrival, its part by id). Resolves once
   * all are committed, with the rows their transactions wrote (see MetricsObject.ingest).
   */
  async ingest(updates: readonly FactsUpdate[]): Promise<number> {
    const byShard = new Map<string, FactsUpdate[]>();
    for (const update of updates) {
      const month = monthOf(update.facts.receivedAt);
      const name = shardName(month, partOf(update.facts.id, await this.#parts(month, true)));
      byShard.set(name, [...(byShard.get(name) ?? []), update]);
    }
    const rows = await Promise.all([...byShard].map(([name, batch]) => this.#shard(name).ingest(batch)));
    return rows.reduce((sum, n) => sum + n, 0);
  }

  /**
   * The figures of `from`–`to` (UTC days, both included), live counts judged at `now`; with
   * `only`, just that key of that cut (the rest of the report is empty).
   */
  async report(from: string, to: string, now: number, only?: { dim: Dimension; key: string }): Promise<MetricsReport> {
    const names = await this.#shards(monthsBetween(from, to));
    return reportOf(from, to, now, await Promise.all(names.map((name) => this.#shard(name).tally(from, to, now, only))));
  }

  /** A page of the leads behind a figure, newest first, with the figure's count. */
  async leads(filter: LeadFilter, now: number): Promise<LeadPage> {
    const to = filter.to ?? dayOf(now);
    const from = filter.from ?? dayOf(now - (LIST_DAYS - 1) * DAY_MS);
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const cut = filter.dim && filter.dim !== 'all' && filter.key !== undefined ? { dim: filter.dim, key: filter.key } : { dim: 'all' as const, key: '*' };
    // The count comes from the rollups, as the figure's tile does; the pages list the same leads.
    const counting = this.#shards(monthsBetween(from, to)).then((names) => Promise.all(names.map((name) => this.#shard(name).tally(from, to, now, cut))));
    const found: StoredLead[] = [];
    // Newest months first, a month's parts together, until the page is full.
    for (const month of monthsBetween(from, to)) {
      if (found.length > limit) break;
      if (filter.before !== undefined && monthStart(month) * SEQ_PER_MS >= filter.before) continue;
      const names = await this.#shards([month]);
      found.push(...(await Promise.all(names.map((name) => this.#shard(name).leads({ ...filter, from, to }, now, limit + 1 - found.length)))).flat());
    }
    found.sort((a, b) => b.seq - a.seq);
    const page = found.slice(0, limit);
    const sum = emptyTally();
    for (const part of await counting)
      for (const tally of cut.dim === 'all' ? Object.values(part.days) : [part.by[cut.dim][cut.key] ?? emptyTally()]) mergeTally(sum, tally);
    return {
      leads: page.map((l) => l.facts),
      total: figuresOf(sum).counters[filter.is ?? 'leads'],
      ...(found.length > limit ? { next: String(page.at(-1)!.seq) } : {}),
    };
  }

  /** Leads by id, email, phone (its last digits) or company (its beginning), newest first. */
  async search(text: string, now: number): Promise<LeadFacts[]> {
    const q = text.trim();
    const digits = q.replace(/[\s().+-]/g, '');
    const around = arrivalOfId(q);
    let query: ShardSearch;
    let months = monthsSince(now - this.#retentionMs, now + DAY_MS);
    if (/^ld_/.test(q)) {
      if (around === undefined) return [];
      query = { id: q, around };
      months = [...new Set([monthOf(around), monthOf(around + ID_TIME_SLACK_MS)])];
    } else if (q.includes('@')) query = { email: q.toLowerCase() };
    else if (/^\d{6,15}$/.test(digits)) query = { phoneEnd: [...digits].reverse().join('') };
    else if (q) query = { company: q };
    else return [];
    // Newest months first, in waves of 1, 2, 4… months, until enough are found.
    const found: StoredLead[] = [];
    for (let i = 0, wave = 1; i < months.length && found.length < SEARCH_LIMIT; i += wave, wave *= 2) {
      const names = await this.#shards(months.slice(i, i + wave));
      found.push(...(await Promise.all(names.map((name) => this.#shard(name).search(query, SEARCH_LIMIT)))).flat());
    }
    return found
      .sort((a, b) => b.seq - a.seq)
      .slice(0, SEARCH_LIMIT)
      .map((l) => l.facts);
  }

  /** The last `limit` routed leads received in the replay window, oldest first, for replay. */
  async replaySample(limit: number, now: number): Promise<ReplayLead[]> {
    const since = now - REPLAY_KEPT_MS;
    const sample: ReplayLead[] = [];
    for (const month of monthsSince(since, now + DAY_MS)) {
      if (sample.length >= limit) break;
      const copies = (await Promise.all((await this.#shards([month])).map((name) => this.#shard(name).replay(limit, since)))).flat();
      sample.push(...copies.sort((a, b) => b.receivedAt - a.receivedAt).slice(0, limit - sample.length));
    }
    return sample.reverse();
  }

  /** The shards each lead may be in, from the arrival its id carries (and the month after, for an admission resumed across the boundary). */
  async #locate(leadIds: readonly string[]): Promise<Map<string, LeadRef[]>> {
    const byShard = new Map<string, LeadRef[]>();
    for (const id of leadIds) {
      const around = arrivalOfId(id);
      if (around === undefined) continue;
      for (const month of new Set([monthOf(around), monthOf(around + ID_TIME_SLACK_MS)])) {
        const name = shardName(month, partOf(id, await this.#parts(month)));
        byShard.set(name, [...(byShard.get(name) ?? []), { id, around }]);
      }
    }
    return byShard;
  }

  /**
   * Erases the personal data of these leads (email, phone, company, name and the copy kept for
   * replay), keeping their anonymous facts and so the figures: for a person's erasure, and when a
   * lead's retention ends. Returns how many leads the store held.
   */
  async erase(leadIds: readonly string[]): Promise<number> {
    const erased = await Promise.all([...(await this.#locate(leadIds))].map(([name, leads]) => this.#shard(name).erase(leads)));
    return erased.reduce((sum, n) => sum + n, 0);
  }

  /** What the store keeps of these leads (a person's export): their facts and replay copies. */
  async personal(leadIds: readonly string[]): Promise<{ facts: LeadFacts; lead: RoutableLead | null }[]> {
    return (await Promise.all([...(await this.#locate(leadIds))].map(([name, leads]) => this.#shard(name).personal(leads)))).flat();
  }
}
