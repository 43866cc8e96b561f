/**
 * RouterState: the one place routing state lives (round-robin cursors, daily counts, open leads
 * per rep) and the one writer of config versions. Strongly consistent by construction: a single
 * object, and every decision reads and commits the state with no await in between. KV, being
 * eventually consistent, never holds a counter.
 *
 * A rep's load is derived from the open leads themselves (lead/open-leads.ts: one row per lead,
 * keyed by the lead), so holding, moving and releasing a lead are idempotent and the count can
 * be checked against the rows.
 */
import { DurableObject } from 'cloudflare:workers';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { reassign, type Reassignment } from '../../shared/routing/reassign.ts';
import { applyStateChange, movesState, route } from '../../shared/routing/route.ts';
import type { Decision, RoutableLead, RoutingState, StateChange } from '../../shared/routing/types.ts';
import { parseDuration } from '../../shared/time/duration.ts';
import type { AppEnv } from '../app-env.ts';
import { exampleConfigJson, type VersionedConfig } from '../config/store.ts';
import { ConfigVersions, type Publication, type PublishRequest, type VersionMeta } from '../config/versions.ts';
import { OpenLeads, type OpenLead } from '../lead/open-leads.ts';
import { tableWithoutRowid } from '../lead/sql-table.ts';

/** A decision and the config version that made it. */
export interface VersionedDecision {
  decision: Decision;
  configVersion: number;
}

export type { Publication, PublishRequest, VersionMeta } from '../config/versions.ts';

/** The routing state as the admin API shows it: the engine's state, and the open leads behind the load. */
export type StateSnapshot = RoutingState & { configVersion: number; open: OpenLead[] };

const REASSIGNMENTS_KEPT = 500;
/** How long a decision is remembered for a retried admission (they come within minutes). */
const DECISIONS_KEPT_MS = 60 * 60_000;
const PRUNE_EVERY = 500;
/** Open leads listed by the admin state read. */
const OPEN_LISTED = 1_000;
/** How often routing lets idle leads go (see `#expireIdle`). */
const EXPIRE_EVERY_MS = 60_000;
/** How long a lead counts toward its owner's load without a close or outcome, by default. */
export const DEFAULT_RELEASE_AFTER = '7d';

/** The routing state object; address it by the name `global`. */
export class RouterState extends DurableObject<AppEnv> {
  /** Cursors and the other counters of the engine; the load is kept by `#open`. */
  #state: RoutingState = { cursors: {}, load: {} };
  #open!: OpenLeads;
  /** The routing config's versions: this object is their one source of truth. */
  readonly #versions: ConfigVersions;
  /** Results of recent reassignments by idempotency key: an alarm that fires twice gets the same answer. */
  #reassignments = new Map<string, Reassignment>();
  /** Decisions since the last prune, counted to prune the remembered ones now and then. */
  #sincePrune = 0;
  /** When a decision last let idle leads go (see `#expireIdle`). */
  #expiredAt = Number.NEGATIVE_INFINITY;

