/**
 * The metrics store applies concurrent snapshots together: whatever the order and grouping of
 * a lead's snapshots, the figures are those of its newest one, counted once; the copies kept for
 * replay go after 90 days, and the daily sweep keeps running while it has something to drop.
 */
import { env } from 'cloudflare:workers';
import { reset, runDurableObjectAlarm } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { monthOf } from '../../shared/metrics/shards.ts';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import { leadFacts } from './lead-facts.ts';
import { metricsStore } from '../../worker/metrics/store.ts';

const AT = Date.parse('2026-11-17T15:00:00Z');
const DAY = '2026-11-17';

function facts(id: string, rev: number, extra: Partial<LeadFacts> = {}): LeadFacts {
  return leadFacts(id, AT, { rev, ...extra });
}

const store = () => metricsStore(env);

beforeEach(async () => {
  await reset();
});

describe('batched ingestion', () => {
  it('counts the newest snapshot of each lead once, whether its snapshots come together, reversed or concurrently', async () => {
    const answered = (id: string) => facts(id, 2, { confirmedAt: AT + 40, respondedAt: AT + 120_000 });
    await store().ingest([{ facts: facts('a', 1) }, { facts: answered('a') }]);
    await store().ingest([{ facts: answered('b') }, { facts: facts('b', 1) }]);
    await Promise.all([store().ingest([{ facts: facts('c', 1) }]), store().ingest([{ facts: answered('c') }]), store().ingest([{ facts: answered('c') }])]);
    await Promise.all(Array.from({ length: 30 }, (_, i) => store().ingest([{ facts: answered(`d${i}`) }])));

    const report = await store().report(DAY, DAY, AT);
    expect(report.total.counters).toMatchObject({ leads: 33, routed: 33, confirmed: 33, responded: 33, in_sla: 33, unanswered: 0 });
    expect(report.total.speed.confirm).toEqual({ count: 33, p50: 40, p90: 40 });
    expect(report.by.rep).toEqual([
      expect.objectContaining({ key: 'rep:ana', figures: expect.objectContaining({ counters: expect.objectContaining({ leads: 33 }) }) }),
    ]);
    const page = await store().leads({ from: DAY, to: DAY, is: 'responded' }, AT);
    expect(page.leads.map((l) => l.rev)).toEqual(Array(33).fill(2));
    expect(page.total).toBe(33);
  });
});

describe('the daily sweep', () => {
  it('drops the copies kept for replay after 90 days, keeps the facts, and stops once no copy is left', async () => {
    const old = Date.now() - 91 * 86_400_000;
    const recent = Date.now() - 86_400_000;
    const lead = {
      formType: 'contact',
      consent: true,
      source: 'google',
      honeypot: false,
      status: 'qualified',
      urgency: 'normal',
      intent: 'medium',
      email: 'x@example.com',
    } as const;
    await store().ingest([
      { facts: facts(`ld_${old.toString(36)}o`, 1, { receivedAt: old, dueAt: old + 900_000, email: 'old@example.com' }), lead },
      { facts: facts('new', 1, { receivedAt: recent, dueAt: recent + 900_000 }), lead },
    ]);
    // The replay window is 90 days: the old copy is no longer offered, even before the sweep.
    expect((await store().replaySample(10, Date.now())).map((l) => l.id)).toEqual(['new']);
    const shard = env.METRICS.getByName(monthOf(old));
    expect(await runDurableObjectAlarm(shard)).toBe(true);
    expect(await store().personal([`ld_${old.toString(36)}o`])).toMatchObject([{ facts: { email: 'old@example.com' }, lead: null }]);
    expect((await store().search('old@example.com', Date.now())).map((l) => l.id)).toEqual([`ld_${old.toString(36)}o`]);
    // Nothing left to drop in that week: no further alarm.
    expect(await runDurableObjectAlarm(shard)).toBe(false);
    expect((await store().replaySample(10, Date.now())).map((l) => l.id)).toEqual(['new']);
  });
});
