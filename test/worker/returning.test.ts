/**
 * Returning people (issue 9, case 1): a later submission by a known person joins their lead WITH
 * its content, the owner hears of it at once, a request of higher intent is routed again, two
 * people who share a phone stay two leads, and one person is one lead across keys under
 * concurrency.
 */
import { exports } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { accepted, ageLead, alwaysOpenConfig, leadView, publish, settled, submit, waitFor } from './helpers.ts';

const DAY = 86_400_000;

beforeEach(async () => {
  await reset();
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

const jane = { email: 'jane@brightpath.io', consent: true };
const demo = {
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane@brightpath.io',
  company: 'BrightPath',
  employees: '30',
  country: 'US',
  message: 'we want 2,000 seats this week',
};

/** Slack texts sent so far. */
async function slackTexts(): Promise<string[]> {
  return (await capturedRequests('hooks.slack.com')).map((r) => JSON.parse(r.body).text as string);
}

describe('a returning person', () => {
  it('keeps the new request: a demo request a week after a free-trial signup is on the lead, routed again to a rep, and its owner told at once', async () => {
    const trial = await accepted(jane, { formType: 'free_trial' });
    let view = await settled(trial.leadId);
    expect(view.record.owner).toMatchObject({ kind: 'queue', id: 'ai-sdr' });
    await ageLead(trial.leadId, 7 * DAY);
    await resetCapture();

    const res = await submit(demo, { formType: 'demo_request' });
    expect(res.status).toBe(202);
    const answer = await res.json<Record<string, unknown>>();
    // The same lead, and nothing in the public answer says it was known (no enumeration).
    expect(answer.leadId).toBe(trial.leadId);
    expect(answer).not.toHaveProperty('duplicate');
    // The promise is the demo route's, not the free trial's day.
    expect(answer.respondWithin).toEqual({ minutes: 5 });

    view = await settled(trial.leadId);
    expect(view.record.lead).toMatchObject({ formType: 'demo_request', message: 'we want 2,000 seats this week', company: 'BrightPath', intent: 'high' });
    expect(view.record.owner.kind).toBe('rep');
    expect(view.record.decision.route).toBe('demo-direct-to-ae');
    expect(view.record.decision.slaMs).toBe(5 * 60_000);
    const returned = view.timeline.find((e) => e.type === 'returned');
    expect(returned?.detail).toMatch(/Book a demo|demo_request/);
    expect(returned?.detail).toMatch(/\(was Start free\)/);
    const rerouted = view.timeline.find((e) => e.type === 'rerouted');
    expect(rerouted?.detail).toMatch(/higher intent/);
    // The trace explains the new decision.
    expect(view.record.trace.some((line) => line.step === 'route' && line.route === 'demo-direct-to-ae' && line.matched)).toBe(true);

    // The owner hears of it at once, with what the person asked.
    const slack = await slackTexts();
    expect(slack.some((text) => /Jane Doe came back/.test(text) && /2,000 seats/.test(text))).toBe(true);
    // The CRM record is updated with the new owner.
    const hooks = (await capturedRequests('crm-hook.example')).map((r) => JSON.parse(r.body).lead);
    expect(hooks.at(-1)).toMatchObject({ formType: 'demo_request', owner: { kind: 'rep', id: view.record.owner.id } });
    // No second confirmation for the same person.
    expect((await capturedRequests('api.resend.com')).filter((r) => JSON.parse(r.body).to[0] === jane.email)).toHaveLength(0);
  });

  it('tells the current owner of a return of equal intent without moving the lead, and keeps the history', async () => {
    const first = await accepted({ firstName: 'Ola', email: 'ola@fieldline.io', message: 'Pricing for 20 users?' }, { formType: 'contact' });
    const before = await settled(first.leadId);
    await resetCapture();
    const again = await accepted({ firstName: 'Ola', email: 'ola@fieldline.io', message: 'Also: do you integrate with NetSuite?' }, { formType: 'contact' });
    expect(again.leadId).toBe(first.leadId);
    const view = await settled(first.leadId);
    expect(view.record.owner).toEqual(before.record.owner);
    expect(view.record.lead.message).toBe('Also: do you integrate with NetSuite?');
    expect(view.timeline.find((e) => e.type === 'returned')?.detail).toMatch(/Pricing for 20 users/);
    const slack = await slackTexts();
    expect(slack.some((text) => /Ola came back/.test(text) && /NetSuite/.test(text))).toBe(true);
  });

  it('does not bother anyone again for an identical resubmission', async () => {
    const fields = { firstName: 'Ola', email: 'ola@fieldline.io', message: 'Pricing for 20 users?' };
    const first = await accepted(fields, { formType: 'contact' });
    await settled(first.leadId);
    await resetCapture();
    const again = await accepted(fields, { formType: 'contact' });
    expect(again.leadId).toBe(first.leadId);
    const view = await settled(first.leadId);
    expect(view.record.duplicates).toBe(1);
    expect(await slackTexts()).toHaveLength(0);
  });
});

describe('a person whose lead has ended', () => {
  it('who comes back within the window gets a new lead, routed afresh; the lost one stays lost', async () => {
    const fields = { firstName: 'Ola', email: 'ola@fieldline.io', phone: '+1 415 555 0190', message: 'Pricing for 20 users?' };
    const first = await accepted(fields, { formType: 'contact' });
    await settled(first.leadId);
    const lost = await exports.default.fetch(`https://router.test/v1/admin/leads/${first.leadId}/outcome`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ stage: 'lost', by: 'crm' }),
    });
    expect(lost.status).toBe(200);
    const again = await accepted({ ...fields, message: 'We are ready to buy now' }, { formType: 'contact' });
    expect(again.leadId).not.toBe(first.leadId);
    expect((await settled(again.leadId)).record.owner.kind).toBe('rep');
    expect((await leadView(first.leadId)).record.stage?.stage).toBe('lost');
    // The phone follows the new lead too.
    const byPhone = await accepted({ firstName: 'Ola', phone: '+1 415 555 0190', postalCode: '94107' }, { formType: 'urgent_service' });
    expect(byPhone.leadId).toBe(again.leadId);
  });
});

