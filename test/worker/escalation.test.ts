/**
 * SLA escalation with Durable Object alarms, and the signed ack link that stops it.
 * Time is moved by ageing the lead's stored arrival (see `ageLead`), then the alarm is fired.
 */
import { env, exports } from 'cloudflare:workers';
import { reset, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { ackUrl } from '../../worker/lead/ack-link.ts';
import type { LeadObject } from '../../worker/durable/lead-object.ts';
import { leadObject } from '../../worker/lead/lead-id.ts';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { accepted, ageLead, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

const MINUTE = 60_000;
// Same-day service in San Francisco: Tom, then (field-service chain) after 15 min reassign to
// inside sales, after 30 min alert the manager, after 1 h move to the dispatch queue.
const sameDay = { firstName: 'Jamie', phone: '(415) 555-2671', postalCode: '94107', message: 'AC is out' };

beforeEach(async () => {
  await reset();
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

async function newLead(): Promise<string> {
  const { leadId } = await accepted(sameDay, { formType: 'urgent_service' });
  await settled(leadId);
  return leadId;
}

describe('escalation', () => {
  it('runs reassignment, then the manager alert, then the move to a queue, in order, each on the timeline', async () => {
    const id = await newLead();
    const stub = leadObject(env, id);

    await ageLead(id, 16 * MINUTE);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    let view = await settled(id);
    expect(view.record.owner).toMatchObject({ kind: 'rep', id: 'ian' });
    expect(view.record.pool).toBe('inside-sales');

    await ageLead(id, 15 * MINUTE);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    view = await settled(id);

    await ageLead(id, 30 * MINUTE);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    view = await settled(id);
    expect(view.record.owner).toMatchObject({ kind: 'queue', id: 'service-dispatch' });

    const steps = view.timeline.filter((e) => ['reassigned', 'escalated', 'moved_to_queue'].includes(e.type));
    expect(steps.map((e) => e.type)).toEqual(['reassigned', 'escalated', 'moved_to_queue']);
    expect(steps[0]!.detail).toMatch(/^from Tom Reyes to Ian Brooks in pool inside-sales: not acknowledged after 16 min/);
    expect(steps[1]!.detail).toMatch(/^alerting Omar Haddad: Ian Brooks has not acknowledged/);
    expect(steps[2]!.detail).toMatch(/^from Ian Brooks to Service dispatch: not acknowledged/);
    // Nothing left to run: the chain is done (the alarm that stays is the lead's retention).
    await runDurableObjectAlarm(stub);
    expect((await leadView(id)).timeline.filter((e) => ['reassigned', 'escalated', 'moved_to_queue'].includes(e.type))).toHaveLength(3);

    // The new owner was notified, the manager alerted, the watchers told, the CRM kept current.
    const slack = (await capturedRequests('hooks.slack.com')).map((r) => JSON.parse(r.body).text as string);
    expect(slack).toHaveLength(4);
    expect(slack[1]).toContain('ack?rep=ian');
    expect(slack[2]).toMatch(/not been acknowledged by Ian Brooks/);
    expect(slack[3]).toMatch(/Service dispatch/);
    const owners = (await capturedRequests('northwind.my.salesforce.com')).map((r) => JSON.parse(r.body).OwnerId ?? null);
    expect(owners).toEqual([null, null, null]);
    const hooks = (await capturedRequests('crm-hook.example')).map((r) => JSON.parse(r.body).lead.owner.id);
    expect(hooks).toEqual(['tom', 'ian', 'service-dispatch']);
    // Load follows the lead: Tom's lead moved to Ian, then Ian's to the queue.
    const state = await exports.default
      .fetch('https://router.test/v1/admin/state', { headers: { Authorization: 'Bearer test-admin-token' } })
      .then((r) => r.json<{ load: Record<string, number> }>());
    expect(state.load.tom ?? 0).toBe(0);
    expect(state.load.ian ?? 0).toBe(0);
  });

  it('runs a step once when the alarm fires twice', async () => {
    const id = await newLead();
    const stub = leadObject(env, id);
    await ageLead(id, 16 * MINUTE);
    await runInDurableObject(stub, async (instance: LeadObject) => {
      await instance.alarm();
      await instance.alarm();
    });
    const view = await settled(id);
    expect(view.timeline.filter((e) => e.type === 'reassigned')).toHaveLength(1);
    expect(view.record.nextStep).toBe(1);
    expect((await capturedRequests('hooks.slack.com')).length).toBe(2);
  });

  it('stops when the owner acknowledges through the signed link', async () => {
    const id = await newLead();
    const url = await ackUrl('https://router.test', 'test-signing-secret', id, 'tom', Date.now());
    const page = await exports.default.fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Acknowledge');
    expect((await leadView(id)).record.acknowledged).toBeUndefined();

    const done = await exports.default.fetch(url, { method: 'POST' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Acknowledged');
    await ageLead(id, 2 * 3_600_000);
    await runDurableObjectAlarm(leadObject(env, id));
    const view = await leadView(id);
    expect(view.record.acknowledged?.by).toBe('tom');
    expect(view.record.owner.id).toBe('tom');
    expect(view.timeline.map((e) => e.type)).not.toContain('reassigned');
  });

  it("stops escalating a closed lead and releases the owner's load", async () => {
    const id = await newLead();
    const close = () =>
      exports.default.fetch(`https://router.test/v1/admin/leads/${id}/close`, {
        method: 'POST',
        headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ outcome: 'won', by: 'grace' }),
      });
    const stateOf = async () =>
      (
        await exports.default
          .fetch('https://router.test/v1/admin/state', { headers: { Authorization: 'Bearer test-admin-token' } })
          .then((r) => r.json<{ load: Record<string, number> }>())
      ).load;
    expect((await stateOf()).tom).toBe(1);
    expect((await close()).status).toBe(200);
    expect((await close()).status).toBe(200);
    expect((await stateOf()).tom ?? 0).toBe(0);
    await ageLead(id, 2 * 3_600_000);
    await runDurableObjectAlarm(leadObject(env, id));
    const view = await leadView(id);
    expect(view.record.closed).toMatchObject({ outcome: 'won', by: 'grace' });
    expect(view.timeline.filter((e) => e.type === 'closed')).toHaveLength(1);
    expect(view.record.owner.id).toBe('tom');
    const bad = await exports.default.fetch(`https://router.test/v1/admin/leads/${id}/close`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token' },
      body: '{}',
    });
    expect(bad.status).toBe(400);
  });

  it('refuses a forged or expired link with 403, and a stale owner with 409', async () => {
    const id = await newLead();
    const good = await ackUrl('https://router.test', 'test-signing-secret', id, 'tom', Date.now());
    const forged = good.replace('rep=tom', 'rep=ian');
    const otherKey = await ackUrl('https://router.test', 'another-secret', id, 'tom', Date.now());
    const expired = await ackUrl('https://router.test', 'test-signing-secret', id, 'tom', Date.now() - 8 * 24 * 3_600_000);
    for (const url of [forged, otherKey, `https://router.test/v1/leads/${id}/ack?rep=tom`]) {
      const res = await exports.default.fetch(url, { method: 'POST' });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('This link is not valid.');
    }
    const res = await exports.default.fetch(expired, { method: 'POST' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('expired');

    await ageLead(id, 16 * MINUTE);
    await runDurableObjectAlarm(leadObject(env, id));
    const stale = await exports.default.fetch(good, { method: 'POST' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Ian Brooks');
  });
});
