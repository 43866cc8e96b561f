/**
 * Load that reflects reality (issue 9, case 2): a rep's open-lead count drops when a lead is
 * closed, given an outcome (dashboard, admin API or CRM), reassigned, or left idle past the
 * config's `load.releaseAfter`; a half-done admission never leaves it raised for good.
 */
import { env, exports } from 'cloudflare:workers';
import { evictDurableObject, reset, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RoutingConfigInput } from '../../shared/config/schema.ts';
import { resetCapture } from './capture-client.ts';
import { ADMIN, accepted, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

const BASE = 'https://router.test';

/** A config where every contact lead goes to one pool of two reps with room for two open leads each. */
function smallTeam(extra: Partial<RoutingConfigInput> = {}): RoutingConfigInput {
  const config = alwaysOpenConfig();
  config.reps.ana!.capacity = 2;
  config.reps.ben!.capacity = 2;
  config.pools = { ...config.pools, pair: { name: 'Pair', strategy: 'round_robin', members: ['ana', 'ben'] } };
  // When both are full, the lead waits in the triage queue.
  config.routes = [{ id: 'pair', when: { formType: 'contact' }, to: { pool: 'pair' }, ifUnavailable: { queue: 'inbound-triage' } }, ...config.routes];
  return { ...config, ...extra };
}

let n = 0;
const contact = () => ({ firstName: 'Lee', email: `lee${++n}@brightpath.io`, message: 'A question about pricing' });

async function load(): Promise<Record<string, number>> {
  const res = await exports.default.fetch(`${BASE}/v1/admin/state`, { headers: ADMIN });
  return (await res.json<{ load: Record<string, number> }>()).load;
}

async function post(path: string, body: unknown): Promise<Response> {
  return exports.default.fetch(`${BASE}${path}`, { method: 'POST', headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

beforeEach(async () => {
  await reset();
  await resetCapture();
});

describe('open leads', () => {
  it('come back to a rep at capacity when a lead is won, lost or closed, so the next lead goes to a rep, not the fallback', async () => {
    expect((await publish(smallTeam())).status).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await accepted(contact(), { formType: 'contact' })).leadId);
    expect(await load()).toMatchObject({ ana: 2, ben: 2 });
    const fifth = await accepted(contact(), { formType: 'contact' });
    expect((await leadView(fifth.leadId)).record.owner).toMatchObject({ kind: 'queue', id: 'inbound-triage' });

    // An outcome from the CRM (or the dashboard) ends the lead's claim on its owner's capacity.
    const owner = (await leadView(ids[0]!)).record.owner.id;
    expect((await post(`/v1/admin/leads/${ids[0]}/outcome`, { stage: 'won', by: 'crm' })).status).toBe(200);
    expect((await load())[owner]).toBe(1);
    // Twice changes nothing more.
    expect((await post(`/v1/admin/leads/${ids[0]}/outcome`, { stage: 'won', by: 'crm' })).status).toBe(200);
    expect((await load())[owner]).toBe(1);
    const sixth = await accepted(contact(), { formType: 'contact' });
    expect((await leadView(sixth.leadId)).record.owner).toMatchObject({ kind: 'rep', id: owner });

    const other = (await leadView(ids[1]!)).record.owner.id;
    expect((await post(`/v1/admin/leads/${ids[1]}/outcome`, { stage: 'lost', by: 'crm' })).status).toBe(200);
    expect((await load())[other]).toBe(1);
  });

  it("stop counting after the config's idle time", async () => {
    expect((await publish(smallTeam({ load: { releaseAfter: '2d' } }))).status).toBe(200);
    for (let i = 0; i < 4; i++) await accepted(contact(), { formType: 'contact' });
    expect(await load()).toMatchObject({ ana: 2, ben: 2 });
    // Three days pass: every lead's assignment is older than releaseAfter.
    const router = env.ROUTER.getByName('global');
    await runInDurableObject(router, (_instance, state) => {
      state.storage.sql.exec('UPDATE open_leads SET since = since - ?', 3 * 86_400_000).toArray();
    });
    await evictDurableObject(router);
    expect(await load()).toEqual({});
    const next = await accepted(contact(), { formType: 'contact' });
    expect((await leadView(next.leadId)).record.owner.kind).toBe('rep');
  });

  it('are released when escalation moves a lead to another rep or a queue', async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    const { leadId } = await accepted({ firstName: 'Jamie', phone: '(415) 555-2671', postalCode: '94107' }, { formType: 'urgent_service' });
    await settled(leadId);
    expect(await load()).toMatchObject({ tom: 1 });
    const { ageLead } = await import('./helpers.ts');
    await ageLead(leadId, 16 * 60_000);
    const { leadObject } = await import('../../worker/lead/lead-id.ts');
    expect(await runDurableObjectAlarm(leadObject(env, leadId))).toBe(true);
    const after = await load();
    expect(after.tom ?? 0).toBe(0);
    expect(after.ian).toBe(1);
  });

  it('never stays raised by an admission that stopped after routing: the lead is finished from its own record of the admission', async () => {
    expect((await publish(smallTeam())).status).toBe(200);
    const { leadId } = await accepted(contact(), { formType: 'contact' });
    const total = (l: Record<string, number>) => Object.values(l).reduce((a, b) => a + b, 0);
    expect(total(await load())).toBe(1);
    // Every open count is backed by a lead that exists and is open.
    const open = await exports.default.fetch(`${BASE}/v1/admin/state`, { headers: ADMIN }).then((r) => r.json<{ open?: { leadId: string; rep: string }[] }>());
    expect(open.open?.map((o) => o.leadId)).toEqual([leadId]);
  });
});
