/**
 * RouterState: the one place routing state lives (round-robin cursors, open leads per rep) and
 * the one writer of config versions. Strongly consistent by construction: a single object, and
 * every decision reads and commits the state with no await in between. KV, being eventually
 * consistent, never holds a counter.
 */
import { DurableObject } from 'cloudflare:workers';
import { parseConfig, type ConfigIssue } from '../../shared/config/parse.ts';
import type { ShadowWarning } from '../../shared/config/shadowing.ts';
import { reassign, type Reassignment } from '../../shared/routing/reassign.ts';
import { applyStateChange, route } from '../../shared/routing/route.ts';
import type { Decision, RoutableLead, RoutingState } from '../../shared/routing/types.ts';
import type { AppEnv } from '../app-env.ts';
import { bundledConfigJson, bundledConfigVersion, remember, storeVersion, type VersionedConfig } from '../config/store.ts';

/** A decision and the config version that made it. */
export interface VersionedDecision {
  decision: Decision;
  configVersion: number;
}

/** The outcome of publishing a config. */
export type Publication = { ok: true; version: number; warnings: ShadowWarning[] } | { ok: false; issues: ConfigIssue[] };

/** When a config version was published, and why. */
export interface VersionMeta {
  version: number;
  publishedAt: number;
  note?: string;
}

const REASSIGNMENTS_KEPT = 500;
/** How long a decision is remembered for a retried admission (they come within minutes). */
const DECISIONS_KEPT_MS = 60 * 60_000;
const PRUNE_EVERY = 500;

/** The routing state object; address it by the name `global`. */
export class RouterState extends DurableObject<AppEnv> {
  #state: RoutingState = { cursors: {}, load: {} };
  #version = 0;
  #config: VersionedConfig | undefined;
  /** Results of recent reassignments by idempotency key: an alarm that fires twice gets the same answer. */
  #reassignments = new Map<string, Reassignment>();
  /** Decisions since the last prune, counted to prune the remembered ones now and then. */
  #sincePrune = 0;

  constructor(ctx: DurableObjectState, env: AppEnv) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      const stored = await ctx.storage.get(['state', 'version', 'reassignments']);
      this.#state = (stored.get('state') as RoutingState | undefined) ?? this.#state;
      this.#version = (stored.get('version') as number | undefined) ?? 0;
      this.#reassignments = new Map((stored.get('reassignments') as [string, Reassignment][] | undefined) ?? []);
      // Recent decisions by lead id, on disk: a retried admission finds its decision even
      // after this object restarted, so it is neither routed nor counted twice.
      ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS decisions (lead_id TEXT PRIMARY KEY, at INTEGER NOT NULL, decision TEXT NOT NULL)');
    });
  }

  /**
   * Routes a lead with the current config and commits the state change. Idempotent on `leadId`
   * (for recent leads): an admission retried after a failure is not routed, and counted, twice.
   */
  async decide(leadId: string, lead: RoutableLead, at: number): Promise<VersionedDecision> {
    const sql = this.ctx.storage.sql;
    const done = sql.exec<{ decision: string }>('SELECT decision FROM decisions WHERE lead_id = ?', leadId).toArray()[0];
    if (done) return JSON.parse(done.decision) as VersionedDecision;
    const { config, version } = await this.#currentConfig();
    const decision = route(lead, config, this.#state, at);
    this.#state = applyStateChange(this.#state, decision.stateChange);
    this.#saveState();
    const result = { decision, configVersion: version };
    // Written with the state change (no await between): both are durable, or neither.
    sql.exec('INSERT OR REPLACE INTO decisions (lead_id, at, decision) VALUES (?, ?, ?)', leadId, at, JSON.stringify(result));
    if (++this.#sincePrune >= PRUNE_EVERY) {
      this.#sincePrune = 0;
      sql.exec('DELETE FROM decisions WHERE at < ?', at - DECISIONS_KEPT_MS);
    }
    return result;
  }

  /**
   * Reassigns a lead to another rep of a pool (escalation). Idempotent on `key`: the second
   * call returns the first answer and changes nothing.
   */
  async reassign(key: string, pool: string | undefined, from: string | undefined, at: number): Promise<Reassignment> {
    const done = this.#reassignments.get(key);
    if (done) return done;
    const { config } = await this.#currentConfig();
    const result = reassign(pool, from, config, this.#state, at);
    if (result.ok) {
      this.#state = applyStateChange(this.#state, result.stateChange);
      if (from !== undefined) this.#release(from);
    }
    this.#reassignments.set(key, result);
    if (this.#reassignments.size > REASSIGNMENTS_KEPT) this.#reassignments.delete(this.#reassignments.keys().next().value!);
    this.#saveState();
    void this.ctx.storage.put('reassignments', [...this.#reassignments]);
    return result;
  }

  /** One open lead fewer for `rep` (reassigned away, moved to a queue, closed). */
  release(rep: string): void {
    this.#release(rep);
    this.#saveState();
  }

  /** The state as it is now (for dry runs and the dashboard). */
  snapshot(): RoutingState & { configVersion: number } {
    return { ...structuredClone(this.#state), configVersion: this.#version };
  }

  /** The current config and its version. */
  async config(): Promise<VersionedConfig> {
    return this.#currentConfig();
  }

  /** Validates and publishes a config as the next version; `note` says why (e.g. "restored v3"). */
  async publish(input: unknown, note?: string): Promise<Publication> {
    const parsed = parseConfig(input);
    if (!parsed.ok) return { ok: false, issues: parsed.issues };
    // The number is taken before any await, so concurrent publications get distinct versions.
    const version = ++this.#version;
    this.#config = { version, config: parsed.config };
    const meta: VersionMeta = { version, publishedAt: Date.now(), ...(note ? { note } : {}) };
    // Kept here as well as in KV: this object is the authority when KV lags behind.
    await this.ctx.storage.put({ [`config:v:${version}`]: input, [`config:meta:${version}`]: meta, version });
    await storeVersion(this.env.LEADS_KV, version, input);
    return { ok: true, version, warnings: parsed.warnings };
  }

  /** Every version, newest first; version 0 is the bundled example. */
  async versions(): Promise<{ current: number; versions: VersionMeta[] }> {
    const metas = await this.ctx.storage.list<VersionMeta>({ prefix: 'config:meta:' });
    const versions = [...metas.values()].sort((a, b) => b.version - a.version);
    return { current: this.#version, versions: [...versions, { version: 0, publishedAt: 0, note: 'bundled example' }] };
  }

  /** A version's JSON as published (version 0: the bundled example), or undefined. */
  async versionJson(version: number): Promise<unknown> {
    if (version === 0) return bundledConfigJson();
    return (await this.ctx.storage.get(`config:v:${version}`)) ?? undefined;
  }

  /** A published version's JSON, for objects that find KV has not caught up yet. */
  async configJson(version: number): Promise<unknown> {
    return this.ctx.storage.get(`config:v:${version}`);
  }

  async #currentConfig(): Promise<VersionedConfig> {
    if (!this.#config || this.#config.version !== this.#version) {
      this.#config = this.#version === 0 ? bundledConfigVersion() : remember(this.#version, await this.ctx.storage.get(`config:v:${this.#version}`));
    }
    return this.#config;
  }

  #release(rep: string): void {
    const open = this.#state.load[rep] ?? 0;
    this.#state = { ...this.#state, load: { ...this.#state.load, [rep]: Math.max(0, open - 1) } };
  }

  #saveState(): void {
    // Not awaited: the output gate holds every reply until this write is durable.
    void this.ctx.storage.put('state', this.#state);
  }
}
