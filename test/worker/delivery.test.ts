/**
 * Never lose a lead: concurrent duplicates make one lead; a CRM outage delays the record but
 * never loses or doubles it; a permanent failure is dead-lettered on the timeline; junk gets
 * no confirmation.
 */
import { env } from 'cloudflare:workers';
import { evictDurableObject, reset, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { parseConfig } from '../../shared/config/parse.ts';
import { prepareLead } from '../../shared/lead/prepare.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { ensurePhoneMetadata } from '../../worker/phone-metadata.ts';
import { deliver } from '../../worker/lead/deliveries.ts';
import type { OutboxEntry } from '../../worker/lead/record.ts';
import type { Admission } from '../../worker/lead/admission.ts';
import { homeTag, identityObject, newLeadId } from '../../worker/lead/lead-id.ts';
import { LeadStore } from '../../worker/lead/store.ts';
import { verifyWebhookSignature } from '../../worker/providers/webhook.ts';
import { capturedRequests, failNext, resetCapture } from './capture-client.ts';
import { accepted, alwaysOpenConfig, publish, settled, submit, waitFor } from './helpers.ts';

const demo = {
  firstName: 'Riley',
  lastName: 'Chen',
  email: 'riley@brightpath.io',
  company: 'BrightPath',
  employees: '120',
  country: 'US',
  region: 'NY',
  phone: '+1 212 555 0142',
  jobTitle: 'CTO',
};

beforeEach(async () => {
  await reset();
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

describe('a lead is delivered everywhere, once', () => {
  it('sends the confirmation, notifies the rep, and forwards the pre-routed record to every CRM', async () => {
    const { leadId } = await accepted(demo, { formType: 'demo_request' });
    const view = await settled(leadId);
    expect(view.outbox.map((e) => e.status)).toEqual(view.outbox.map(() => 'delivered'));
    const types = view.timeline.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['received', 'assigned', 'confirmation_sent', 'rep_notified', 'crm_forwarded']));

    const [email] = (await capturedRequests('api.resend.com')).filter((r) => JSON.parse(r.body).to[0] === 'riley@brightpath.io');
    expect(JSON.parse(email!.body).subject).toMatch(/demo/i);
    const slack = await capturedRequests('hooks.slack.com');
    expect(slack).toHaveLength(1);
    expect(slack[0]!.body).toContain('ack?rep=dana');
    const [hubspot] = await capturedRequests('api.hubapi.com');
    expect(JSON.parse(hubspot!.body).inputs[0]).toMatchObject({
      idProperty: 'email',
      id: 'riley@brightpath.io',
      properties: { hubspot_owner_id: '9001', lead_router_id: leadId },
    });
    const [salesforce] = await capturedRequests('northwind.my.salesforce.com');
    expect(salesforce!.path).toBe(`/services/data/v61.0/sobjects/Lead/Lead_Router_Id__c/${leadId}`);
    expect(JSON.parse(salesforce!.body)).toMatchObject({ OwnerId: '005000000000001AAA', Company: 'BrightPath' });
    const [hook] = await capturedRequests('crm-hook.example');
    expect(await verifyWebhookSignature('whsec_test', hook!.headers['x-lead-router-signature']!, hook!.body, Date.now())).toBe(true);
    expect(JSON.parse(hook!.body).lead).toMatchObject({ leadId, owner: { id: 'dana', name: 'Dana Whitfield' }, route: 'mid-market-east' });
  });

  it('turns 50 concurrent identical submissions into one lead, one confirmation and one CRM record', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => submit(demo, { formType: 'demo_request' }).then((r) => r.json<{ leadId: string }>())));
    const ids = new Set(answers.map((a) => a.leadId));
    expect(ids.size).toBe(1);
    const leadId = [...ids][0]!;
    const view = await settled(leadId);
    expect(view.record.duplicates).toBe(49);
    // The timeline records the first few repeats and counts the rest: it stays bounded.
    expect(view.timeline.filter((e) => e.type === 'duplicate')).toHaveLength(3);

    const confirmations = (await capturedRequests('api.resend.com')).filter((r) => JSON.parse(r.body).to[0] === demo.email);
    expect(confirmations).toHaveLength(1);
    expect(await capturedRequests('api.twilio.com')).toHaveLength(0);
    // Salesforce creates on the first upsert of an external id (201) and updates after (200).
    const salesforce = await capturedRequests('northwind.my.salesforce.com');
    expect(salesforce.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(salesforce.map((r) => r.path))).toEqual(new Set([`/services/data/v61.0/sobjects/Lead/Lead_Router_Id__c/${leadId}`]));
    // An identical repeat changes nothing the CRM holds: no update at all, not 49.
    expect(salesforce).toHaveLength(1);
  });

  it('keeps retrying a CRM that answers 500 and delivers the record once it recovers; the lead stays owned', async () => {
    await failNext('api.hubapi.com', 500, 4);
    const { leadId } = await accepted(demo, { formType: 'demo_request' });
    const view = await settled(leadId);
    const hubspot = await capturedRequests('api.hubapi.com');
    expect(hubspot.map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
    const entry = view.outbox.find((e) => e.intent.kind === 'crm' && e.ref !== undefined && hubspot.length === e.attempts);
    expect(entry).toMatchObject({ status: 'delivered', attempts: 5 });
    expect(view.record.owner).toMatchObject({ kind: 'rep', id: 'dana' });
    expect(view.timeline.filter((e) => e.type === 'delivery_retry')).toHaveLength(1);
    // Everything else went out at once, untouched by the CRM outage.
    expect(await capturedRequests('hooks.slack.com')).toHaveLength(1);
  });

  it('dead-letters a permanent failure and shows it on the timeline', async () => {
    await failNext('northwind.my.salesforce.com', 400, 1);
    const { leadId } = await accepted(demo, { formType: 'demo_request' });
    const view = await settled(leadId);
    const dead = view.outbox.filter((e) => e.status === 'dead');
    expect(dead).toHaveLength(1);
    expect(dead[0]!.lastError).toMatch(/^400/);
    expect(view.timeline.find((e) => e.type === 'dead_lettered')?.detail).toMatch(/CRM record .* failed for good after 1 attempt/);
  });

  it('sends junk no confirmation and no CRM record, and routes it to review', async () => {
    const { leadId } = await accepted({ firstName: 'Bot', email: 'bot@spam.example', message: 'great site' }, { context: { honeypot: 'http://spam.example' } });
    const view = await settled(leadId);
    expect(view.record.owner).toMatchObject({ kind: 'queue', id: 'junk-review' });
    expect(view.record.confirmationSkipped).toBe('junk gets no confirmation');
    expect(view.outbox).toEqual([]);
    expect(await capturedRequests()).toEqual([]);
  });

  it("confirms by SMS and email for a same-day request, in the lead's language", async () => {
    const { leadId } = await accepted(
      { firstName: 'Lucía', phone: '(415) 555-2671', postalCode: '94107', email: 'lucia@casa.example', message: 'Se inundó la cocina, necesito ayuda hoy' },
      { formType: 'urgent_service', context: { locale: 'es-US' } },
    );
    await settled(leadId);
    const [sms] = await capturedRequests('api.twilio.com');
    const form = new URLSearchParams(sms!.body);
    expect(form.get('To')).toBe('+14155552671');
    expect(form.get('Body')).toMatch(/Tom/);
    expect(form.get('Body')).toMatch(/minutos/);
  });

  it('holds back confirmations from a client that sends too many', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(
        (await accepted({ ...demo, email: `person${i}@brightpath.io`, phone: `+1 212 555 01${10 + i}` }, { formType: 'demo_request', ip: '198.51.100.7' }))
          .leadId,
      );
    const views = await Promise.all(ids.map(settled));
    expect(views.map((v) => v.record.confirmationSkipped ?? 'sent')).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'confirmations from this client are rate-limited',
      'confirmations from this client are rate-limited',
    ]);
    await waitFor(async () => (await capturedRequests('api.resend.com')).length >= 5);
  });

  it('finishes an admission that failed half-way under the same lead id, routed and counted once', async () => {
    const halfway = await stopHalfway();
    const retried = await accepted(demo, { formType: 'demo_request' });
    expect(retried).toMatchObject({ leadId: halfway, owner: { name: 'Dana' } });
    const state = await env.ROUTER.getByName('global').snapshot();
    expect(state.load).toEqual({ dana: 1 });
    expect((await settled(halfway)).record.owner.id).toBe('dana');
  });

  it('finishes an admission that failed half-way by itself when the client never retries', async () => {
    const halfway = await stopHalfway(60_000);
    const identity = identityObject(env, homeTag(env, 'email:riley@brightpath.io'));
    expect(await runDurableObjectAlarm(identity)).toBe(true);
    const view = await settled(halfway);
    expect(view.record.owner.id).toBe('dana');
    expect((await env.ROUTER.getByName('global').snapshot()).load).toEqual({ dana: 1 });
    // Confirmed and handed over like any lead.
    expect((await capturedRequests('api.resend.com')).filter((r) => JSON.parse(r.body).to[0] === demo.email)).toHaveLength(1);
  });

  it('does not join a real submission to a junk lead by the same person', async () => {
    const bot = await accepted({ firstName: 'Riley', email: demo.email, message: 'hi' }, { context: { honeypot: 'x' } });
    const real = await accepted(demo, { formType: 'demo_request' });
    expect(real.leadId).not.toBe(bot.leadId);
    expect(real).toMatchObject({ owner: { name: 'Dana' } });
    const again = await accepted({ firstName: 'Riley', email: demo.email, message: 'hi' }, { context: { honeypot: 'x' } });
    expect(again).toMatchObject({ leadId: real.leadId });
    // A bot's submission under the person's address changes nothing of their lead.
    expect((await settled(real.leadId)).record.lead.message).toBeUndefined();
  });

  it('joins a phone-only submission to the lead that gave the same phone with an email', async () => {
    const first = await accepted(demo, { formType: 'demo_request' });
    const second = await accepted({ firstName: 'Riley', phone: '212-555-0142', postalCode: '10001' }, { formType: 'urgent_service' });
    expect(second).toMatchObject({ leadId: first.leadId });
  });

  it('keeps a submission with the same phone but another email apart: two people can share a phone', async () => {
    const first = await accepted(demo, { formType: 'demo_request' });
    const second = await accepted(
      { firstName: 'Sky', email: 'sky@brightpath.io', phone: demo.phone, message: 'Following up on a demo request' },
      { formType: 'contact' },
    );
    expect(second.leadId).not.toBe(first.leadId);
  });
});

