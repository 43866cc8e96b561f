/**
 * The routing config's versions, kept by the RouterState object: the one source of truth for
 * which version is live. A publish is one storage write (the version's JSON, its record of
 * who/when/why, and the live pointer together), so it fully happens or not at all. KV then gets a
 * copy of the version's JSON, written only after that commit and never changed: a cache that
 * can hold only versions this object has. If the copy fails, readers fall back to this object
 * (and the copy is made again then). Every version stays, so any can be restored.
 */
import { parseConfig, type ConfigIssue } from '../../shared/config/parse.ts';
import type { ShadowWarning } from '../../shared/config/shadowing.ts';
import { forgetVersion, remember, versionKey, type VersionedConfig } from './store.ts';

/** Largest config JSON, in bytes: SQLite-backed objects keep at most 2 MB in one value, and a config is read whole by every isolate. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Longest note kept with a version. */
export const MAX_NOTE = 500;
const VERSIONS_DEFAULT = 50;
/** Most versions one answer lists. */
export const VERSIONS_MAX = 500;

/** When a config version was published, by whom, and why. */
export interface VersionMeta {
  version: number;
  publishedAt: number;
  /** Why (required since notes were introduced; older versions may lack it). */
  note?: string;
  /** Who, as the publisher named themselves (`admin` when they did not). */
  by?: string;
  /** The version the editor started from. */
  base?: number;
  /** The earlier version this one restores. */
  restoredFrom?: number;
}

/** What a publish asks for. */
export interface PublishRequest {
  /** The config as JSON (parsed, not yet checked). */
  input: unknown;
  note: string;
  by: string;
  /** The version the editor started from (`If-Match`); without it, whatever is live is replaced. */
  base?: number;
  restoredFrom?: number;
}

/** The live version as a stale editor needs it to show what changed (its JSON as text: RPC types stay shallow). */
export interface LiveVersion extends VersionMeta {
  configJson: string;
}

/** The outcome of a publish. */
export type Publication =
  | { ok: true; version: number; restored?: number; warnings: ShadowWarning[] }
  | { ok: false; reason: 'invalid'; issues: ConfigIssue[] }
  | { ok: false; reason: 'too_large'; bytes: number }
  | { ok: false; reason: 'conflict'; current: LiveVersion }
  | { ok: false; reason: 'unchanged'; current: VersionMeta };

const LIVE_KEY = 'version';
const jsonKey = (version: number) => `config:v:${version}`;
const metaKey = (version: number) => `config:meta:${version}`;
const EXAMPLE_META: VersionMeta = { version: 0, publishedAt: 0, note: 'shipped example', by: 'lead-router' };

/** The config versions of one RouterState object. */
export class ConfigVersions {
  readonly #storage: DurableObjectStorage;
  readonly #kv: KVNamespace;
  readonly #example: () => Promise<unknown>;
  readonly #waitUntil: (promise: Promise<unknown>) => void;
  #live = 0;
  #config: VersionedConfig | undefined;

  /** `example` reads version 0's JSON (the shipped example, a static asset). */
  constructor(storage: DurableObjectStorage, kv: KVNamespace, example: () => Promise<unknown>, waitUntil: (promise: Promise<unknown>) => void) {
    this.#storage = storage;
    this.#kv = kv;
    this.#example = example;
    this.#waitUntil = waitUntil;
  }

  /** Restores the live version read at start-up (the object's constructor reads it with its state). */
  restore(live: number | undefined): void {
    this.#live = live ?? 0;
  }

  /** The live version's number. */
  get live(): number {
    return this.#live;
  }

  /** The live config, parsed once. */
  async config(): Promise<VersionedConfig> {
    if (this.#config?.version !== this.#live) {
      const live = this.#live;
      const json = await this.json(live);
      this.#config = remember(live, json);
      // First read since a (re)start: a publish cut short before its KV copy gets it now.
      if (live > 0) this.#waitUntil(this.#mirrorIfMissing(live, json));
    }
    return this.#config;
  }