describe('people who share a phone', () => {
  it('are two leads when their emails differ', async () => {
    const phone = '+1 212 555 0199';
    const a = await accepted({ firstName: 'Sam', email: 'sam@fieldline.io', phone, message: 'Quote for 3 trucks' }, { formType: 'contact' });
    const b = await accepted({ firstName: 'Alex', email: 'alex@fieldline.io', phone, message: 'Quote for a van' }, { formType: 'contact' });
    expect(b.leadId).not.toBe(a.leadId);
    expect((await settled(b.leadId)).record.lead.firstName).toBe('Alex');
    expect((await settled(a.leadId)).record.duplicates).toBe(0);
  });
});

describe('one person is one lead across keys', () => {
  it('joins a phone-only submission to the lead that has that phone', async () => {
    const first = await accepted(
      { firstName: 'Jamie', email: 'jamie@brightpath.io', phone: '(415) 555-2671', postalCode: '94107' },
      { formType: 'urgent_service' },
    );
    const second = await accepted({ firstName: 'Jamie', phone: '415-555-2671', postalCode: '94107', message: 'still no AC' }, { formType: 'urgent_service' });
    expect(second.leadId).toBe(first.leadId);
  });

  it('gives a phone-only lead the email sent with the same phone later', async () => {
    const first = await accepted({ firstName: 'Jamie', phone: '(415) 555-2671', postalCode: '94107' }, { formType: 'urgent_service' });
    const second = await accepted(
      { firstName: 'Jamie', email: 'jamie@brightpath.io', phone: '(415) 555-2671', postalCode: '94107' },
      { formType: 'urgent_service' },
    );
    expect(second.leadId).toBe(first.leadId);
    expect((await settled(first.leadId)).record.lead.email).toBe('jamie@brightpath.io');
    // And the email alone now finds it too.
    const third = await accepted(
      { firstName: 'Jamie', email: 'jamie@brightpath.io', phone: '(415) 555-2671', postalCode: '94107', message: 'any news?' },
      { formType: 'urgent_service' },
    );
    expect(third.leadId).toBe(first.leadId);
  });

  it('makes one lead, one SMS and one CRM record per person when an email+phone and a phone-only submission arrive at the same instant', async () => {
    const people = Array.from({ length: 40 }, (_, i) => ({
      firstName: `P${i}`,
      email: `p${i}@brightpath.io`,
      phone: `+1 415 555 ${String(1000 + i)}`,
      postalCode: '94107',
    }));
    const answers = await Promise.all(
      people.flatMap((p) => [
        accepted(p, { formType: 'urgent_service' }),
        accepted({ firstName: p.firstName, phone: p.phone, postalCode: p.postalCode }, { formType: 'urgent_service' }),
      ]),
    );
    for (let i = 0; i < people.length; i++) expect(answers[2 * i]!.leadId, people[i]!.email).toBe(answers[2 * i + 1]!.leadId);
    const ids = [...new Set(answers.map((a) => a.leadId))];
    expect(ids).toHaveLength(40);
    await Promise.all(ids.map((id) => settled(id)));
    const sms = await waitFor(async () => {
      const sent = await capturedRequests('api.twilio.com');
      return sent.length >= 40 ? sent : undefined;
    });
    const to = sms.map((r) => new URLSearchParams(r.body).get('To'));
    expect(new Set(to).size).toBe(40);
    expect(to).toHaveLength(40);
    const salesforce = (await capturedRequests('northwind.my.salesforce.com')).filter((r) => r.status === 201);
    expect(salesforce).toHaveLength(40);
    // 80 admissions and 40 leads' side effects: seconds on a busy 2-core machine.
  }, 30_000);
});

describe('the answer to a junk submission', () => {
  it('promises nothing: no owner, no time', async () => {
    const res = await submit(
      { firstName: 'Bot', email: 'bot@brightpath.io', message: 'hello' },
      { formType: 'contact', context: { honeypot: 'http://spam.example' } },
    );
    expect(res.status).toBe(202);
    const body = await res.json<Record<string, unknown>>();
    expect(body.owner).toEqual({ name: null });
    expect(body.respondWithin).toBeNull();
  });
});
