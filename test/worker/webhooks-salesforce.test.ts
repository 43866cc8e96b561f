/**
 * Leads from Salesforce (issue 11, Deliver 5): a Flow's Apex action (or a trigger's Queueable)
 * posts the new Lead as `JSON.serialize` writes it, signed `X-Lead-Router-Signature: t=…,v1=…`
 * with SALESFORCE_WEBHOOK_SECRET; the Lead is routed like a form lead and its owner written
 * back with `OwnerId` on that Lead (`PATCH …/sobjects/Lead/{Id}`), never as a second Lead.
 * Salesforce's side is the capture worker (crm-fake.js), speaking its REST formats.
 */
import { env, exports } from 'cloudflare:workers';
import { applyD1Migrations, reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearLookupCache } from '../../worker/accounts/lookup.ts';
import { upsertAccounts } from '../../worker/accounts/store.ts';
import { capturedRequests, crmRecords, resetCapture, seedCrm } from './capture-client.ts';
import { accepted, leadView, publish, settled } from './helpers.ts';
import { knownContactsConfig, leadRouterSignature } from './sources-helpers.ts';

const URL_ = 'https://router.test/v1/sources/salesforce';
const SECRET = 'sf-webhook-secret-test';
const SF = 'northwind.my.salesforce.com';

/** A Lead as Apex's JSON.serialize writes it. */
function lead(id: string, fields: Record<string, unknown>) {
  return {
    attributes: { type: 'Lead', url: `/services/data/v61.0/sobjects/Lead/${id}` },
    Id: id,
    OwnerId: '005000000000009AAA',
    LeadSource: 'Web',
    Status: 'Open - Not Contacted',
    ...fields,
  };
}

async function post(body: unknown, options: { secret?: string; t?: number; raw?: string } = {}): Promise<Response> {
  const text = JSON.stringify(body);
  const signature = await leadRouterSignature(options.secret ?? SECRET, text, options.t);
  return exports.default.fetch(URL_, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Lead-Router-Signature': signature },
    body: options.raw ?? text,
  });
}

interface SalesforceAnswer {
  leads: { id: string; leadId: string; owner: { name: string } }[];
  skipped: { id: string; reason: string }[];
}

const HOOLI = lead('00Q000000000001AAA', {
  FirstName: 'Gavin',
  LastName: 'Belson',
  Email: 'gavin@hooli.com',
  Company: 'Hooli',
  Title: 'CEO',
  Phone: '(650) 555-0100',
  Country: 'United States',
  State: 'CA',
  NumberOfEmployees: 9000,
  Industry: 'Technology',
  Description: 'Interested in everything',
});

beforeEach(async () => {
  await reset();
  await applyD1Migrations(env.ACCOUNTS_DB, env.TEST_MIGRATIONS);
  await resetCapture();
  clearLookupCache();
  await upsertAccounts(
    env.ACCOUNTS_DB,
    [{ id: 'salesforce:001H', source: 'salesforce', name: 'Hooli', domains: ['hooli.com'], owner: 'salesforce:005000000000002AAA' }],
    1,
  );
  expect((await publish(knownContactsConfig())).status).toBe(200);
  await seedCrm({
    salesforce: {
      leads: [
        HOOLI,
        lead('00Q000000000002AAA', { LastName: 'Hendricks', Email: 'richard@piedpiper.com', Company: '[not provided]', Lead_Router_Id__c: 'ld_x' }),
      ],
    },
  });
});

describe('the Salesforce endpoint', () => {
  it('routes a posted Lead like a form lead and writes OwnerId back onto that Lead, creating none', async () => {
    const res = await post(HOOLI);
    expect(res.status).toBe(200);
    const answer = await res.json<SalesforceAnswer>();
    expect(answer.leads).toEqual([{ id: '00Q000000000001AAA', leadId: expect.any(String), owner: { name: 'Lee Okafor' } }]);
    const view = await settled(answer.leads[0]!.leadId);
    expect(view.record.decision.route).toBe('named-accounts');
    expect(view.record.lead).toMatchObject({
      origin: { system: 'salesforce', id: '00Q000000000001AAA' },
      source: 'salesforce',
      employees: 9000,
      industry: 'Technology',
      jobTitle: 'CEO',
      country: 'US',
      region: 'CA',
    });
    const writes = await capturedRequests(SF);
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /services/data/v61.0/sobjects/Lead/00Q000000000001AAA']);
    expect(JSON.parse(writes[0]!.body)).toEqual({ OwnerId: '005000000000002AAA', Lead_Router_Id__c: answer.leads[0]!.leadId });
    expect((await crmRecords()).salesforce.leads[0]).toMatchObject({ OwnerId: '005000000000002AAA' });
    expect(view.record.confirmationSkipped).toContain('Salesforce');
  });

  it('takes the list an Apex trigger posts, and answers a repeat of the same Lead with the same lead', async () => {
    const first = await (await post([HOOLI])).json<SalesforceAnswer>();
    const again = await (await post({ records: [HOOLI] })).json<SalesforceAnswer>();
    expect(again.leads).toEqual(first.leads);
    expect((await leadView(first.leads[0]!.leadId)).record.duplicates).toBe(0);
    // Posted again after the owner was written back: it now carries our id, and is still that lead.
    await settled(first.leads[0]!.leadId);
    const written = (await crmRecords()).salesforce.leads[0]!;
    expect((await (await post(written)).json<SalesforceAnswer>()).leads).toEqual(first.leads);
  });

  it("joins the person's form lead, which keeps its own Salesforce Lead: the one created there is not given our id", async () => {
    const form = await accepted({ firstName: 'Gavin', email: 'gavin@hooli.com', message: 'Hello' });
    await settled(form.leadId);
    const answer = await (await post(HOOLI)).json<SalesforceAnswer>();
    expect(answer.leads[0]!.leadId).toBe(form.leadId);
    const view = await settled(form.leadId);
    expect(view.record.lead.origin).toBeUndefined();
    // Every write went to the form lead's own Lead (upserted by our id): none onto the Lead created in Salesforce.
    const paths = (await capturedRequests(SF)).map((r) => r.path);
    expect(paths.every((p) => p.includes('/sobjects/Lead/Lead_Router_Id__c/'))).toBe(true);
  });

  it('skips a Lead our own CRM hand-off created (Lead_Router_Id__c set)', async () => {
    const answer = await (
      await post(lead('00Q000000000002AAA', { LastName: 'Hendricks', Email: 'richard@piedpiper.com', Lead_Router_Id__c: 'ld_x' }))
    ).json<SalesforceAnswer>();
    expect(answer).toEqual({ leads: [], skipped: [{ id: '00Q000000000002AAA', reason: expect.stringContaining('already a lead of the router') }] });
  });

  it('refuses a wrong signature and an old timestamp with 401 and the reason', async () => {
    const wrong = await post(HOOLI, { secret: 'guess' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'bad_signature', message: expect.stringContaining('SALESFORCE_WEBHOOK_SECRET') });
    const old = await post(HOOLI, { t: Math.floor(Date.now() / 1000) - 600 });
    expect(old.status).toBe(401);
    expect(await old.json()).toMatchObject({ error: 'stale' });
    expect(await capturedRequests(SF)).toEqual([]);
  });
});
