/**
 * The CRM account syncs (issue 11, Deliver 1) against the capture worker answering as HubSpot
 * and Salesforce do (crm-fake.js): paging, auth headers, incremental runs, rate limits waited out
 * without losing the cursor, owners mapped to reps, deleted accounts dropped by a full run, and
 * the Cron Trigger starting it all.
 */
import { env, exports } from 'cloudflare:workers';
import {
  createExecutionContext,
  createScheduledController,
  evictDurableObject,
  runDurableObjectAlarm,
  runInDurableObject,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import worker from '../../worker/index.ts';
import { hubspotPage } from '../../worker/accounts/hubspot-sync.ts';
import { clearLookupCache, lookupAccount } from '../../worker/accounts/lookup.ts';
import type { SyncStatus } from '../../worker/accounts/sync-object.ts';
import { currentConfig } from '../../worker/config/store.ts';
import { capturedRequests, failNext, forgetRequests, resetCapture, seedCrm } from './capture-client.ts';
import { ADMIN, alwaysOpenConfig, publish, waitFor } from './helpers.ts';

const BASE = 'https://router.test';
const SF_HOST = 'northwind.my.salesforce.com';

/** `n` HubSpot companies, owned in turn by Dana (9001) and Lee (9002), modified at `modified`. */
function companies(n: number, modified = '2025-01-01T00:00:00.000Z') {
  return Array.from({ length: n }, (_, i) => ({
    id: String(1000 + i),
    properties: {
      name: `Company ${i} Inc.`,
      domain: `company${i}.example`,
      hubspot_owner_id: i % 2 ? '9002' : '9001',
      hs_lastmodifieddate: modified,
      lifecyclestage: i % 10 === 0 ? 'customer' : 'lead',
    },
  }));
}

async function sync(crm: 'hubspot' | 'salesforce', full = false): Promise<Response> {
  return exports.default.fetch(`${BASE}/v1/admin/accounts/sync`, {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ crm, full }),
  });
}

/**
 * Runs the sync to its end: its alarms fire on their own too (the runtime's are real), so this
 * runs any due now and waits until the run is over.
 */
async function drain(crm: 'hubspot' | 'salesforce'): Promise<void> {
  const stub = env.ACCOUNT_SYNC.getByName(crm);
  await waitFor(
    async () => {
      await runDurableObjectAlarm(stub);
      return (await status(crm)).running === undefined;
    },
    20_000,
    `the ${crm} sync to finish`,
  );
}

const status = (crm: 'hubspot' | 'salesforce') => env.ACCOUNT_SYNC.getByName(crm).status(crm) as Promise<SyncStatus>;
const count = async (source: string) =>
  (await env.ACCOUNTS_DB.prepare('SELECT count(*) AS n FROM accounts WHERE source = ?').bind(source).first<{ n: number }>())!.n;

beforeEach(async () => {
  await resetCapture();
  clearLookupCache();
  // Each test starts with an empty index and syncs that never ran.
  await env.ACCOUNTS_DB.batch(['accounts', 'account_domains', 'account_keys', 'contacts'].map((t) => env.ACCOUNTS_DB.prepare(`DELETE FROM ${t}`)));
  for (const crm of ['hubspot', 'salesforce']) {
    const stub = env.ACCOUNT_SYNC.getByName(crm);
    await runInDurableObject(stub, async (_o, state) => {
      await state.storage.deleteAlarm();
      await state.storage.deleteAll();
    });
    await evictDurableObject(stub);
  }
  const config = alwaysOpenConfig();
  config.accountIndex = { hubspot: { contacts: true }, salesforce: { tier: 'Tier__c' } };
  // 422: the same config is already live (storage is kept between these tests).
  expect([200, 422]).toContain((await publish(config)).status);
  await currentConfig(env.LEADS_KV, Date.now() + 10_000, env.ROUTER.getByName('global'));
});

