/** Display names of reps, queues and routes, from the live config. */
import { api } from './api.ts';

/** What the dashboard needs of the config. */
export interface ConfigSummary {
  version: number;
  config: {
    reps: Record<string, { name: string }>;
    queues: Record<string, { name: string }>;
    routes: { id: string; description?: string }[];
  };
}

/** Owner key (`rep:<id>`, `queue:<id>`) → name. */
export function ownerNames(summary: ConfigSummary): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [id, rep] of Object.entries(summary.config.reps)) names[`rep:${id}`] = rep.name;
  for (const [id, queue] of Object.entries(summary.config.queues)) names[`queue:${id}`] = `${queue.name} (queue)`;
  return names;
}

let cached: Promise<ConfigSummary> | undefined;

/** The live config (read once per page view; publishing clears it). */
export function liveConfig(fresh = false): Promise<ConfigSummary> {
  if (fresh || !cached) cached = api<ConfigSummary>('/config');
  return cached;
}