  /**
   * Checks and publishes a config as the next version. Refused when invalid, too large, based on
   * a version that is no longer live (a stale editor: the live one comes back), or identical to
   * the live one. Between the checks and the commit nothing else runs (storage calls keep the
   * object's input gate closed), so two editors cannot both publish over the same base.
   */
  async publish(request: PublishRequest, now: number): Promise<Publication> {
    const text = JSON.stringify(request.input) ?? '';
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > MAX_CONFIG_BYTES) return { ok: false, reason: 'too_large', bytes };
    const parsed = parseConfig(request.input);
    if (!parsed.ok) return { ok: false, reason: 'invalid', issues: parsed.issues };
    const live = this.#live;
    if (request.base !== undefined && request.base !== live) {
      return { ok: false, reason: 'conflict', current: { ...(await this.meta(live)), configJson: JSON.stringify(await this.json(live)) } };
    }
    if (canonical(request.input) === canonical(await this.json(live))) return { ok: false, reason: 'unchanged', current: await this.meta(live) };

    const version = live + 1;
    const meta: VersionMeta = {
      version,
      publishedAt: now,
      note: request.note,
      by: request.by,
      ...(request.base !== undefined ? { base: request.base } : {}),
      ...(request.restoredFrom !== undefined ? { restoredFrom: request.restoredFrom } : {}),
    };
    // The commit: one write, all or nothing. Until it is durable nothing here changes.
    await this.#storage.put({ [jsonKey(version)]: request.input, [metaKey(version)]: meta, [LIVE_KEY]: version });
    forgetVersion(version);
    this.#live = version;
    this.#config = { version, config: parsed.config };
    // The cache copy: a failure leaves readers on this object, never on an older version.
    await this.#mirror(version, text);
    return { ok: true, version, ...(request.restoredFrom !== undefined ? { restored: request.restoredFrom } : {}), warnings: parsed.warnings };
  }

  /** Versions newest first, at most `limit` (default 50, at most 500); version 0 is the shipped example. */
  async list(limit = VERSIONS_DEFAULT): Promise<{ current: number; versions: VersionMeta[] }> {
    const numbers: number[] = [];
    for (let v = this.#live; v >= 0 && numbers.length < Math.min(limit, VERSIONS_MAX); v--) numbers.push(v);
    const stored = await this.#storage.get<VersionMeta>(numbers.filter((v) => v > 0).map(metaKey));
    return { current: this.#live, versions: numbers.map((v) => (v === 0 ? EXAMPLE_META : (stored.get(metaKey(v)) ?? { version: v, publishedAt: 0 }))) };
  }

  /** One version's record (version 0: the shipped example). */
  async meta(version: number): Promise<VersionMeta> {
    if (version === 0) return EXAMPLE_META;
    return (await this.#storage.get<VersionMeta>(metaKey(version))) ?? { version, publishedAt: 0 };
  }

  /** A version's JSON as published (version 0: the shipped example), or undefined when there is none. */
  async json(version: number): Promise<unknown> {
    if (!Number.isSafeInteger(version) || version < 0 || version > this.#live) return undefined;
    if (version === 0) return this.#example();
    return (await this.#storage.get(jsonKey(version))) ?? undefined;
  }

  /**
   * A published version's JSON for a reader that did not find it in KV (the copy failed, or KV
   * has not caught up): the copy is made again on the way.
   */
  async jsonForReader(version: number): Promise<unknown> {
    const json = await this.json(version);
    if (json !== undefined && version > 0) this.#waitUntil(this.#mirror(version, JSON.stringify(json)));
    return json;
  }

  async #mirrorIfMissing(version: number, json: unknown): Promise<void> {
    try {
      if ((await this.#kv.get(versionKey(version))) === null) await this.#mirror(version, JSON.stringify(json));
    } catch {
      // Readers fall back to this object meanwhile.
    }
  }

  async #mirror(version: number, text: string): Promise<void> {
    try {
      await this.#kv.put(versionKey(version), text);
    } catch {
      // KV is only a cache: readers ask this object for what it lacks.
    }
  }
}

/** JSON with object keys sorted: two configs that differ only in key order are the same config. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
