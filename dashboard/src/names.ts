/**
 * People's, queues', pools', routes' and forms' names from the live config, so the dashboard
 * never shows an id where a name exists: `rep:dana` is "Dana Whitfield", `$fallback` is "No rule
 * matched (fallback)", `demo_request` is "Book a demo".
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { titleOf } from '../../shared/config/words.ts';
import { api } from './api.ts';

/** `GET /v1/admin/config`: the live config (parsed) and its version. */
export interface LiveConfig {
  version: number;
  config: RoutingConfig;
}

/** Names for every kind of key the admin API answers with. */
export interface Names {
  /** `rep:<id>` or `queue:<id>` (or a bare rep id). */
  owner(key: string): string;
  /** A route id, `$junk` or `$fallback`. */
  route(id: string): string;
  /** A form type id. */
  form(id: string): string;
  /** What a route sends to: `pool:<id>`, `rep:<id>`, `queue:<id>`. */
  target(key: string): string;
  /** Every rep and queue, for pickers: key and name. */
  owners: [key: string, name: string][];
}

/** The names of a config's reps, queues, pools, routes and forms. */
export function namesOf(config: RoutingConfig | undefined): Names {
  const owners: [string, string][] = [
    ...Object.entries(config?.reps ?? {}).map(([id, r]): [string, string] => [`rep:${id}`, r.name]),
    ...Object.entries(config?.queues ?? {}).map(([id, q]): [string, string] => [`queue:${id}`, `${q.name} (queue)`]),
  ];
  const byKey = new Map(owners);
  const owner = (key: string) => byKey.get(key) ?? byKey.get(`rep:${key}`) ?? key.replace(/^(rep|queue):/, '');
  return {
    owners,
    owner,
    route: (id) => (id === '$junk' ? 'Junk (review queue)' : id === '$fallback' ? 'No rule matched (fallback)' : titleOf(id)),
    form: (id) => config?.formTypes[id]?.label ?? id,
    target: (key) => {
      if (!key.startsWith('pool:')) return owner(key);
      const pool = config?.pools[key.slice(5)];
      return `${pool?.name ?? key.slice(5)} (pool)`;
    },
  };
}

let cached: Promise<LiveConfig> | undefined;

/** The live config (read once per page view; publishing refreshes it). */
export function liveConfig(fresh = false): Promise<LiveConfig> {
  if (fresh || !cached) cached = api<LiveConfig>('/config');
  return cached;
}