  constructor(ctx: DurableObjectState, env: AppEnv) {
    super(ctx, env);
    this.#versions = new ConfigVersions(
      ctx.storage,
      env.LEADS_KV,
      () => exampleConfigJson(env.ASSETS),
      (promise) => ctx.waitUntil(promise),
    );
    // Not awaited in a constructor: the runtime holds every event until it settles.
    void ctx.blockConcurrencyWhile(async () => {
      const stored = await ctx.storage.get(['state', 'version', 'reassignments']);
      this.#state = { ...this.#state, ...((stored.get('state') as RoutingState | undefined) ?? {}), load: {} };
      this.#versions.restore(stored.get('version') as number | undefined);
      this.#reassignments = new Map((stored.get('reassignments') as [string, Reassignment][] | undefined) ?? []);
      // Recent decisions by key, on disk: a retried admission finds its decision even after this
      // object restarted, so it is neither routed nor counted twice.
      ctx.storage.transactionSync(() => {
        tableWithoutRowid(ctx.storage.sql, 'decisions', 'lead_id TEXT PRIMARY KEY, at INTEGER NOT NULL, decision TEXT NOT NULL');
        this.#open = new OpenLeads(ctx.storage.sql);
      });
    });
  }

  /**
   * Routes a lead with the current config and commits the state change; a rep owner holds the
   * lead as open (replacing what the lead held before, for a lead routed again). Idempotent on
   * `key` (for recent keys): an admission retried after a failure is not routed, and counted, twice.
   * @param key the decision's idempotency key: the lead id for a new lead, another for a re-route
   */
  async decide(key: string, leadId: string, lead: RoutableLead, at: number): Promise<VersionedDecision> {
    const sql = this.ctx.storage.sql;
    const done = sql.exec<{ decision: string }>('SELECT decision FROM decisions WHERE lead_id = ?', key).toArray()[0];
    if (done) return JSON.parse(done.decision) as VersionedDecision;
    const { config, version } = await this.#currentConfig();
    this.#expireIdle(config, at, EXPIRE_EVERY_MS);
    const decision = route(lead, config, this.#view(), at);
    this.#commit(decision.stateChange);
    if (decision.owner.kind === 'rep') this.#open.hold(leadId, decision.owner.id, at);
    else this.#open.release(leadId);
    const result = { decision, configVersion: version };
    // Written with the state change (no await between): both are durable, or neither.
    sql.exec('INSERT OR REPLACE INTO decisions (lead_id, at, decision) VALUES (?, ?, ?)', key, at, JSON.stringify(result));
    if (++this.#sincePrune >= PRUNE_EVERY) {
      this.#sincePrune = 0;
      sql.exec('DELETE FROM decisions WHERE at < ?', at - DECISIONS_KEPT_MS);
    }
    return result;
  }

  /**
   * Reassigns lead `leadId` to another rep of a pool (escalation): the lead moves to the new
   * rep's load. Idempotent on `key`: the second call returns the first answer and changes nothing.
   */
  async reassign(key: string, leadId: string, pool: string | undefined, from: string | undefined, at: number): Promise<Reassignment> {
    const done = this.#reassignments.get(key);
    if (done) return done;
    const { config } = await this.#currentConfig();
    this.#expireIdle(config, at, EXPIRE_EVERY_MS);
    const result = reassign(pool, from, config, this.#view(), at);
    if (result.ok) {
      this.#commit(result.stateChange);
      this.#open.hold(leadId, result.owner.id, at);
    }
    this.#reassignments.set(key, result);
    if (this.#reassignments.size > REASSIGNMENTS_KEPT) this.#reassignments.delete(this.#reassignments.keys().next().value!);
    void this.ctx.storage.put('reassignments', [...this.#reassignments]);
    return result;
  }

  /** Lead `leadId` no longer counts toward its rep's load (closed, given an outcome, moved to a queue). Idempotent. */
  release(leadId: string): boolean {
    return this.#open.release(leadId);
  }

  /** The state as it is now (for dry runs and the dashboard), with the open leads behind the load. */
  async snapshot(): Promise<StateSnapshot> {
    const { config } = await this.#currentConfig();
    this.#expireIdle(config, Date.now());
    return { ...structuredClone(this.#view()), configVersion: this.#versions.live, open: this.#open.list(OPEN_LISTED) };
  }

  /** Each rep's load counted again from the open leads, to check the running counts against. */
  recountLoad(): { running: Record<string, number>; recounted: Record<string, number> } {
    return { running: { ...this.#open.counts }, recounted: { ...this.#open.recount() } };
  }

  /** The current config and its version. */
  async config(): Promise<VersionedConfig> {
    return this.#currentConfig();
  }

  /** Publishes a config as the next version, all or nothing (config/versions.ts says when it is refused). */
  async publish(request: PublishRequest): Promise<Publication> {
    return this.#versions.publish(request, Date.now());
  }

  /** Versions newest first, at most `limit`; version 0 is the shipped example. */
  async versions(limit?: number): Promise<{ current: number; versions: VersionMeta[] }> {
    return this.#versions.list(limit);
  }

  /** A version's JSON as published (version 0: the shipped example), or undefined. */
  async versionJson(version: number): Promise<unknown> {
    return this.#versions.json(version);
  }

  /** A version's record: when, by whom, why. */
  async versionMeta(version: number): Promise<VersionMeta> {
    return this.#versions.meta(version);
  }

  /** The live version's number: every isolate asks it every few seconds (config/store.ts). */
  liveVersion(): number {
    return this.#versions.live;
  }

  /** A published version's JSON (version 0: the shipped example), for readers that find KV has not got it. */
  async configJson(version: number): Promise<unknown> {
    return this.#versions.jsonForReader(version);
  }

  async #currentConfig(): Promise<VersionedConfig> {
    return this.#versions.config();
  }

  /** The engine's view: the cursors and counters, and the load of the open leads. */
  #view(): RoutingState {
    return { ...this.#state, load: this.#open.counts };
  }

  /**
   * Commits a decision's change to the cursors and counters. Its `assign` is applied to a
   * throwaway load: the open leads keep the load (see `hold`).
   */
  #commit(change: StateChange): void {
    // A decision for a queue (the fallback, junk, a queue route) moves no cursor or counter: the
    // state stays as stored, and writing it again would cost a row and a storage call per lead.
    if (!movesState(change)) return;
    const next = applyStateChange({ ...this.#state, load: {} }, change);
    this.#state = { ...next, load: {} };
    // Not awaited: the output gate holds every reply until this write is durable.
    void this.ctx.storage.put('state', { ...this.#state, load: undefined });
  }

  /**
   * Lets go of leads idle past the config's `load.releaseAfter`. Routing asks at most once every
   * `every` ms of its clock (a lead idle for days may count a minute longer; a statement per
   * decision saved); reads of the state always ask.
   */
  #expireIdle(config: RoutingConfig, now: number, every = 0): void {
    if (now >= this.#expiredAt && now - this.#expiredAt < every) return;
    this.#expiredAt = now;
    this.#open.expire(now - parseDuration(config.load?.releaseAfter ?? DEFAULT_RELEASE_AFTER)!);
  }
}
