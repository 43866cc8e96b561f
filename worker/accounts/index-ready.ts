/**
 * Whether the accounts index (D1) is set up: its migrations applied. `npm run deploy` applies
 * them; a plain `wrangler deploy` (a dashboard or Git integration) does not, and then routing
 * quietly runs on the config's accounts alone while CRM syncs and CSV uploads fail. The health
 * check says so instead (issue 10: every configuration problem where RevOps looks).
 */
import type { AppEnv } from '../app-env.ts';
import type { ConfigProblem } from '../readiness.ts';

/** The index's tables (migrations/): each must exist for lookups, syncs and uploads. */
const TABLES = ['accounts', 'account_domains', 'account_keys', 'contacts'] as const;
/** A set-up index stays set up: asked again after this long (health checks come often). */
const READY_FOR_MS = 60_000;

let readyUntil = 0;

/** The problem of an index whose tables are missing, or undefined (set up, or not readable now: an outage is not a setup problem). */
export async function accountsIndexProblem(env: Pick<AppEnv, 'ACCOUNTS_DB'>, now = Date.now()): Promise<ConfigProblem | undefined> {
  if (now < readyUntil) return undefined;
  try {
    // LIMIT 0 reads no row: the statement only has to compile, which needs its table.
    await env.ACCOUNTS_DB.batch(TABLES.map((table) => env.ACCOUNTS_DB.prepare(`SELECT 1 FROM ${table} LIMIT 0`)));
    readyUntil = now + READY_FOR_MS;
    return undefined;
  } catch (error) {
    if (!(error instanceof Error && /no such table/i.test(error.message))) return undefined;
    return {
      setting: 'ACCOUNTS_DB',
      message:
        "The accounts index is not set up: apply its migrations (`wrangler d1 migrations apply ACCOUNTS_DB --remote`; `npm run deploy` does). Until then leads route on the config's accounts only, and CRM syncs and CSV uploads fail",
      blocksLeads: false,
    };
  }
}
