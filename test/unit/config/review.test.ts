import { describe, expect, it } from 'vitest';
import { isoWeek, previousWeek, stratifiedSample } from '../../../shared/review/sample.ts';

describe('the weekly spot-check sample', () => {
  it('names ISO weeks and the complete week before', () => {
    expect(isoWeek(Date.parse('2026-12-03T12:00:00Z'))).toBe('2026-W49');
    expect(isoWeek(Date.parse('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(Date.parse('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(previousWeek(Date.parse('2026-12-03T12:00:00Z'))).toEqual({ week: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
  });

  it('takes every rule before any twice, the same sample for the same week', () => {
    const leads = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `smb-${i}`, route: 'smb' })),
      ...Array.from({ length: 5 }, (_, i) => ({ id: `ent-${i}`, route: 'enterprise' })),
      { id: 'emea-0', route: 'emea' },
      { id: 'fb-0', route: '$fallback' },
    ];
    const sample = stratifiedSample(leads, 10, '2026-W48');
    expect(sample).toHaveLength(10);
    expect(new Set(sample.map((l) => l.route))).toEqual(new Set(['smb', 'enterprise', 'emea', '$fallback']));
    expect(sample.filter((l) => l.route === 'emea')).toHaveLength(1);
    expect(sample.filter((l) => l.route === 'smb').length).toBeGreaterThanOrEqual(4);
    expect(stratifiedSample([...leads].reverse(), 10, '2026-W48')).toEqual(sample);
    expect(stratifiedSample(leads, 10, '2026-W49')).not.toEqual(sample);
    expect(stratifiedSample(leads.slice(0, 3), 10, 'x')).toHaveLength(3);
  });
});

describe('the quarterly review', () => {
  it('says when the rules were last reviewed and what to look at', async () => {
    const { reviewChecklist } = await import('../../../shared/review/checklist.ts');
    const { loadConfig } = await import('../helpers.ts');
    const { teamConfig } = await import('./team.ts');
    const { figuresOf } = await import('../../../shared/metrics/figures.ts');
    const { COUNTERS } = await import('../../../shared/metrics/types.ts');
    const now = Date.parse('2027-03-31T12:00:00Z');
    const c = teamConfig();
    c.reviewed = { at: '2026-11-02', by: 'Grace' };
    const counters = (n: Record<string, number>) => figuresOf({ counts: COUNTERS.map((c) => n[c] ?? 0), open: 0, latency: {} });
    const days = Array.from({ length: 90 }, (_, i) => {
      const day = new Date(now - (89 - i) * 86_400_000).toISOString().slice(0, 10);
      // Two reassignments in ten leads a day over the last 30 days, none before.
      return { day, figures: counters({ leads: 10, routed: 10, reassigned: i >= 60 ? 2 : 0 }) };
    });
    const report = {
      from: days[0]!.day,
      to: days[89]!.day,
      asOf: now,
      total: counters({ leads: 900, routed: 900 }),
      days,
      by: {
        route: [
          { key: 'enterprise', figures: counters({ leads: 300, misrouted: 4 }) },
          { key: 'mid-market', figures: counters({ leads: 450 }) },
          { key: 'everyone-else', figures: counters({ leads: 50 }) },
          { key: '$fallback', figures: counters({ leads: 100 }) },
        ],
        rep: [
          { key: 'rep:ana', figures: counters({ leads: 250 }) },
          { key: 'rep:ben', figures: counters({ leads: 50 }) },
          { key: 'rep:chloe', figures: counters({ leads: 300 }) },
          { key: 'rep:dan', figures: counters({ leads: 200 }) },
        ],
        form: [],
        source: [],
        pool_rep: [],
      },
      pools: [
        {
          pool: 'enterprise',
          name: 'Enterprise',
          strategy: 'round_robin',
          leads: 300,
          members: [
            { rep: 'ana', name: 'Ana Silva', leads: 250, actual: 250 / 300, target: 0.5 },
            { rep: 'ben', name: 'Ben Carter', leads: 50, actual: 50 / 300, target: 0.5 },
          ],
        },
      ],
    };
    const review = reviewChecklist(loadConfig(c), report, now);
    expect(review.due).toBe(true);
    expect(review.last).toEqual({ at: '2026-11-02', by: 'Grace' });
    expect(review.items.map((i) => i.text)).toEqual([
      '2 rules: Named accounts and Demo took no lead in 90 days: still needed, or shadowed by an earlier rule?',
      'Eve Stone is inactive but still in SMB: did they leave?',
      'Enterprise is out of balance: Ana Silva got 83 % against 50 % and Ben Carter got 17 % against 50 %.',
      'Reassignment rose from 0 % to 19 % in the last 30 days: owners are not answering in time.',
      'Rule Enterprise: 4 leads reported misrouted.',
      '11 % of leads were taken by no rule (fallback): a rule is missing.',
    ]);
    c.reviewed = { at: '2027-03-01' };
    expect(reviewChecklist(loadConfig(c), report, now).due).toBe(false);
  });
});
