/**
 * One object per identity: it admits the person's submissions and keeps their leads, whose ids
 * find it again; a later lead (after the dedupe window) is a new lead in the same object.
 */
import { env, exports } from 'cloudflare:workers';
import { evictDurableObject, reset, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { ackUrl } from '../../worker/lead/ack-link.ts';
import type { IdentityState } from '../../worker/lead/admission.ts';
import { homeTag, identityObject, leadHome, leadObject } from '../../worker/lead/lead-id.ts';
import { LeadStore } from '../../worker/lead/store.ts';
import { resetCapture } from './capture-client.ts';
import { accepted, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

const demo = {
  firstName: 'Sam',
  lastName: 'Ortiz',
  email: 'sam@fieldline.io',
  company: 'Fieldline',
  employees: '120',
  country: 'US',
  region: 'NY',
  phone: '+1 212 555 0199',
};
const home = () => homeTag(env, 'email:sam@fieldline.io');

beforeEach(async () => {
  await reset();
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

/** Moves the identity's dedupe window into the past, as if the lead were older than the window. */
async function expireWindow(): Promise<void> {
  for (const key of ['email:sam@fieldline.io', 'phone:+12125550199']) {
    const stub = identityObject(env, homeTag(env, key));
    await runInDurableObject(stub, async (_instance, state) => {
      const store = new LeadStore(state.storage.sql);
      const identity = store.loadIdentity<IdentityState>();
      if (identity?.current) store.saveIdentity({ ...identity, current: { ...identity.current, until: Date.now() - 1 } });
    });
    await evictDurableObject(stub);
  }
}

describe('the identity object', () => {
  it('keeps the first lead itself, under an id that finds it and carries nothing of the person', async () => {
    const { leadId } = await accepted(demo, { formType: 'demo_request' });
    expect(leadHome(leadId)).toBe(home());
    expect(leadId).not.toMatch(/sam|fieldline|555/);
    expect(leadObject(env, leadId).id.equals(identityObject(env, home()).id)).toBe(true);
    const view = await settled(leadId);
    expect(view.record).toMatchObject({ id: leadId, owner: { id: 'dana' } });
    expect(view.outbox.every((e) => e.status === 'delivered')).toBe(true);
  });

  it('keeps a later lead, after the dedupe window, in the same object under an id of its own; both stay readable and acknowledgeable', async () => {
    const first = await accepted(demo, { formType: 'demo_request' });
    await settled(first.leadId);
    await expireWindow();
    const second = await accepted(demo, { formType: 'demo_request' });
    expect(second.leadId).not.toBe(first.leadId);
    expect(leadHome(second.leadId)).toBe(home());
    const [a, b] = [await settled(first.leadId), await settled(second.leadId)];
    expect(a.record.id).toBe(first.leadId);
    expect(b.record.id).toBe(second.leadId);
    expect(b.outbox.every((e) => e.status === 'delivered')).toBe(true);

    // The next submission joins the newer lead.
    const third = await accepted(demo, { formType: 'demo_request' });
    expect(third).toMatchObject({ leadId: second.leadId });
    expect((await leadView(second.leadId)).record.duplicates).toBe(1);
    expect((await leadView(first.leadId)).record.duplicates).toBe(0);

    for (const id of [first.leadId, second.leadId]) {
      const owner = (await leadView(id)).record.owner.id;
      const url = await ackUrl('https://router.test', 'test-signing-secret', id, owner, Date.now());
      const res = await exports.default.fetch(url, { method: 'POST' });
      expect(res.status).toBe(200);
      expect((await leadView(id)).record.acknowledged?.by).toBe(owner);
    }
  });

  it('keeps a submission under another email but the same phone apart: another person', async () => {
    const first = await accepted(demo, { formType: 'demo_request' });
    const second = await accepted({ ...demo, firstName: 'Alex', email: 'alex@fieldline.io' }, { formType: 'demo_request' });
    expect(second.leadId).not.toBe(first.leadId);
    expect((await leadView(first.leadId)).record.duplicates).toBe(0);
  });

  it('answers a retried Idempotency-Key with the first answer after the object restarts', async () => {
    const first = await accepted(demo, { formType: 'demo_request', idempotencyKey: 'retry-after-restart' });
    await settled(first.leadId);
    await evictDurableObject(identityObject(env, home()));
    const again = await accepted(demo, { formType: 'demo_request', idempotencyKey: 'retry-after-restart' });
    expect(again).toEqual(first);
    expect((await leadView(first.leadId)).record.duplicates).toBe(0);
  });
});
