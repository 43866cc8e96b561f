/**
 * The metrics store applies concurrent snapshots together: whatever the order and grouping of
 * a lead's snapshots, the figures are those of its newest one, counted once.
 */
import { env } from 'cloudflare:workers';
import { reset, runDurableObjectAlarm } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LeadFacts } from '../../shared/metrics/types.ts';

const AT = Date.parse('2026-11-17T15:00:00Z');
const DAY = '2026-11-17';

function facts(id: string, rev: number, extra: Partial<LeadFacts> = {}): LeadFacts {
  return { id, rev, receivedAt: AT, formType: 'contact', source: 'google', status: 'qualified', route: 'smb', firstOwner: 'rep:ana', owner: 'rep:ana', configVersion: 1, dueAt: AT + 900_000, reassignments: 0, escalated: false, duplicates: 0, deadLetters: 0, ...extra };
}

const metrics = () => env.METRICS.getByName('global');

beforeEach(async () => {
  await reset();
});

describe('batched ingestion', () => {
  it('counts the newest snapshot of each lead once, whether its snapshots come together, reversed or concurrently', async () => {
    const answered = (id: string) => facts(id, 2, { confirmedAt: AT + 40, respondedAt: AT + 120_000 });
    await metrics().ingest([{ facts: facts('a', 1) }, { facts: answered('a') }]);
    await metrics().ingest([{ facts: answered('b') }, { facts: facts('b', 1) }]);
    await Promise.all([metrics().ingest([{ facts: facts('c', 1) }]), metrics().ingest([{ facts: answered('c') }]), metrics().ingest([{ facts: answered('c') }])]);
    await Promise.all(Array.from({ length: 30 }, (_, i) => metrics().ingest([{ facts: answered(`d${i}`) }])));

    const report = await metrics().report(DAY, DAY, AT);
    expect(report.total.counters).toMatchObject({ leads: 33, routed: 33, confirmed: 33, responded: 33, in_sla: 33, unanswered: 0 });
    expect(report.total.speed.confirm).toEqual({ count: 33, p50: 40, p90: 40 });
    expect(report.by.rep).toEqual([expect.objectContaining({ key: 'rep:ana', figures: expect.objectContaining({ counters: expect.objectContaining({ leads: 33 }) }) })]);
    expect((await metrics().leads({ is: 'responded' }, AT)).map((l) => l.rev)).toEqual(Array(33).fill(2));
  });
});

describe('retention of replay copies', () => {
  it('drops the lead kept for replay after 90 days, keeps its facts, and stays scheduled', async () => {
    const old = Date.now() - 91 * 86_400_000;
    const recent = Date.now() - 86_400_000;
    const lead = { formType: 'contact', consent: true, source: 'google', honeypot: false, status: 'qualified', urgency: 'normal', intent: 'medium', email: 'x@example.com' } as const;
    await metrics().ingest([
      { facts: facts('old', 1, { receivedAt: old, email: 'old@example.com' }), lead },
      { facts: facts('new', 1, { receivedAt: recent }), lead },
    ]);
    expect((await metrics().replaySample(10)).map((l) => l.id)).toEqual(['old', 'new']);
    expect(await runDurableObjectAlarm(metrics())).toBe(true);
    expect((await metrics().replaySample(10)).map((l) => l.id)).toEqual(['new']);
    expect((await metrics().search('old@example.com')).map((l) => l.id)).toEqual(['old']);
    // The next prune is set: running it again changes nothing.
    expect(await runDurableObjectAlarm(metrics())).toBe(true);
    expect((await metrics().replaySample(10)).map((l) => l.id)).toEqual(['new']);
  });
});
