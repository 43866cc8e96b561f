/**
 * The routing audit API inside workerd: leads submitted through intake feed the metrics store
 * (SQLite Durable Object) through their objects' alarms; figures, drill-down, search,
 * misroute reports, outcomes, config versions and replay answer from it.
 */
import { env, exports } from 'cloudflare:workers';
import { reset, runDurableObjectAlarm } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { bucketOf, quantile } from '../../shared/metrics/histogram.ts';
import type { LeadFacts, MetricsReport } from '../../shared/metrics/types.ts';
import { ackUrl } from '../../worker/lead/ack-link.ts';
import { leadObject } from '../../worker/lead/lead-id.ts';
import { resetCapture } from './capture-client.ts';
import { ADMIN, accepted, alwaysOpenConfig, leadView, publish, settled, waitFor } from './helpers.ts';

const BASE = 'https://router.test';

beforeEach(async () => {
  await reset();
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

function get(path: string, headers: Record<string, string> = ADMIN): Promise<Response> {
  return exports.default.fetch(`${BASE}/v1/admin${path}`, { headers });
}

function post(path: string, body: unknown): Promise<Response> {
  return exports.default.fetch(`${BASE}/v1/admin${path}`, {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function report(): Promise<MetricsReport> {
  const res = await get('/metrics');
  expect(res.status).toBe(200);
  return res.json<MetricsReport>();
}

/** Waits until the metrics store has seen `n` leads, with every side effect settled. */
async function counted(n: number, also: (r: MetricsReport) => boolean = () => true): Promise<MetricsReport> {
  return waitFor(
    async () => {
      const r = await report();
      return r.total.counters.leads === n && also(r) ? r : undefined;
    },
    5_000,
    `${n} leads in the metrics`,
  );
}

const contact = (name: string, extra: Record<string, string> = {}) => ({
  firstName: name,
  lastName: 'Lee',
  email: `${name.toLowerCase()}@acme-${name.toLowerCase()}.com`,
  company: `Acme ${name}`,
  country: 'US',
  message: 'We would like a demo for our team',
  ...extra,
});

async function lead(name: string, extra: Record<string, string> = {}): Promise<string> {
  const { leadId } = await accepted(contact(name, extra), { formType: 'contact' });
  await settled(leadId);
  return leadId;
}

describe('metrics from real leads', () => {
  it('counts leads, confirmations, notices and responses, and lists the leads behind a number', async () => {
    const a = await lead('Avery');
    const b = await lead('Blake', { phone: '(415) 555-2671' });
    let r = await counted(2, (x) => x.total.counters.notified === 2);
    expect(r.total.counters).toMatchObject({ leads: 2, routed: 2, confirmed: 2, notified: 2, responded: 0, unanswered: 2 });
    // Unanswered, but well within the SLA: nothing is overdue yet.
    expect(r.total.counters.overdue).toBe(0);
    expect(r.total.counters.open).toBe(2);
    expect(r.total.speed.confirm.count).toBe(2);
    expect(r.days.map((d) => d.day)).toEqual([new Date().toISOString().slice(0, 10)]);
    expect(r.by.form.map((k) => k.key)).toEqual(['contact']);

    // The owner acknowledges through the signed link: a response within the SLA.
    const view = await leadView(a);
    const owner = view.record.owner.id;
    const link = await ackUrl(BASE, 'test-signing-secret', a, owner, Date.now());
    expect((await exports.default.fetch(link, { method: 'POST' })).status).toBe(200);
    r = await counted(2, (x) => x.total.counters.responded === 1);
    expect(r.total.counters.in_sla).toBe(1);
    expect(r.total.slaCompliance).toBe(1);

    const responded = await (await get('/leads?is=responded')).json<{ leads: LeadFacts[] }>();
    expect(responded.leads.map((l) => l.id)).toEqual([a]);
    const byRep = await (await get(`/leads?dim=rep&key=rep:${owner}`)).json<{ leads: LeadFacts[] }>();
    expect(byRep.leads.map((l) => l.id)).toContain(a);

    // Search: id, email, phone digits, company prefix.
    const search = async (q: string) => (await (await get(`/leads?q=${encodeURIComponent(q)}`)).json<{ leads: LeadFacts[] }>()).leads.map((l) => l.id);
    expect(await search(a)).toEqual([a]);
    expect(await search('Blake@Acme-Blake.com')).toEqual([b]);
    expect(await search('415 555 2671')).toEqual([b]);
    expect(await search('acme av')).toEqual([a]);
  });

  it('gives each day and the period the same quantiles as the shared histogram code', async () => {
    for (const name of ['Ira', 'Jo', 'Kim']) await lead(name);
    const r = await counted(3, (x) => x.total.counters.notified === 3);
    const { leads } = await (await get('/leads?is=leads')).json<{ leads: LeadFacts[] }>();
    for (const [stage, at] of [
      ['confirm', 'confirmedAt'],
      ['notify', 'notifiedAt'],
    ] as const) {
      const histogram: Record<number, number> = {};
      for (const l of leads) {
        const bucket = bucketOf(l[at]! - l.receivedAt);
        histogram[bucket] = (histogram[bucket] ?? 0) + 1;
      }
      const expected = { count: 3, p50: quantile(histogram, 0.5), p90: quantile(histogram, 0.9) };
      expect(r.days[0]!.figures.speed[stage]).toEqual(expected);
      expect(r.total.speed[stage]).toEqual(expected);
    }
  });

  it('counts a lead past its SLA with no response as unclaimed, and lists it', async () => {
    const config = alwaysOpenConfig();
    config.formTypes.contact!.sla = '1s';
    expect((await publish(config)).status).toBe(200);
    const id = await lead('Harper');
    await counted(1, (x) => x.total.counters.notified === 1);
    // Past the one-second SLA, nobody has answered.
    await new Promise((r) => setTimeout(r, 1_100));
    const r = await report();
    expect(r.total.counters.overdue).toBe(1);
    expect(r.total.slaCompliance).toBe(0);
    expect(r.days[0]!.figures.counters.overdue).toBe(1);
    const list = await (await get('/leads?is=overdue')).json<{ leads: LeadFacts[] }>();
    expect(list.leads.map((l) => l.id)).toEqual([id]);
  });

  it('counts a lead once however often its alarm fires', async () => {
    const id = await lead('Casey');
    await counted(1, (x) => x.total.counters.notified === 1);
    await runDurableObjectAlarm(leadObject(env, id));
    await runDurableObjectAlarm(leadObject(env, id));
    const r = await report();
    expect(r.total.counters.leads).toBe(1);
    expect(r.total.counters.confirmed).toBe(1);
  });

  it('refuses bad filters by name, and callers without the token', async () => {
    expect((await get('/metrics', {})).status).toBe(401);
    expect((await get('/leads?is=x', {})).status).toBe(401);
    const bad = await get('/leads?is=nonsense');
    expect(bad.status).toBe(400);
    expect((await bad.json<{ issues: { field: string }[] }>()).issues[0]!.field).toBe('is');
    const day = await get('/metrics?from=yesterday');
    expect(day.status).toBe(400);
    expect(await day.text()).toContain('from must be a day');
  });
});

describe('figures that agree (issue 9, case 10)', () => {
  it('SLA compliance counts the unclaimed, its drill-down lists them, and every owner adds up', async () => {
    const config = alwaysOpenConfig();
    config.formTypes.contact!.sla = '3s';
    expect((await publish(config)).status).toBe(200);
    // One lead is acknowledged at once; nobody answers the other four.
    const ids = [await lead('Ada')];
    const first = await leadView(ids[0]!);
    expect(
      (await exports.default.fetch(await ackUrl(BASE, 'test-signing-secret', ids[0]!, first.record.owner.id, Date.now()), { method: 'POST' })).status,
    ).toBe(200);
    for (const name of ['Bo', 'Cy', 'Di', 'Ed']) ids.push(await lead(name));
    const last = Date.now();
    await counted(5, (x) => x.total.counters.responded === 1);
    await new Promise((r) => setTimeout(r, Math.max(0, last + 3_100 - Date.now())));
    const r = await report();
    expect(r.total.counters).toMatchObject({ routed: 5, in_sla: 1, late: 0, open: 0, overdue: 4, missed: 4 });
    expect(r.total.slaCompliance).toBe(0.2);
    // The SLA tile's drill-down: the four leads that count against it, as of the report.
    const missed = await (await get(`/leads?is=missed&asOf=${r.asOf}`)).json<{ leads: LeadFacts[]; total: number }>();
    expect(missed.total).toBe(4);
    expect(missed.leads.map((l) => l.id).sort()).toEqual(ids.slice(1).sort());
    for (const { key, figures } of r.by.rep) {
      const c = figures.counters;
      expect(c.in_sla + c.late + c.open + c.overdue).toBe(c.routed);
      expect(figures.slaCompliance).toBe(c.in_sla + c.late + c.overdue > 0 ? c.in_sla / (c.in_sla + c.late + c.overdue) : null);
      const list = await (await get(`/leads?dim=rep&key=${encodeURIComponent(key)}&is=missed&asOf=${r.asOf}`)).json<{ leads: LeadFacts[] }>();
      expect(list.leads.length).toBe(c.missed);
    }
  }, 20_000);
});

describe('misroutes and outcomes', () => {
  it('an admin marks a lead misrouted: first-pass accuracy drops and the review list shows it', async () => {
    const id = await lead('Devon');
    await counted(1, (x) => x.total.counters.notified === 1);
    const unknown = await post(`/leads/${id}/misroute`, { to: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('to must name a rep or a queue');
    const res = await post(`/leads/${id}/misroute`, { to: 'dana', note: 'Existing customer of Dana' });
    expect(res.status).toBe(200);
    expect((await leadView(id)).timeline.at(-1)).toMatchObject({ type: 'misrouted' });
    const r = await counted(1, (x) => x.total.counters.misrouted === 1);
    expect(r.total.firstPassAccuracy).toBe(0);
    const list = await (await get('/leads?is=misrouted')).json<{ leads: LeadFacts[] }>();
    expect(list.leads).toMatchObject([{ id, misroutedTo: 'rep:dana' }]);
  });

  it('a rep reports a misroute from the signed link; a forged link is refused', async () => {
    const id = await lead('Emery');
    const owner = (await leadView(id)).record.owner.id;
    const link = (await ackUrl(BASE, 'test-signing-secret', id, owner, Date.now())).replace('/ack?', '/misroute?');
    const form = new URLSearchParams({ to: 'queue:inbound-triage', note: 'Not a sales lead' });
    const forged = await exports.default.fetch(link.replace(/sig=[^&]+/, 'sig=forged'), { method: 'POST', body: form });
    expect(forged.status).toBe(403);
    const ok = await exports.default.fetch(link, { method: 'POST', body: form });
    expect(ok.status).toBe(200);
    expect((await leadView(id)).record.misrouted).toMatchObject({ to: 'queue:inbound-triage', by: owner, note: 'Not a sales lead' });
    // The ack page offers the form.
    const page = await exports.default.fetch(await ackUrl(BASE, 'test-signing-secret', id, owner, Date.now()));
    expect(await page.text()).toContain('Report a misroute');
  });

  it('the CRM posts outcomes: acceptance and conversion become real figures', async () => {
    const won = await lead('Finley');
    const lost = await lead('Gray');
    expect((await post(`/leads/${won}/outcome`, { stage: 'maybe' })).status).toBe(400);
    expect((await post(`/leads/${won}/outcome`, { stage: 'won' })).status).toBe(200);
    expect((await post(`/leads/${lost}/outcome`, { stage: 'lost' })).status).toBe(200);
    expect((await post('/leads/ld_missing/outcome', { stage: 'won' })).status).toBe(404);
    const r = await counted(2, (x) => x.total.counters.won === 1 && x.total.counters.lost === 1);
    expect(r.total.acceptanceRate).toBe(0.5);
    expect(r.total.conversionRate).toBe(0.5);
    const route = r.by.route.find((k) => k.figures.counters.won === 1);
    expect(route).toBeDefined();
  });

  it('closing a lead as won counts as its stage', async () => {
    const id = await lead('Hollis');
    const res = await post(`/leads/${id}/close`, { outcome: 'won', by: 'hubspot' });
    expect(res.status).toBe(200);
    const r = await counted(1, (x) => x.total.counters.won === 1);
    expect(r.total.counters.responded).toBe(1);
    expect((await leadView(id)).record.stage).toMatchObject({ stage: 'won', by: 'hubspot' });
  });
});

describe('config versions and replay', () => {
  it('lists versions and restores an earlier one as a new version', async () => {
    const config = alwaysOpenConfig();
    config.brand = { name: 'Second' };
    expect((await publish(config)).status).toBe(200);
    const list = await (await get('/config/versions')).json<{ current: number; versions: { version: number; note?: string }[] }>();
    expect(list.current).toBe(2);
    expect(list.versions.map((v) => v.version)).toEqual([2, 1, 0]);
    const restored = await post('/config/versions/1/restore', {});
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ version: 3, restored: 1 });
    const current = await (await get('/config')).json<{ version: number; config: { brand?: { name: string } } }>();
    expect(current.version).toBe(3);
    expect(current.config.brand?.name).not.toBe('Second');
    expect((await post('/config/versions/99/restore', {})).status).toBe(404);
  });

  it('replays recent real leads: moving Spain to LATAM changes exactly the Spanish leads', async () => {
    const ids: Record<string, string> = {};
    for (const [name, country] of [
      ['Hana', 'ES'],
      ['Ivo', 'DE'],
      ['Jon', 'GB'],
      ['Kai', 'ES'],
      ['Lu', 'MX'],
    ] as const) {
      ids[name] = await lead(name, { country });
    }
    await counted(5);
    const proposed = alwaysOpenConfig();
    const territories = proposed.territories as Record<string, { country: string[] }>;
    territories.emea!.country = territories.emea!.country.filter((c) => c !== 'ES');
    territories.latam!.country.push('ES');
    const res = await post('/replay', { config: proposed, limit: 100 });
    expect(res.status).toBe(200);
    const diff = await res.json<{ leads: number; changed: { id: string; before: { route: string }; after: { route: string } }[] }>();
    expect(diff.leads).toBe(5);
    expect(diff.changed.map((c) => c.id).toSorted((a, b) => a.localeCompare(b))).toEqual([ids.Hana!, ids.Kai!].toSorted((a, b) => a.localeCompare(b)));
    expect(diff.changed.every((c) => c.before.route === 'emea' && c.after.route === 'latam')).toBe(true);

    const invalid = await post('/replay', { config: { routes: 'nope' } });
    expect(invalid.status).toBe(400);
    expect((await invalid.json<{ error: string }>()).error).toBe('invalid_config');
  });
});