describe('HubSpot account sync', () => {
  it('lists every company on the first run, page by page, with the token, and maps owners to reps', async () => {
    await seedCrm({
      hubspot: {
        companies: companies(250),
        contacts: [
          {
            id: '1',
            properties: { email: 'Pat@Company3.example', hubspot_owner_id: '9002', associatedcompanyid: '1003', lastmodifieddate: '2025-01-01T00:00:00.000Z' },
          },
        ],
      },
    });
    expect((await sync('hubspot')).status).toBe(202);
    await drain('hubspot');
    expect(await count('hubspot')).toBe(250);
    const requests = await capturedRequests('api.hubapi.com');
    const lists = requests.filter((r) => r.path === '/crm/v3/objects/companies');
    expect(lists).toHaveLength(3);
    expect(lists.every((r) => r.method === 'GET' && r.headers['authorization'] === 'Bearer pat-test-token')).toBe(true);
    expect(new URL(lists[0]!.url).searchParams.get('properties')).toContain('hubspot_owner_id');
    expect(new URL(lists[1]!.url).searchParams.get('after')).toBeTruthy();
    expect(requests.some((r) => r.path === '/crm/v3/objects/contacts')).toBe(true);
    const s = await status('hubspot');
    expect(s.running).toBeUndefined();
    expect(s.last).toMatchObject({ full: true, accounts: 250, contacts: 1 });
    const { config } = await currentConfig(env.LEADS_KV, Date.now(), env.ROUTER.getByName('global'));
    const found = await lookupAccount(env.ACCOUNTS_DB, { email: 'pat@company3.example', emailDomain: 'company3.example', emailKind: 'work' }, config);
    expect(found.contactOwner).toBe('lee');
    expect(found.account).toMatchObject({ id: 'hubspot:1003', owner: 'lee', source: 'hubspot' });
    const dana = await lookupAccount(env.ACCOUNTS_DB, { company: 'Company 10' }, config);
    expect(dana.account).toMatchObject({ id: 'hubspot:1010', owner: 'dana', customer: true });
  });

  it('waits out a 429 for its Retry-After and resumes from the saved cursor', async () => {
    await seedCrm({ hubspot: { companies: companies(1_500) } });
    // The 11th page is refused, as HubSpot refuses past its per-second limit.
    await failNext('api.hubapi.com', 429, 1, { skip: 10, retryAfter: 30 });
    const at = Date.now();
    await sync('hubspot');
    const waiting = await waitFor(
      async () => {
        const s = await status('hubspot');
        return s.running?.waitingUntil !== undefined ? s : undefined;
      },
      10_000,
      'the rate limit',
    );
    const lists = () => capturedRequests('api.hubapi.com').then((rs) => rs.filter((r) => r.path === '/crm/v3/objects/companies'));
    const refused = (await lists())[10]!;
    expect(refused.status).toBe(429);
    expect(waiting.running?.cursor).toBe(new URL(refused.url).searchParams.get('after'));
    expect(waiting.running?.pages).toBe(10);
    expect(waiting.running?.waitingUntil).toBeGreaterThanOrEqual(at + 30_000);
    expect(waiting.running?.note).toMatch(/rate limit \(SECONDLY\)/);
    expect(await runInDurableObject(env.ACCOUNT_SYNC.getByName('hubspot'), (_o, state) => state.storage.getAlarm())).toBe(waiting.running?.waitingUntil);
    await drain('hubspot');
    expect(await count('hubspot')).toBe(1_500);
    // The refused page was asked again, and no page before it.
    const afters = (await lists()).map((r) => new URL(r.url).searchParams.get('after'));
    expect(afters).toHaveLength(16);
    expect(afters.filter((a) => a === waiting.running?.cursor)).toHaveLength(2);
    expect(new Set(afters).size).toBe(15);
  });

  it('reads only what changed on the next run, by search on hs_lastmodifieddate', async () => {
    const initial = companies(20);
    await seedCrm({ hubspot: { companies: initial } });
    await sync('hubspot');
    await drain('hubspot');
    const changed = initial.map((c, i) =>
      i === 4 ? { ...c, properties: { ...c.properties, hubspot_owner_id: '9002', hs_lastmodifieddate: new Date().toISOString() } } : c,
    );
    await seedCrm({ hubspot: { companies: changed } });
    await forgetRequests();
    await sync('hubspot');
    await drain('hubspot');
    const searches = (await capturedRequests('api.hubapi.com')).filter((r) => r.path === '/crm/v3/objects/companies/search');
    expect(searches).toHaveLength(1);
    const body = JSON.parse(searches[0]!.body) as {
      filterGroups: { filters: { propertyName: string; operator: string; value: string }[] }[];
      sorts: unknown[];
    };
    expect(body.filterGroups[0]!.filters[0]).toMatchObject({ propertyName: 'hs_lastmodifieddate', operator: 'GTE' });
    expect(body.sorts).toEqual([{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }]);
    expect((await status('hubspot')).last).toMatchObject({ full: false, accounts: 1 });
    const { config } = await currentConfig(env.LEADS_KV, Date.now(), env.ROUTER.getByName('global'));
    expect((await lookupAccount(env.ACCOUNTS_DB, { website: 'company4.example' }, config)).account?.owner).toBe('lee');
  });

  it('drops companies deleted in HubSpot on a full run', async () => {
    await seedCrm({ hubspot: { companies: companies(5) } });
    await sync('hubspot');
    await drain('hubspot');
    await seedCrm({ hubspot: { companies: companies(5).slice(1) } });
    await sync('hubspot', true);
    await drain('hubspot');
    expect(await count('hubspot')).toBe(4);
    expect((await status('hubspot')).last?.dropped).toEqual({ accounts: 1, contacts: 0 });
  });

  it('stops on a refused token, saying so, and starts again later', async () => {
    await seedCrm({ hubspot: { companies: companies(3) } });
    await failNext('api.hubapi.com', 401);
    await sync('hubspot');
    await drain('hubspot');
    expect((await status('hubspot')).last?.error).toMatch(/401/);
    await sync('hubspot');
    await drain('hubspot');
    expect((await status('hubspot')).last?.error).toBeUndefined();
  });
});

