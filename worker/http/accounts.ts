/**
 * `/v1/admin/accounts`: the accounts index. Counts and sync status, CSV imports (accounts or
 * known contacts), starting a CRM sync, and a dry run of the matching for one lead (which
 * account, how, how sure), all behind the admin token (mounted by admin.ts).
 */
import { Hono } from 'hono/tiny';
import { normalizeLead } from '../../shared/normalize/lead.ts';
import type { AppEnv } from '../app-env.ts';
import { importCsv } from '../accounts/import.ts';
import { lookupAccount } from '../accounts/lookup.ts';
import { indexCounts } from '../accounts/store.ts';
import type { Crm } from '../accounts/sync-object.ts';
import { liveConfig } from '../accounts/live-config.ts';

/** The accounts routes, mounted at `/v1/admin/accounts`. */
export const accounts = new Hono<{ Bindings: AppEnv }>();

const CRMS: readonly Crm[] = ['hubspot', 'salesforce'];
const isCrm = (value: unknown): value is Crm => CRMS.includes(value as Crm);

accounts.get('/', async function readIndex(c) {
  const syncs = await Promise.all(CRMS.map((crm) => c.env.ACCOUNT_SYNC.getByName(crm).status(crm)));
  const counts = await indexCounts(c.env.ACCOUNTS_DB).catch(() => undefined);
  if (!counts)
    return c.json(
      {
        error: 'index_unavailable',
        message: 'The accounts index is not set up: run `wrangler d1 migrations apply ACCOUNTS_DB` (--local for wrangler dev)',
        syncs,
      },
      503,
    );
  return c.json({ counts, syncs });
});

accounts.post('/import', async function importFile(c) {
  const kind = c.req.query('kind') ?? 'accounts';
  const mode = c.req.query('mode') ?? 'merge';
  if ((kind !== 'accounts' && kind !== 'contacts') || (mode !== 'merge' && mode !== 'replace')) {
    return c.json({ error: 'invalid_request', message: 'kind is accounts or contacts; mode is merge or replace' }, 400);
  }
  const { config } = await liveConfig(c.env);
  const result = await importCsv(c.env.ACCOUNTS_DB, c.req.raw.body ?? '', config, {
    kind,
    mode,
    dryRun: c.req.query('dryRun') === '1' || c.req.query('dryRun') === 'true',
  });
  if (result.imported === 0 && result.issues.length > 0) return c.json({ error: 'invalid_csv', message: 'No row could be imported', ...result }, 400);
  return c.json(result);
});

accounts.get('/sync', async function syncStatus(c) {
  return c.json(await Promise.all(CRMS.map((crm) => c.env.ACCOUNT_SYNC.getByName(crm).status(crm))));
});

accounts.post('/sync', async function startSync(c) {
  const body = (await c.req.json().catch(() => ({}))) as { crm?: unknown; full?: unknown };
  if (!isCrm(body.crm)) return c.json({ error: 'invalid_request', message: 'Send { crm: "hubspot" | "salesforce", full?: true }' }, 400);
  const status = await c.env.ACCOUNT_SYNC.getByName(body.crm).start(body.crm, body.full === true);
  return 'error' in status ? c.json({ error: 'not_connected', message: status.error }, 400) : c.json(status, 202);
});

accounts.post('/match', async function dryMatch(c) {
  const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
  const fields = Object.fromEntries(['email', 'website', 'company'].filter((k) => typeof body[k] === 'string').map((k) => [k, body[k] as string]));
  const { lead } = normalizeLead({ formType: 'match', fields });
  const { config } = await liveConfig(c.env);
  return c.json(await lookupAccount(c.env.ACCOUNTS_DB, lead, config));
});
