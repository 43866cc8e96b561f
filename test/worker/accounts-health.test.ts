/**
 * A deployment whose accounts index was never set up (a plain `wrangler deploy` skips the D1
 * migrations `npm run deploy` applies) says so in its health, and leads still route.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ADMIN, submit } from './helpers.ts';

interface Detail {
  ok: boolean;
  problems: { setting: string; message: string; blocksLeads: boolean }[];
}

async function adminHealth(): Promise<{ status: number; body: Detail }> {
  const res = await exports.default.fetch('https://router.test/v1/admin/health', { headers: ADMIN });
  return { status: res.status, body: await res.json<Detail>() };
}

describe('the accounts index in the health check', () => {
  it('lists an index whose migrations were never applied as a setup problem that does not stop leads', async () => {
    const tables = ['contacts', 'account_keys', 'account_domains', 'accounts', 'd1_migrations'];
    await env.ACCOUNTS_DB.batch(tables.map((t) => env.ACCOUNTS_DB.prepare(`DROP TABLE IF EXISTS ${t}`)));
    const { status, body } = await adminHealth();
    expect(status).toBe(503);
    const problem = body.problems.find((p) => p.setting === 'ACCOUNTS_DB');
    expect(problem?.blocksLeads).toBe(false);
    expect(problem?.message).toContain('wrangler d1 migrations apply ACCOUNTS_DB --remote');
    const res = await submit({ firstName: 'Dana', email: 'dana@northwind.io', company: 'Northwind', country: 'US', message: 'Tell me more' });
    expect(res.status).toBe(202);
  });

  it('says nothing once the migrations are applied', async () => {
    await applyD1Migrations(env.ACCOUNTS_DB, env.TEST_MIGRATIONS);
    const { status, body } = await adminHealth();
    expect(body.problems.filter((p) => p.setting === 'ACCOUNTS_DB')).toEqual([]);
    expect(status).toBe(200);
  });
});
