/**
 * Alerts when routing breaks, inside workerd: each situation is generated in the real metrics
 * store (lead facts through its ingest path) or the real routing state (leads through intake),
 * the alerts run as the cron runs them, and what goes out is read at the capture worker where
 * Slack's webhook and Resend's API are (test/worker/capture-worker.js). Each alert fires once,
 * stays quiet in its quiet period, and fires again after it while the problem lasts.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, reset, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RoutingConfigInput } from '../../shared/config/schema.ts';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import router from '../../worker/index.ts';
import { runAlerts } from '../../worker/alerts/run.ts';
import { metricsStore } from '../../worker/metrics/store.ts';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { accepted, alwaysOpenConfig, publish, settled } from './helpers.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const QUIET = 4 * 60 * MIN;
let now: number;
let seq = 0;

/** Lead facts as a lead object would send them; override what the situation is about. */
function facts(overrides: Partial<LeadFacts>): LeadFacts {
  const receivedAt = overrides.receivedAt ?? now - 30 * MIN;
  return {
    id: `L${++seq}`,
    rev: 1,
    receivedAt,
    formType: 'contact',
    source: 'direct',
    status: 'ok',
    route: 'round-robin',
    pool: 'sdr',
    firstOwner: 'rep:ana',
    owner: 'rep:ana',
    configVersion: 1,
    dueAt: receivedAt + 4 * 60 * MIN,
    confirmedAt: receivedAt + 1_000,
    notifiedAt: receivedAt + 1_000,
    respondedAt: receivedAt + 5 * MIN,
    reassignments: 0,
    escalated: false,
    duplicates: 0,
    deadLetters: 0,
    ...overrides,
  };
}

async function ingest(...list: LeadFacts[]): Promise<void> {
  await metricsStore(env).ingest(list.map((f) => ({ facts: f })));
}

/** A quiet fortnight: two leads a day through ordinary rules, from 15 to 2 days ago. */
async function ordinaryHistory(): Promise<void> {
  const list: LeadFacts[] = [];
  for (let d = 2; d <= 15; d++) for (const route of ['emea', 'smb']) list.push(facts({ receivedAt: now - d * DAY, route }));
  await ingest(...list);
}

/** The alerts that reached Slack and Resend since the last reset. */
async function delivered(): Promise<{ slack: string[]; email: { to: string; subject: string }[] }> {
  // Lead notices go to the same hosts: only the alerts are kept.
  const slack = (await capturedRequests('hooks.slack.com'))
    .map((r) => (JSON.parse(r.body) as { text: string }).text)
    .filter((t) => t.startsWith(':rotating_light:'));
  const email = (await capturedRequests('api.resend.com'))
    .map((r) => JSON.parse(r.body) as { to: string | string[]; subject: string })
    .filter((m) => m.subject.startsWith('Routing alert'))
    .map((m) => ({ to: [m.to].flat()[0]!, subject: m.subject }));
  return { slack, email };
}

/** Runs the alerts at `at` and returns the keys sent. */
async function run(at = now): Promise<string[]> {
  return (await runAlerts(env, at)).map((a) => a.key);
}

function config(edit: (c: RoutingConfigInput) => void = () => undefined): RoutingConfigInput {
  const c = alwaysOpenConfig();
  c.alerts = { notify: ['grace'] };
  edit(c);
  return c;
}

beforeEach(async () => {
  await reset();
  await resetCapture();
  now = Date.now();
  expect((await publish(config())).status).toBe(200);
});

