/**
 * Where the routing config lives: versions are numbered by the RouterState object (the single
 * writer) and mirrored to KV, where every isolate reads the current one (cached a few seconds).
 * Version 0 is the shipped example, used until a config is published; it is a static asset
 * (`/config/example.json`, copied there by the build), not part of the bundle, which it would
 * grow by 3 KB gzip for a config no production deployment routes with.
 */
import { parseConfig } from '../../shared/config/parse.ts';
import type { RoutingConfig } from '../../shared/config/schema.ts';

/** A config with its version. */
export interface VersionedConfig {
  version: number;
  config: RoutingConfig;
}

const CURRENT_KEY = 'config:current';
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
let current: { at: number; value: VersionedConfig } | undefined;

/** The current config, as this isolate last read it from KV (at most a few seconds old). */
export async function currentConfig(kv: KVNamespace, now = Date.now(), authority?: ConfigSource): Promise<VersionedConfig> {
  if (current && now - current.at < CACHE_MS) return current.value;
  const pointer = await kv.get<{ version: number }>(CURRENT_KEY, 'json');
  const value = await configVersion(kv, pointer?.version ?? 0, authority);
  current = { at: now, value };
  return value;
}

/** Where a version can be read when KV has not seen it yet (the RouterState object). */
export interface ConfigSource {
  configJson(version: number): Promise<unknown>;
}

/**
 * One version of the config (parsed once per isolate): from KV, or, while KV has not caught up
 * with a fresh version (it is eventually consistent), from `authority`.
 */
export async function configVersion(kv: KVNamespace, version: number, authority?: ConfigSource): Promise<VersionedConfig> {
  const cached = parsedVersions.get(version);
  if (cached) return cached;
  const raw = (version === 0 ? null : await kv.get(versionKey(version), 'json')) ?? (authority ? await authority.configJson(version) : null);
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

/** Writes a version and makes it current in KV (the RouterState object calls this when publishing). */
export async function storeVersion(kv: KVNamespace, version: number, input: unknown): Promise<void> {
  await kv.put(versionKey(version), JSON.stringify(input));
  await kv.put(CURRENT_KEY, JSON.stringify({ version }));
  current = undefined;
}

/**
 * Forgets every parsed version this isolate remembers. Version numbers are never reused in a
 * deployment, so only tests need it: they reset storage between cases and publish v1 again.
 */
export function forgetParsedVersions(): void {
  parsedVersions.clear();
  current = undefined;
}
