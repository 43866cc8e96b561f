/**
 * Leads from HubSpot (issue 11, Deliver 5): the contact-creation webhook, signed with HubSpot's
 * v3 scheme (HMAC-SHA256 of method + URI + body + timestamp under the app's client secret,
 * base64; the timestamp within 5 minutes), read through the CRM v3 contacts batch read, routed
 * like a form lead, and its owner written back onto that contact — never onto a second copy.
 * HubSpot's side is the capture worker (crm-fake.js), speaking its formats.
 */
import { env, exports } from 'cloudflare:workers';
import { applyD1Migrations, reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IndexedAccount } from '../../shared/accounts/types.ts';
import { clearLookupCache } from '../../worker/accounts/lookup.ts';
import { upsertAccounts } from '../../worker/accounts/store.ts';
import { capturedRequests, crmRecords, failNext, resetCapture, seedCrm } from './capture-client.ts';
import { accepted, leadView, publish, settled } from './helpers.ts';
import { knownContactsConfig } from './sources-helpers.ts';

const URL_ = 'https://router.test/v1/sources/hubspot';
const SECRET = 'hubspot-client-secret-test';
const PIED_PIPER: IndexedAccount = {
  id: 'hubspot:101',
  source: 'hubspot',
  name: 'Pied Piper, Inc.',
  domains: ['piedpiper.com'],
  owner: 'hubspot:9002',
  customer: true,
  customerSince: '2022-02-01',
};

/** A contact as HubSpot holds it. */
function contact(id: string, properties: Record<string, string>) {
  return { id, properties: { createdate: '2026-11-02T10:00:00.000Z', lastmodifieddate: '2026-11-02T10:00:00.000Z', ...properties } };
}

/** A contact.creation event, as HubSpot's webhooks deliver them (a JSON array of events). */
function created(objectId: number, eventId = objectId * 10) {
  return {
    eventId,
    subscriptionId: 2374001,
    portalId: 62515,
    appId: 1160452,
    occurredAt: Date.now(),
    subscriptionType: 'contact.creation',
    attemptNumber: 0,
    objectId,
    changeFlag: 'CREATED',
    changeSource: 'CRM',
  };
}

