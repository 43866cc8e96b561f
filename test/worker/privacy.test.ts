/**
 * Retention and erasure (issue 10, Deliver 3): a person's request to be forgotten erases them
 * from every store this product keeps them in, and says what it erased; an export returns
 * everything kept; a lead past the config's retention is deleted by its object's alarm, and the
 * object with it, leaving only anonymous facts in the audit.
 */
import { env, exports } from 'cloudflare:workers';
import { evictDurableObject, reset, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IdentityState } from '../../worker/lead/admission.ts';
import { ackUrl } from '../../worker/lead/ack-link.ts';
import { homeTag, identityObject, leadObject } from '../../worker/lead/lead-id.ts';
import { LeadStore } from '../../worker/lead/store.ts';
import { metricsStore } from '../../worker/metrics/store.ts';
import { resetCapture } from './capture-client.ts';
import { ADMIN, accepted, ageLead, alwaysOpenConfig, publish, settled, waitFor } from './helpers.ts';

const BASE = 'https://router.test';
const DAY = 86_400_000;
const riley = {
  firstName: 'Riley',
  lastName: 'Chen',
  email: 'Riley.Chen+demo@BrightPath.io',
  phone: '+1 212 555 0142',
  company: 'BrightPath',
  message: 'Pricing for 40 seats?',
};
const other = { firstName: 'Ola', email: 'ola@fieldline.io', message: 'Pricing?' };

const people = (query: string, method = 'GET') => exports.default.fetch(`${BASE}/v1/admin/people?${query}`, { method, headers: ADMIN });

beforeEach(async () => {
  await reset();
  await resetCapture();
});

/** True when the object of this key keeps nothing at all. */
async function emptyObject(key: string): Promise<boolean> {
  return runInDurableObject(identityObject(env, homeTag(env, key)), async (_instance, state) => {
    const tables = state.storage.sql
      .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('leads', 'timeline', 'identity')")
      .toArray();
    const rows = tables.reduce((n, t) => n + state.storage.sql.exec<{ n: number }>(`SELECT count(*) AS n FROM ${t.name}`).one().n, 0);
    return rows === 0 && (await state.storage.getAlarm()) === null;
  });
}

/** Everything the audit and search hold about an email, as JSON text. */
async function auditText(ids: string[]): Promise<string> {
  const search = await exports.default
    .fetch(`${BASE}/v1/admin/leads?q=${encodeURIComponent('riley.chen@brightpath.io')}`, { headers: ADMIN })
    .then((r) => r.json());
  return JSON.stringify([search, await metricsStore(env).personal(ids)]);
}

