/** The live routing config for the accounts code (sync, import, cron), as every reader gets it (worker/config/store.ts). */
import type { AppEnv } from '../app-env.ts';
import { currentConfig, type VersionedConfig } from '../config/store.ts';

/** The current config version. */
export function liveConfig(env: AppEnv, now = Date.now()): Promise<VersionedConfig> {
  return currentConfig(env.LEADS_KV, now, env.ROUTER.getByName('global'));
}