/**
 * As if the first attempt of the demo submission stopped after routing, before the lead was
 * stored: the identity object holds the admission as pending (`ago` ms old) and RouterState has
 * made its decision. Returns the pending lead's id.
 */
async function stopHalfway(ago = 0): Promise<string> {
  const parsed = parseConfig(alwaysOpenConfig());
  if (!parsed.ok) throw new Error('config');
  await ensurePhoneMetadata(env);
  const prepared = prepareLead({ formType: 'demo_request', fields: demo, context: { timeOnFormMs: 30_000, locale: 'en-US' } }, parsed.config);
  if (!prepared.ok) throw new Error('lead');
  const key = 'email:riley@brightpath.io';
  const home = homeTag(env, key);
  const at = Date.now() - ago;
  const leadId = newLeadId(at, home);
  const input: Admission = {
    home,
    key,
    others: [{ key: 'phone:+12125550142', home: homeTag(env, 'phone:+12125550142') }],
    lead: prepared.lead,
    qualification: prepared.qualification,
    email: 'riley@brightpath.io',
    windowMs: 30 * 86_400_000,
    site: 'demo',
    receivedAt: at,
    client: 'test',
    publicUrl: 'https://router.test',
  };
  const identity = identityObject(env, home);
  await runInDurableObject(identity, async (_instance, state) => {
    new LeadStore(state.storage.sql).saveIdentity({
      key,
      current: { leadId, until: at + input.windowMs, email: input.email },
      pending: { leadId, at, fingerprint: JSON.stringify(prepared.lead), input },
      answers: [],
    });
    await state.storage.setAlarm(at + 30_000);
  });
  // The object reads its admissions when it starts.
  await evictDurableObject(identity);
  const { decision } = await env.ROUTER.getByName('global').decide(leadId, leadId, prepared.lead, at);
  expect(decision.owner.id).toBe('dana');
  return leadId;
}

describe('a channel without a provider', () => {
  it('is recorded in the dev outbox in development, and dead-lettered (not retried, not faked) in production', async () => {
    const { leadId } = await accepted(demo, { formType: 'demo_request' });
    const { record } = await settled(leadId);
    const parsed = parseConfig(alwaysOpenConfig());
    if (!parsed.ok) throw new Error('config');
    const entry: OutboxEntry = {
      id: '99',
      intent: { kind: 'owner_notice', channel: 'slack', to: record.owner.id },
      status: 'pending',
      attempts: 0,
      nextAt: 0,
      createdAt: 0,
    };
    const noSlack = { ...env, SLACK_WEBHOOK_URL: undefined };
    const context = { record, config: parsed.config, publicUrl: 'https://router.test', now: Date.now() };

    const development = await deliver(entry, { ...context, env: { ...noSlack, ENVIRONMENT: 'development' } });
    expect(development).toMatchObject({ ok: true, ref: expect.stringMatching(/^dev-outbox:/) });

    const production = await deliver(entry, { ...context, env: { ...noSlack, ENVIRONMENT: 'production' } });
    expect(production).toEqual({ ok: false, retry: false, error: 'no provider configured for slack' });
  });
});