describe('a person who asks to be forgotten', () => {
  it('is erased from every store, and told what was erased; someone else is untouched', async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    const first = await accepted(riley, { formType: 'contact' });
    // A phone-only submission joins the same lead; a demo request is a return.
    await accepted({ firstName: 'Riley', phone: riley.phone, postalCode: '10001' }, { formType: 'urgent_service' });
    const kept = await accepted(other, { formType: 'contact' });
    await settled(first.leadId);
    await settled(kept.leadId);
    // The audit has the lead's facts (sent after delivery).
    await waitFor(async () => (await auditText([first.leadId])).includes('brightpath'), 5_000, 'the audit to hold the lead');
    await env.DEV_OUTBOX.getByName('dev').record({
      channel: 'email',
      method: 'POST',
      url: 'https://dev',
      headers: {},
      body: 'to riley',
      at: Date.now(),
      leadId: first.leadId,
      summary: 'confirmation email to the lead',
    } as never);

    const exported = await people('email=riley.chen%40brightpath.io').then((r) =>
      r.json<{ leads: { record: { id: string } }[]; audit: unknown[]; devOutbox: unknown[] }>(),
    );
    expect(exported.leads.map((l) => l.record.id)).toEqual([first.leadId]);
    expect(exported.audit).toHaveLength(1);
    expect(exported.devOutbox).toHaveLength(1);

    const res = await people('email=riley.chen%2Bdemo%40brightpath.io&phone=%2B12125550142', 'DELETE');
    expect(res.status).toBe(200);
    const { erased } = await res.json<{ erased: { leads: string[]; auditCopies: number; devOutboxMessages: number } }>();
    expect(erased).toMatchObject({ leads: [first.leadId], auditCopies: 1, devOutboxMessages: 1 });

    // No trace: the lead, both keys' objects, the audit's copies and search, the routing state, the dev outbox.
    expect((await exports.default.fetch(`${BASE}/v1/admin/leads/${first.leadId}`, { headers: ADMIN })).status).toBe(404);
    expect(await emptyObject('email:riley.chen@brightpath.io')).toBe(true);
    expect(await emptyObject('phone:+12125550142')).toBe(true);
    const audit = await auditText([first.leadId]);
    for (const trace of ['riley', 'brightpath', '2125550142', 'Chen']) expect(audit.toLowerCase()).not.toContain(trace.toLowerCase());
    const state = await env.ROUTER.getByName('global').snapshot();
    expect(state.open.map((o) => o.leadId)).not.toContain(first.leadId);
    expect(await env.DEV_OUTBOX.getByName('dev').list(100, first.leadId)).toEqual([]);
    expect((await env.LEADS_KV.list({ prefix: 'identity:' })).keys).toEqual([]);
    // The other person is untouched, and the figures still count the erased lead, anonymously.
    expect((await exports.default.fetch(`${BASE}/v1/admin/leads/${kept.leadId}`, { headers: ADMIN })).status).toBe(200);
    expect(await metricsStore(env).personal([first.leadId])).toEqual([expect.objectContaining({ lead: null })]);
  });

  it('refuses a request that names nobody, or a malformed email or phone, with 400', async () => {
    for (const query of ['', 'email=not-an-email', 'phone=12']) {
      const res = await people(query, 'DELETE');
      expect(res.status, query).toBe(400);
    }
  });
});

describe('retention', () => {
  it("deletes a lead past the config's retention by its own alarm, and the object with it; the audit keeps anonymous facts", async () => {
    const config = { ...alwaysOpenConfig(), retention: '30d' };
    expect((await publish(config)).status).toBe(200);
    const { leadId } = await accepted(riley, { formType: 'contact' });
    const { record } = await settled(leadId);
    // Acknowledged: no escalation comes due when time moves on.
    expect((await exports.default.fetch(await ackUrl(BASE, 'test-signing-secret', leadId, record.owner.id, Date.now()), { method: 'POST' })).status).toBe(200);
    // The audit has the acknowledged lead (its snapshot goes after the acknowledgement).
    await waitFor(
      async () => (await metricsStore(env).personal([leadId]))[0]?.facts.respondedAt !== undefined,
      5_000,
      'the audit to hold the acknowledged lead',
    );
    // 31 days pass: the lead and its key's mapping (30-day dedupe window) are both past.
    await ageLead(leadId, 31 * DAY);
    const home = identityObject(env, homeTag(env, 'email:riley.chen@brightpath.io'));
    await runInDurableObject(home, (_instance, state) => {
      const store = new LeadStore(state.storage.sql);
      const identity = store.loadIdentity<IdentityState>()!;
      store.saveIdentity({ ...identity, current: { ...identity.current!, until: Date.now() - DAY } });
    });
    await evictDurableObject(home);
    expect(await runDurableObjectAlarm(leadObject(env, leadId))).toBe(true);
    expect((await exports.default.fetch(`${BASE}/v1/admin/leads/${leadId}`, { headers: ADMIN })).status).toBe(404);
    expect(await emptyObject('email:riley.chen@brightpath.io')).toBe(true);
    const [kept] = await metricsStore(env).personal([leadId]);
    expect(kept).toMatchObject({ facts: { id: leadId, route: expect.any(String) }, lead: null });
    expect(JSON.stringify(kept)).not.toMatch(/riley|brightpath/i);
  });

  it('keeps a lead with recent activity', async () => {
    expect((await publish({ ...alwaysOpenConfig(), retention: '30d' })).status).toBe(200);
    const { leadId } = await accepted(riley, { formType: 'contact' });
    await settled(leadId);
    await ageLead(leadId, 20 * DAY);
    await runDurableObjectAlarm(leadObject(env, leadId));
    expect((await exports.default.fetch(`${BASE}/v1/admin/leads/${leadId}`, { headers: ADMIN })).status).toBe(200);
  });
});