describe('alerts when routing breaks', () => {
  it('a fallback share far above its norm: once to Slack and by email, with a link to the leads, then quiet', async () => {
    await ordinaryHistory();
    await ingest(
      ...Array.from({ length: 8 }, (_, i) => facts({ route: i < 5 ? '$fallback' : 'smb', firstOwner: 'queue:inbound-triage', owner: 'queue:inbound-triage' })),
    );
    expect(await run()).toEqual(['share:fallback']);
    const { slack, email } = await delivered();
    expect(slack).toHaveLength(1);
    expect(slack[0]).toContain('63 % of leads taken by no rule (fallback)');
    expect(slack[0]).toMatch(/<https:\/\/router\.test\/dashboard\/#\/leads\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&dim=route&key=\$fallback\|Open the leads>/);
    expect(email).toEqual([{ to: 'grace@northwind.example', subject: 'Routing alert: 63 % of leads taken by no rule (fallback)' }]);
    // Quiet within its quiet period, back after it while the share stays high.
    expect(await run(now + 10 * MIN)).toEqual([]);
    expect(await run(now + QUIET - MIN)).toEqual([]);
    expect(await run(now + QUIET + MIN)).toEqual(['share:fallback']);
  });

  it('a junk share far above its norm', async () => {
    await ordinaryHistory();
    await ingest(...Array.from({ length: 6 }, (_, i) => facts({ route: i < 4 ? '$junk' : 'smb', status: i < 4 ? 'junk' : 'ok' })));
    expect(await run()).toEqual(['share:junk']);
    expect(await run(now + MIN)).toEqual([]);
  });

  it('stays quiet for an ordinary day', async () => {
    await ordinaryHistory();
    await ingest(
      facts({ route: '$fallback', firstOwner: 'queue:inbound-triage', owner: 'queue:inbound-triage' }),
      facts({ route: 'smb' }),
      facts({ route: 'emea' }),
    );
    expect(await run()).toEqual([]);
    expect((await delivered()).slack).toEqual([]);
  });

  it('any dead-lettered side effect, and a new one after the quiet period', async () => {
    await ingest(facts({ deadLetters: 1 }));
    expect(await run()).toEqual(['dead-letters']);
    expect(await run(now + MIN)).toEqual([]);
    // Another one within the quiet period is told when it ends; the first is not told twice.
    await ingest(facts({ deadLetters: 1 }));
    expect(await run(now + 2 * MIN)).toEqual([]);
    expect(await run(now + QUIET + MIN)).toEqual(['dead-letters']);
    expect(await run(now + 2 * QUIET + 2 * MIN)).toEqual([]);
    expect((await delivered()).slack[0]).toContain('1 lead with a side effect that gave up');
  });

  it('leads unclaimed past their SLA piling up in a queue', async () => {
    const late = { firstOwner: 'queue:inbound-triage', owner: 'queue:inbound-triage', route: '$fallback', respondedAt: undefined, dueAt: now - 10 * MIN };
    await ingest(facts(late), facts(late));
    expect(await run()).toEqual([]);
    await ingest(facts(late));
    expect(await run()).toEqual(['unclaimed:inbound-triage']);
    expect((await delivered()).slack[0]).toContain('3 leads unclaimed in Inbound triage');
    expect(await run(now + MIN)).toEqual([]);
  });

  it('rep notices not delivered for ten minutes (a provider failing)', async () => {
    const stuck = { notifiedAt: undefined, respondedAt: undefined };
    await ingest(facts({ ...stuck, receivedAt: now - 12 * MIN }), facts({ ...stuck, receivedAt: now - 3 * MIN }));
    expect(await run()).toEqual([]);
    expect(await run(now + 8 * MIN)).toEqual(['notify-failing']);
    expect((await delivered()).slack[0]).toContain('Rep notices failing for 20 minutes');
    expect(await run(now + 9 * MIN)).toEqual([]);
  });

  it('rules no lead has taken in 30 days, once a week', async () => {
    const c = config((x) => (x.routes = x.routes.filter((r) => ['named-accounts', 'emea', 'round-robin'].includes(r.id))));
    expect((await publish(c)).status).toBe(200);
    await ingest(
      ...[29, 20, 10, 1].map((d) => facts({ receivedAt: now - d * DAY, route: 'round-robin' })),
      facts({ receivedAt: now - 5 * DAY, route: 'emea' }),
    );
    expect(await run()).toEqual(['unused:named-accounts']);
    expect(await run(now + QUIET + MIN)).toEqual([]);
    expect(await run(now + 7 * DAY + MIN)).toEqual(['unused:named-accounts']);
  });

  it('a rep with open leads who is inactive, and one out of office with no backup who owns accounts', async () => {
    const { leadId } = await accepted(
      { firstName: 'Kai', email: 'kai@acme.com', company: 'Acme', message: 'We need a quote for 40 seats' },
      { formType: 'contact' },
    );
    expect((await settled(leadId)).record.owner).toMatchObject({ kind: 'rep', id: 'dana' });
    // Whole days in Lee's zone (Los Angeles): from yesterday, so it has begun there whatever the hour.
    const today = new Date(now - DAY).toISOString().slice(0, 10);
    const later = new Date(now + 3 * DAY).toISOString().slice(0, 10);
    const away = config((x) => {
      x.reps.dana!.active = false;
      x.reps.lee!.outOfOffice = [{ from: today, to: later }];
    });
    expect((await publish(away)).status).toBe(200);
    expect((await run()).sort()).toEqual(['rep:dana', 'rep:lee']);
    const { slack } = await delivered();
    expect(slack.find((t) => t.includes('Dana'))).toContain('Dana Whitfield is inactive and has 1 open lead');
    expect(slack.find((t) => t.includes('Lee'))).toContain('Lee Okafor is out of office with no backup, and rules or named accounts still send leads to them');
    expect(await run(now + MIN)).toEqual([]);
    // A backup named: Lee's alert stops.
    expect((await publish(config((x) => (x.reps.lee!.outOfOffice = [{ from: today, to: later, backup: 'dana' }])))).status).toBe(200);
    expect(await run(now + QUIET + MIN)).toEqual([]);
  });

  it('submissions refused by origin on a site', async () => {
    const health = env.SITE_HEALTH.getByName('global');
    await health.record([{ site: 'demo', origin: 'https://new-landing.example', reason: 'origin', count: 2 }], now - 60 * MIN);
    // Unknown keys are what bots send: left to the overview.
    await health.record([{ site: 'nope', origin: 'https://spam.example', reason: 'site', count: 50 }], now - 30 * MIN);
    expect(await run()).toEqual([]);
    await health.record([{ site: 'demo', origin: 'https://new-landing.example', reason: 'origin', count: 1 }], now - 5 * MIN);
    expect(await run()).toEqual(['refused:demo']);
    expect((await delivered()).slack[0]).toContain('3 submissions refused on site demo');
    expect(await run(now + MIN)).toEqual([]);
  });

  it('runs from the Worker’s cron trigger', async () => {
    // Two dead letters of one lead: the audit counts leads (README, "Audit figures").
    await ingest(facts({ deadLetters: 2 }));
    const ctx = createExecutionContext();
    router.scheduled(createScheduledController({ scheduledTime: now, cron: '*/5 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await delivered()).slack).toEqual([expect.stringContaining('1 lead with a side effect that gave up')]);
  });
});