/** HubSpot's v3 signature: base64 HMAC-SHA256 of method + URI + body + timestamp. */
async function sign(method: string, uri: string, body: string, timestamp: string, secret = SECRET): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${method}${uri}${body}${timestamp}`));
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

/** Posts events as HubSpot does; `options` forges what an attacker or a replay would change. */
async function deliver(events: unknown[], options: { timestamp?: number; secret?: string; signature?: string; body?: string } = {}): Promise<Response> {
  const body = options.body ?? JSON.stringify(events);
  const timestamp = String(options.timestamp ?? Date.now());
  const signature = options.signature ?? (await sign('POST', URL_, JSON.stringify(events), timestamp, options.secret));
  return exports.default.fetch(URL_, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': timestamp },
    body,
  });
}

interface HubspotAnswer {
  leads: { contactId: string; leadId: string; owner: { name: string } }[];
  skipped: { contactId: string; reason: string }[];
}

beforeEach(async () => {
  await reset();
  await applyD1Migrations(env.ACCOUNTS_DB, env.TEST_MIGRATIONS);
  await resetCapture();
  clearLookupCache();
  await upsertAccounts(env.ACCOUNTS_DB, [PIED_PIPER], 1);
  expect((await publish(knownContactsConfig())).status).toBe(200);
  await seedCrm({
    hubspot: {
      contacts: [
        contact('501', {
          email: 'dinesh@piedpiper.com',
          firstname: 'Dinesh',
          lastname: 'Chugtai',
          company: 'Pied Piper',
          jobtitle: 'Engineer',
          phone: '+1 415 555 0199',
          message: 'Need more seats',
        }),
        contact('502', { email: 'monica@raviga.com', firstname: 'Monica', company: 'Raviga', hubspot_owner_id: '9001' }),
      ],
    },
  });
});

describe('the HubSpot contact-creation webhook', () => {
  it("routes a HubSpot-created contact to its company's owner and writes the owner back onto that contact, once", async () => {
    const res = await deliver([created(501)]);
    expect(res.status).toBe(200);
    const answer = await res.json<HubspotAnswer>();
    expect(answer.leads).toEqual([{ contactId: '501', leadId: expect.any(String), owner: { name: 'Lee Okafor' } }]);
    const view = await settled(answer.leads[0]!.leadId);
    expect(view.record.owner.id).toBe('lee');
    expect(view.record.decision.route).toBe('named-accounts');
    expect(view.record.lead).toMatchObject({
      origin: { system: 'hubspot', id: '501' },
      source: 'hubspot',
      email: 'dinesh@piedpiper.com',
      company: 'Pied Piper',
      jobTitle: 'Engineer',
    });

    const hubspot = await capturedRequests('api.hubapi.com');
    // One read (the batch read, with the token), one write-back onto contact 501, and no create.
    expect(hubspot.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /crm/v3/objects/contacts/batch/read', 'PATCH /crm/v3/objects/contacts/501']);
    expect(hubspot[0]!.headers['authorization']).toBe('Bearer pat-test-token');
    expect(JSON.parse(hubspot[0]!.body)).toMatchObject({
      inputs: [{ id: '501' }],
      properties: expect.arrayContaining(['email', 'firstname', 'lead_router_id', 'hubspot_owner_id']),
    });
    const written = JSON.parse(hubspot[1]!.body).properties as Record<string, string>;
    expect(written).toMatchObject({ hubspot_owner_id: '9002', lead_router_id: answer.leads[0]!.leadId, lead_router_route: 'named-accounts' });
    expect(written['lead_router_reason']).toContain('existing customer of Pied Piper, Inc. since 2022-02-01');
    expect((await crmRecords()).hubspot.contacts.find((c) => c.id === '501')?.properties['hubspot_owner_id']).toBe('9002');
    // The rep is told; the person, who filled in HubSpot's form, gets no second confirmation from us.
    const emails = (await capturedRequests('api.resend.com')).map((r) => JSON.parse(r.body) as { to: string[] });
    expect(emails.some((m) => m.to.includes('lee@northwind.example'))).toBe(true);
    expect(emails.some((m) => m.to.includes('dinesh@piedpiper.com'))).toBe(false);
    expect(view.record.confirmationSkipped).toContain('HubSpot');
  });

  it('answers a repeat of the same contact with the same lead, and writes nothing more', async () => {
    const first = await (await deliver([created(501)])).json<HubspotAnswer>();
    await settled(first.leads[0]!.leadId);
    // HubSpot retries a delivery it thinks failed: a new timestamp and signature, the same contact.
    const again = await deliver([{ ...created(501), attemptNumber: 1 }]);
    expect(again.status).toBe(200);
    expect((await again.json<HubspotAnswer>()).leads).toEqual(first.leads);
    const view = await settled(first.leads[0]!.leadId);
    expect(view.record.duplicates).toBe(0);
    expect((await capturedRequests('api.hubapi.com')).filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('makes one lead of two deliveries of the same contact at once (its record id is the idempotency key)', async () => {
    const [a, b] = await Promise.all([deliver([created(501)]), deliver([{ ...created(501), eventId: 77 }])]);
    const [first, second] = [await a.json<HubspotAnswer>(), await b.json<HubspotAnswer>()];
    expect(second.leads).toEqual(first.leads);
    const view = await settled(first.leads[0]!.leadId);
    expect(view.record.duplicates).toBe(0);
    expect((await capturedRequests('api.hubapi.com')).filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('keeps a contact HubSpot already gave an owner with that owner (the current owner first)', async () => {
    const answer = await (await deliver([created(502)])).json<HubspotAnswer>();
    const { record } = await leadView(answer.leads[0]!.leadId);
    expect(record.lead.contactOwner).toBe('dana');
    expect(record.decision.route).toBe('known-contacts');
    expect(record.owner.id).toBe('dana');
  });

  it('does not take a contact our CRM hand-off created (its lead_router_id names a form lead) as a new lead', async () => {
    const form = await accepted({ firstName: 'Robin', email: 'robin@example.org', message: 'Hello' });
    await seedCrm({ hubspot: { contacts: [contact('503', { email: 'robin@example.org', firstname: 'Robin', lead_router_id: form.leadId })] } });
    const answer = await (await deliver([created(503)])).json<HubspotAnswer>();
    expect(answer).toEqual({ leads: [], skipped: [{ contactId: '503', reason: expect.stringContaining('already a lead of the router') }] });
    expect((await leadView(form.leadId)).record.duplicates).toBe(0);
    expect((await capturedRequests('api.hubapi.com')).filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('skips events of other kinds and contacts HubSpot no longer has', async () => {
    const res = await deliver([{ ...created(501), subscriptionType: 'contact.propertyChange', propertyName: 'email' }, created(999)]);
    expect(await res.json<HubspotAnswer>()).toEqual({ leads: [], skipped: [{ contactId: '999', reason: expect.stringContaining('not found') }] });
  });

  it("passes HubSpot's rate limit back, so HubSpot delivers again later", async () => {
    await failNext('api.hubapi.com', 429, 1, { retryAfter: 10, policyName: 'TEN_SECONDLY_ROLLING' });
    const res = await deliver([created(501)]);
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('10');
    expect((await capturedRequests('api.hubapi.com')).filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });
});

describe("the webhook's v3 signature", () => {
  it('refuses a request signed with another secret, saying why', async () => {
    const res = await deliver([created(501)], { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'bad_signature', message: expect.stringContaining('HUBSPOT_CLIENT_SECRET') });
    expect(await capturedRequests('api.hubapi.com')).toEqual([]);
  });

  it('refuses a body changed after signing', async () => {
    const res = await deliver([created(501)], { body: JSON.stringify([created(502)]) });
    expect(res.status).toBe(401);
  });

  it('refuses a timestamp older than 5 minutes (a replay), even correctly signed', async () => {
    const res = await deliver([created(501)], { timestamp: Date.now() - 6 * 60_000 });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'stale', message: expect.stringContaining('5 minutes') });
  });

  it('refuses an unsigned request', async () => {
    const res = await exports.default.fetch(URL_, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([created(501)]) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unsigned' });
  });
});
