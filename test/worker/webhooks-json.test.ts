/**
 * Signed JSON posts from chat tools and other systems (issue 11, Deliver 5): `POST
 * /v1/sources/webhook` signed `X-Lead-Router-Signature: t=…,v1=…` (the scheme of our outgoing
 * webhook) with SOURCE_WEBHOOK_SECRET; the lead goes through the same qualification, dedupe,
 * routing, confirmation, notices and CRM hand-off as a form lead, records its source, and is
 * idempotent on the poster's record id.
 */
import { env, exports } from 'cloudflare:workers';
import { applyD1Migrations, reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { accepted, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';
import { leadRouterSignature } from './sources-helpers.ts';

const URL_ = 'https://router.test/v1/sources/webhook';
const SECRET = 'source-webhook-secret-test';

async function post(body: unknown, options: { secret?: string; t?: number; unsigned?: boolean } = {}): Promise<Response> {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (!options.unsigned) headers['X-Lead-Router-Signature'] = await leadRouterSignature(options.secret ?? SECRET, text, options.t);
  return exports.default.fetch(URL_, { method: 'POST', headers, body: text });
}

const CHAT = {
  id: 'conv_81723',
  source: 'Intercom',
  fields: { firstName: 'Erlich', lastName: 'Bachman', email: 'erlich@aviato.com', company: 'Aviato', message: 'Chatted about pricing for 40 seats' },
  intent: [{ topic: 'Pricing', strength: 80 }],
};

interface Answer {
  leadId: string;
  owner: { name: string | null };
  respondWithin: { minutes: number } | null;
}

beforeEach(async () => {
  await reset();
  await applyD1Migrations(env.ACCOUNTS_DB, env.TEST_MIGRATIONS);
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

describe('the signed JSON endpoint', () => {
  it('takes a chat lead like a form lead: routed, confirmed, the rep notified, sent to the CRM, its source recorded', async () => {
    const res = await post(CHAT);
    expect(res.status).toBe(202);
    const answer = await res.json<Answer>();
    expect(answer).toMatchObject({ leadId: expect.any(String), owner: { name: expect.any(String) }, respondWithin: { minutes: expect.any(Number) } });
    const view = await settled(answer.leadId);
    expect(view.record.lead).toMatchObject({
      source: 'intercom',
      medium: 'api',
      origin: { system: 'webhook', id: 'conv_81723', name: 'intercom' },
      intentTopics: ['pricing'],
      intentStrength: 80,
      formType: 'contact',
    });
    expect(view.record.site).toBe('source:intercom');
    const emails = (await capturedRequests('api.resend.com')).map((r) => JSON.parse(r.body) as { to: string[] });
    expect(emails.some((m) => m.to.includes('erlich@aviato.com'))).toBe(true);
    expect(emails.some((m) => view.record.owner.kind === 'rep' && m.to.includes(`${view.record.owner.id}@northwind.example`))).toBe(true);
    const [upsert] = await capturedRequests('api.hubapi.com');
    expect(JSON.parse(upsert!.body).inputs[0]).toMatchObject({ idProperty: 'email', id: 'erlich@aviato.com' });
  });

  it('sends no confirmation when the config says the source does not', async () => {
    const config = alwaysOpenConfig();
    config.sources = { webhook: { confirm: false } };
    expect((await publish(config)).status).toBe(200);
    const { leadId } = await (await post(CHAT)).json<Answer>();
    const view = await settled(leadId);
    expect(view.record.confirmationSkipped).toContain('intercom');
    expect((await capturedRequests('api.resend.com')).some((r) => (JSON.parse(r.body) as { to: string[] }).to.includes('erlich@aviato.com'))).toBe(false);
  });

  it('answers a repeat of the same record id with the same lead', async () => {
    const first = await (await post(CHAT)).json<Answer>();
    const again = await post({ ...CHAT, fields: { ...CHAT.fields, message: 'the same conversation, posted again' } });
    expect(again.status).toBe(202);
    expect((await again.json<Answer>()).leadId).toBe(first.leadId);
    const view = await leadView(first.leadId);
    expect(view.record.duplicates).toBe(0);
  });

  it('joins the person’s form lead: one person, one lead, whichever way they came', async () => {
    const form = await accepted({ firstName: 'Erlich', email: 'erlich@aviato.com', message: 'Hello from the form' });
    const chat = await (await post(CHAT)).json<Answer>();
    expect(chat.leadId).toBe(form.leadId);
    expect((await leadView(form.leadId)).record.duplicates).toBe(1);
  });

  it('takes a lead missing what the form requires as incomplete, and leaves out what cannot be read', async () => {
    const res = await post({ id: 'conv_2', source: 'drift', formType: 'demo_request', fields: { email: 'jian@gmail.com', phone: '12' } });
    expect(res.status).toBe(202);
    const { record } = await leadView((await res.json<Answer>()).leadId);
    expect(record.lead.status).toBe('incomplete');
    expect(record.lead.phone).toBeUndefined();
    expect(record.lead.email).toBe('jian@gmail.com');
  });

  it('refuses a post without an id or a source, naming them', async () => {
    const res = await post({ fields: { email: 'a@b.co' } });
    expect(res.status).toBe(400);
    const body = await res.json<{ issues: { field: string }[] }>();
    expect(body.issues.map((i) => i.field)).toEqual(['id', 'source']);
  });

  it('refuses unsigned, wrongly signed and stale posts with 401 and the reason', async () => {
    expect(await (await post(CHAT, { unsigned: true })).json()).toMatchObject({ error: 'unsigned' });
    const wrong = await post(CHAT, { secret: 'whsec_guess' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'bad_signature', message: expect.stringContaining('SOURCE_WEBHOOK_SECRET') });
    const stale = await post(CHAT, { t: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error: 'stale' });
  });
});
