/**
 * Reading the routing config. The RouterState object says which version is live (config/
 * versions.ts); every isolate asks it at most every few seconds, and reads the version's JSON
 * from KV, a copy written after the object committed it, else from the object itself. So KV can
 * never make an isolate serve a version the object does not have, and a failed KV write cannot
 * leave intake, `/v1/forms` and `/widget.js` on an older version than routing.
 * Version 0 is the shipped example, live until a config is published; it is a static asset
 * (`/config/example.json`, copied there by the build), not part of the bundle, which it would
 * grow by 3 KB gzip for a config no production deployment routes with.
 */
import { parseConfig } from '../../shared/config/parse.ts';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import type { AppEnv } from '../app-env.ts';

/** A config with its version. */
export interface VersionedConfig {
  version: number;
  config: RoutingConfig;
}

/** Where the live version and any published version's JSON come from: the RouterState object. */
export interface ConfigSource {
  /** The live version's number. */
  liveVersion(): Promise<number>;
  /** A published version's JSON, for a reader that did not find it in KV. */
  configJson(version: number): Promise<unknown>;
}

/** How long an isolate trusts the live version it last asked for. */
const CACHE_MS = 5_000;

/** KV key of one version's JSON. */
export const versionKey = (version: number) => `config:v:${version}`;

/** Where the build puts the example config among the static assets. */
export const EXAMPLE_CONFIG_PATH = '/config/example.json';

/** The example config as written (version 0's JSON), read from the static assets. */
export async function exampleConfigJson(assets: Fetcher): Promise<unknown> {
  const res = await assets.fetch(`https://assets.local${EXAMPLE_CONFIG_PATH}`);
  if (!res.ok) throw new Error(`the example config is missing from the static assets (${res.status}): run npm run build`);
  return res.json();
}

const parsedVersions = new Map<number, VersionedConfig>();
let live: { at: number; version: number } | undefined;

/** The live config, as this isolate last heard of it from the RouterState object (at most a few seconds old). */
export async function currentConfig(kv: KVNamespace, now: number, source: ConfigSource): Promise<VersionedConfig> {
  if (live === undefined || now - live.at >= CACHE_MS) live = { at: now, version: await source.liveVersion() };
  return configVersion(kv, live.version, source);
}

/** RouterState as a ConfigSource, its stub made only when asked (a stub costs a digest of its name; most reads are cached). */
export function routerSource(env: Pick<AppEnv, 'ROUTER'>): ConfigSource {
  return { liveVersion: () => env.ROUTER.getByName('global').liveVersion(), configJson: (version) => env.ROUTER.getByName('global').configJson(version) };
}

/**
 * One published version of the config (parsed once per isolate): from KV, or, while KV lacks it
 * (it is eventually consistent, and only a cache), from `source`.
 */
export async function configVersion(kv: KVNamespace, version: number, source?: ConfigSource): Promise<VersionedConfig> {
  const cached = parsedVersions.get(version);
  if (cached) return cached;
  // Version 0 is never in KV: the object reads it from the static assets.
  const raw = (version === 0 ? null : await kv.get(versionKey(version), 'json')) ?? (source ? await source.configJson(version) : null);
  return remember(version, raw);
}

/** Parses and caches a stored version. */
export function remember(version: number, raw: unknown): VersionedConfig {
  const cached = parsedVersions.get(version);
  if (cached) return cached;
  const parsed = parseConfig(raw);
  if (!parsed.ok) throw new Error(`stored routing config v${version} is invalid`);
  const value = { version, config: parsed.config };
  parsedVersions.set(version, value);
  return value;
}

/**
 * Forgets what this isolate knows of `version` and of the live version: called by a publish.
 * Version numbers are never reused in a deployment; tests that wipe storage do reuse them.
 */
export function forgetVersion(version: number): void {
  parsedVersions.delete(version);
  live = undefined;
}

/**
 * Forgets every parsed version this isolate remembers. Version numbers are never reused in a
 * deployment, so only tests need it: they reset storage between cases and publish v1 again.
 */
export function forgetParsedVersions(): void {
  parsedVersions.clear();
  live = undefined;
}
