/**
 * Only people acknowledge (issue 9, case 3) and reassignment is clear to both reps (case 7):
 * GET and HEAD change nothing; the page says whether the lead is already acknowledged, in the
 * rep's time zone; a former owner's link says where the lead went and shows none of the lead's
 * personal data; the new owner's notice says it is a reassignment, how long the lead waited and
 * what the lead was promised; the lead is told of the new owner when the config asks.
 */
import { env, exports } from 'cloudflare:workers';
import { reset, runDurableObjectAlarm } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { ackUrl } from '../../worker/lead/ack-link.ts';
import { leadObject } from '../../worker/lead/lead-id.ts';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { accepted, ageLead, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

const MINUTE = 60_000;
const sameDay = { firstName: 'Jamie', lastName: 'Rivera', email: 'jamie@brightpath.io', phone: '(415) 555-2671', postalCode: '94107', message: 'AC is out' };

beforeEach(async () => {
  await reset();
  await resetCapture();
});

async function newLead(): Promise<string> {
  const { leadId } = await accepted(sameDay, { formType: 'urgent_service' });
  await settled(leadId);
  return leadId;
}

describe('the ack link', () => {
  it('is not acknowledged by a HEAD (what mail scanners send) or a GET', async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    const id = await newLead();
    const url = await ackUrl('https://router.test', 'test-signing-secret', id, 'tom', Date.now());
    expect((await exports.default.fetch(url, { method: 'HEAD' })).status).toBe(200);
    expect((await exports.default.fetch(url)).status).toBe(200);
    expect((await leadView(id)).record.acknowledged).toBeUndefined();
    // So escalation still runs.
    await ageLead(id, 16 * MINUTE);
    expect(await runDurableObjectAlarm(leadObject(env, id))).toBe(true);
    expect((await leadView(id)).record.owner.id).toBe('ian');
  });

  it("shows an acknowledged lead as acknowledged, when, in the rep's own time zone, with no second button", async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    const id = await newLead();
    const url = await ackUrl('https://router.test', 'test-signing-secret', id, 'tom', Date.now());
    expect((await exports.default.fetch(url, { method: 'POST' })).status).toBe(200);
    const page = await (await exports.default.fetch(url)).text();
    expect(page).toMatch(/Acknowledged by you/);
    // Tom works in America/Los_Angeles: the time is his (PST/PDT), not UTC's ISO string.
    expect(page).toMatch(/P[SD]T/);
    expect(page).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(page).not.toMatch(/<button[^>]*>Acknowledge/);
  });
});

describe('after a reassignment', () => {
  it("the former owner's link says where the lead went and when, and shows nothing of the lead", async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    const id = await newLead();
    const tomsLink = await ackUrl('https://router.test', 'test-signing-secret', id, 'tom', Date.now());
    await ageLead(id, 16 * MINUTE);
    await runDurableObjectAlarm(leadObject(env, id));
    await settled(id);
    for (const method of ['GET', 'POST']) {
      const res = await exports.default.fetch(tomsLink, { method });
      const page = await res.text();
      expect(page, method).toMatch(/moved to Ian Brooks at \d{1,2}:\d{2}/);
      expect(page, method).not.toMatch(/New lead for you/);
      for (const secret of ['Jamie', 'Rivera', '2671', 'brightpath', 'AC is out']) expect(page, `${method} ${secret}`).not.toContain(secret);
      expect(page, method).not.toMatch(/<button[^>]*>Acknowledge/);
    }
  });

  it('the new owner is told it is a reassignment, how long the lead has waited and what the lead was promised', async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    const id = await newLead();
    await resetCapture();
    await ageLead(id, 16 * MINUTE);
    await runDurableObjectAlarm(leadObject(env, id));
    await settled(id);
    const [slack] = (await capturedRequests('hooks.slack.com')).map((r) => JSON.parse(r.body).text as string);
    expect(slack).toMatch(/[Rr]eassigned to you from Tom Reyes/);
    expect(slack).toMatch(/waited 16 min/);
    expect(slack).toMatch(/promised: Tom will call you within 15 minutes/);
    const email = (await capturedRequests('api.resend.com')).map((r) => JSON.parse(r.body)).find((m) => m.to[0] === 'ian@northwind.example');
    expect(email?.subject).toMatch(/[Rr]eassigned/);
    expect(email?.text).toMatch(/Tom will call you within 15 minutes/);
  });

  it('the lead hears who will call now, when the escalation step says so', async () => {
    const config = alwaysOpenConfig();
    config.escalations!['field-service']![0] = { after: '15m', action: 'reassign', pool: 'inside-sales', tellLead: true } as never;
    expect((await publish(config)).status).toBe(200);
    const id = await newLead();
    await resetCapture();
    await ageLead(id, 16 * MINUTE);
    await runDurableObjectAlarm(leadObject(env, id));
    await settled(id);
    const sms = (await capturedRequests('api.twilio.com')).map((r) => new URLSearchParams(r.body).get('Body') ?? '');
    expect(sms.some((body) => /Ian/.test(body))).toBe(true);
  });
});
