/**
 * The live routing config for the accounts code (sync, import, cron): from KV, or from the
 * RouterState object while KV has not caught up (version 0, the example, is only there). The
 * object is reached only when needed.
 */
import type { AppEnv } from '../app-env.ts';
import { currentConfig, type VersionedConfig } from '../config/store.ts';

/** The current config version. */
export function liveConfig(env: AppEnv, now = Date.now()): Promise<VersionedConfig> {
  return currentConfig(env.LEADS_KV, now, { configJson: (version) => env.ROUTER.getByName('global').configJson(version) });
}
