/**
 * The CSV import of the admin API (issue 11, Deliver 1), for teams without a CRM connection:
 * per-row problems named by row, column and reason; good rows imported and matched at once;
 * `replace` drops what the new file no longer lists; a dry run writes nothing.
 */
import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearLookupCache } from '../../worker/accounts/lookup.ts';
import { ADMIN } from './helpers.ts';

const BASE = 'https://router.test';

function upload(csv: string, query = ''): Promise<Response> {
  return exports.default.fetch(`${BASE}/v1/admin/accounts/import${query}`, { method: 'POST', headers: { ...ADMIN, 'Content-Type': 'text/csv' }, body: csv });
}

async function match(
  fields: Record<string, string>,
): Promise<{ account?: { id: string; owner?: string; matchedBy: string; confidence: number }; contactOwner?: string }> {
  const res = await exports.default.fetch(`${BASE}/v1/admin/accounts/match`, {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify(fields),
  });
  return res.json();
}

const ACCOUNTS = `name,domains,owner,tier,customer_since
"Soylent, Inc.",soylent.example,priya,tier_1,2020-06-30
Cyberdyne Systems,cyberdyne.example;skynet.example,marco@northwind.example,,
Nobody's Co,nobody.example,zed,,
Oops,gmail.com,dana,,
`;

beforeEach(async () => {
  clearLookupCache();
  await env.ACCOUNTS_DB.batch(['accounts', 'account_domains', 'account_keys', 'contacts'].map((t) => env.ACCOUNTS_DB.prepare(`DELETE FROM ${t}`)));
});

describe('POST /v1/admin/accounts/import', () => {
  it('imports the good rows and names each bad one by row, column and reason', async () => {
    const res = await upload(ACCOUNTS);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      kind: 'accounts',
      imported: 2,
      dropped: 0,
      problems: 2,
      issues: [
        { row: 4, column: 'owner', reason: `no rep "zed" in the routing config (use a rep id or a rep's email)` },
        { row: 5, column: 'domains', reason: expect.stringContaining('gmail.com') },
      ],
    });
    expect(await match({ email: 'ann@skynet.example' })).toMatchObject({ account: { id: 'csv:cyberdyne.example', owner: 'marco', matchedBy: 'domain' } });
    expect(await match({ company: 'Soylent' })).toMatchObject({ account: { id: 'csv:soylent.example', owner: 'priya', matchedBy: 'name', confidence: 1 } });
  });

  it('writes nothing on a dry run', async () => {
    expect(await (await upload(ACCOUNTS, '?dryRun=1')).json()).toMatchObject({ imported: 2 });
    expect((await match({ email: 'ann@skynet.example' })).account).toBeUndefined();
  });

  it('answers 400 when no row can be imported', async () => {
    const res = await upload('company,website\nAcme,acme.example\n');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_csv',
      issues: expect.arrayContaining([{ row: 1, column: 'name', reason: 'missing: this column is required' }]),
    });
  });

  it('replaces the earlier CSV accounts with mode=replace, and merges by default', async () => {
    await upload(ACCOUNTS);
    await upload('name,domains,owner\nTyrell Corp,tyrell.example,dana\n');
    expect((await match({ email: 'a@soylent.example' })).account?.id).toBe('csv:soylent.example');
    const res = await upload('name,domains,owner\nTyrell Corp,tyrell.example,dana\n', '?mode=replace');
    expect(await res.json()).toMatchObject({ imported: 1, dropped: 2 });
    expect((await match({ email: 'a@soylent.example' })).account).toBeUndefined();
    expect((await match({ email: 'a@tyrell.example' })).account?.owner).toBe('dana');
  });

  it('imports known contacts, whose owner routing then finds', async () => {
    await upload(ACCOUNTS);
    const res = await upload('email,owner,account\nrick@soylent.example,lee,soylent.example\n', '?kind=contacts');
    expect(await res.json()).toMatchObject({ kind: 'contacts', imported: 1, issues: [] });
    expect(await match({ email: 'Rick@Soylent.example' })).toMatchObject({ contactOwner: 'lee', account: { id: 'csv:soylent.example', matchedBy: 'contact' } });
  });

  it('needs the admin token', async () => {
    const res = await exports.default.fetch(`${BASE}/v1/admin/accounts/import`, { method: 'POST', body: ACCOUNTS });
    expect(res.status).toBe(401);
  });
});

describe('GET /v1/admin/accounts', () => {
  it('counts the index by source and shows each sync', async () => {
    await upload(ACCOUNTS);
    const body = await (await exports.default.fetch(`${BASE}/v1/admin/accounts`, { headers: ADMIN })).json<{ counts: unknown; syncs: unknown[] }>();
    expect(body.counts).toEqual({ csv: { accounts: 2, contacts: 0 } });
    expect(body.syncs).toEqual([
      { crm: 'hubspot', watermarks: {} },
      { crm: 'salesforce', watermarks: {} },
    ]);
  });
});
