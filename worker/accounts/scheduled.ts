/**
 * The Cron Trigger (`[triggers] crons` in wrangler.toml): starts, or keeps going, the account
 * sync of each CRM the config names under `accountIndex`. A sync already running is left to
 * run; a CRM without credentials is skipped (its status says why when asked).
 */
import type { AppEnv } from '../app-env.ts';
import { liveConfig } from './live-config.ts';
import type { Crm } from './sync-object.ts';

/** Starts the configured CRM syncs. */
export async function syncOnSchedule(env: AppEnv, now = Date.now()): Promise<void> {
  const { config } = await liveConfig(env, now);
  const crms = (['hubspot', 'salesforce'] as const).filter((crm: Crm) => config.accountIndex?.[crm] !== undefined);
  await Promise.all(crms.map((crm) => env.ACCOUNT_SYNC.getByName(crm).start(crm, false, now)));
}
