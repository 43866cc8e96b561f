/**
 * One object per identity: it admits the person's submissions and keeps their first lead, whose
 * id finds it again; a later lead gets an object of its own; dedupe still works across keys.
 */
import { env, exports } from 'cloudflare:workers';
import { evictDurableObject, reset, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { ackUrl } from '../../worker/lead/ack-link.ts';
import { homeTag, identityObject, leadHome, leadObject } from '../../worker/lead/lead-id.ts';
import { resetCapture } from './capture-client.ts';
import { accepted, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

const demo = { firstName: 'Sam', lastName: 'Ortiz', email: 'sam@fieldline.io', company: 'Fieldline', employees: '120', country: 'US', region: 'NY', phone: '+1 212 555 0199' };
const home = () => homeTag(env, 'email:sam@fieldline.io');

beforeEach(async () => {
  await reset();
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

/** Moves the identity's dedupe window into the past, as if the lead were older than the window. */
async function expireWindow(): Promise<void> {
  const stub = identityObject(env, home());
  await runInDurableObject(stub, async (_instance, state) => {
    const current = (await state.storage.get<{ leadId: string; until: number }>('lead'))!;
    await state.storage.put('lead', { ...current, until: Date.now() - 1 });
  });
  await evictDurableObject(stub);
  // The KV index entries expire with the window too.
  await env.LEADS_KV.delete('identity:phone:+12125550199');
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

  it('gives a later lead an object of its own; both stay readable and acknowledgeable by id', async () => {
    const first = await accepted(demo, { formType: 'demo_request' });
    await settled(first.leadId);
    await expireWindow();
    const second = await accepted(demo, { formType: 'demo_request' });
    expect(second.duplicate).toBe(false);
    expect(second.leadId).not.toBe(first.leadId);
    expect(leadHome(second.leadId)).toBeUndefined();
    const [a, b] = [await settled(first.leadId), await settled(second.leadId)];
    expect(a.record.id).toBe(first.leadId);
    expect(b.record.id).toBe(second.leadId);
    expect(b.outbox.every((e) => e.status === 'delivered')).toBe(true);

    // The next submission joins the newer lead, in its own object.
    const third = await accepted(demo, { formType: 'demo_request' });
    expect(third).toMatchObject({ leadId: second.leadId, duplicate: true });
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

  it('joins a submission under another email but the same phone to the first lead, in the first identity\'s object', async () => {
    const first = await accepted(demo, { formType: 'demo_request' });
    const second = await accepted({ ...demo, email: 'sam@ortiz-advisory.com' }, { formType: 'demo_request' });
    expect(second).toMatchObject({ leadId: first.leadId, duplicate: true, owner: first.owner });
    const view = await leadView(first.leadId);
    expect(view.record.duplicates).toBe(1);
    expect(view.timeline.filter((e) => e.type === 'duplicate')).toHaveLength(1);
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