describe("HubSpot search's 10,000-result wall", () => {
  it('restarts the search from the last modification time instead of paging past it', async () => {
    const many = Array.from({ length: 10_050 }, (_, i) => ({
      id: String(i + 1),
      properties: { name: `C${i}`, hs_lastmodifieddate: String(Date.UTC(2025, 0, 1) + i * 1000) },
    }));
    await seedCrm({ hubspot: { companies: many } });
    const cfg = { token: 'pat-test-token' };
    const near = await hubspotPage(cfg, {}, { stream: 'accounts', since: 0, cursor: '9900', now: Date.now() });
    expect(near.kind).toBe('page');
    const page = near.kind === 'page' ? near.page : undefined;
    expect(page?.next).toBeUndefined();
    expect(page?.restartSince).toBe(Date.UTC(2025, 0, 1) + 9_999 * 1000);
    const again = await hubspotPage(cfg, {}, { stream: 'accounts', since: page!.restartSince!, now: Date.now() });
    expect(again.kind === 'page' && again.page.accounts.map((a) => a.id).slice(0, 2)).toEqual(['hubspot:10000', 'hubspot:10001']);
  });
});

describe('Salesforce account sync', () => {
  const accounts = [
    {
      Id: '001000000000001AAA',
      Name: 'Initrode',
      Website: 'https://www.initrode.example/',
      OwnerId: '005000000000001AAA',
      ParentId: null,
      Type: 'Customer - Direct',
      Tier__c: 'Gold',
      LastModifiedDate: '2025-01-02T10:00:00.000+0000',
    },
    {
      Id: '001000000000002AAA',
      Name: 'Initrode EMEA',
      Website: 'initrode.eu',
      OwnerId: '005000000000002AAA',
      ParentId: '001000000000001AAA',
      Type: 'Prospect',
      LastModifiedDate: '2025-01-03T10:00:00.000+0000',
    },
    {
      Id: '001000000000003AAA',
      Name: 'Massive Dynamic',
      Website: null,
      OwnerId: '005777777777777AAA',
      Type: null,
      LastModifiedDate: '2025-01-04T10:00:00.000+0000',
    },
  ];

  it('queries Account with OwnerId, follows nextRecordsUrl, waits out REQUEST_LIMIT_EXCEEDED', async () => {
    await seedCrm({ salesforce: { accounts, pageSize: 2 } });
    await failNext(SF_HOST, 403, 1, { skip: 1 });
    await sync('salesforce');
    const waiting = await waitFor(
      async () => {
        const s = await status('salesforce');
        return s.running?.waitingUntil !== undefined ? s : undefined;
      },
      10_000,
      'the API limit',
    );
    expect(waiting.running?.cursor).toMatch(/-2$/);
    expect(waiting.running?.note).toMatch(/REQUEST_LIMIT_EXCEEDED/);
    expect(waiting.running!.waitingUntil! - Date.now()).toBeGreaterThan(3_500_000);
    await drain('salesforce');
    expect(await count('salesforce')).toBe(3);
    const queries = (await capturedRequests(SF_HOST)).filter((r) => r.method === 'GET');
    expect(queries.map((r) => [r.path, r.status])).toEqual([
      ['/services/data/v61.0/query', 200],
      [expect.stringMatching(/^\/services\/data\/v61\.0\/query\/01g\w+-2$/), 403],
      [expect.stringMatching(/^\/services\/data\/v61\.0\/query\/01g\w+-2$/), 200],
    ]);
    expect(decodeURIComponent(new URL(queries[0]!.url).search)).toContain(
      'SELECT Id, Name, Website, OwnerId, ParentId, Type, LastModifiedDate, Tier__c FROM Account ORDER BY LastModifiedDate',
    );
    expect(queries[0]!.headers['authorization']).toBe('Bearer sf-test-token');
    const { config } = await currentConfig(env.LEADS_KV, Date.now(), env.ROUTER.getByName('global'));
    expect((await lookupAccount(env.ACCOUNTS_DB, { company: 'Initrode' }, config)).account).toMatchObject({ owner: 'dana', tier: 'Gold', customer: true });
    expect((await lookupAccount(env.ACCOUNTS_DB, { email: 'x@initrode.eu', emailDomain: 'initrode.eu', emailKind: 'work' }, config)).account).toMatchObject({
      owner: 'lee',
      parent: 'salesforce:001000000000001AAA',
    });
  });
});

describe('the Cron Trigger', () => {
  it('starts the sync of each CRM the config names', async () => {
    await seedCrm({ hubspot: { companies: companies(2) }, salesforce: { accounts: [] } });
    const ctx = createExecutionContext();
    worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: new Date() }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await status('hubspot')).running).toBeDefined();
    expect((await status('salesforce')).running).toBeDefined();
    await drain('hubspot');
    await drain('salesforce');
    expect(await count('hubspot')).toBeGreaterThanOrEqual(2);
  });
});
