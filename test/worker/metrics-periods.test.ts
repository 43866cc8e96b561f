/**
 * The metrics store keeps a shard per month of arrival: a period's figures, summed across the
 * shards of its months, must be the ones summed day by day from the same leads, for periods within
 * one month, across months, and with days of no leads at their edges.
 */
import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { figuresOf } from '../../shared/metrics/figures.ts';
import { addLead, addToTally, dayOf, emptyDay, emptyTally } from '../../shared/metrics/rollup.ts';
import { monthOf } from '../../shared/metrics/shards.ts';
import type { Dimension, LeadFacts } from '../../shared/metrics/types.ts';
import { metricsStore } from '../../worker/metrics/store.ts';

const DAY = 86_400_000;
const START = Date.parse('2026-06-20T09:00:00Z');
const ROUTES = ['emea', 'smb', 'enterprise'];

function lead(i: number): LeadFacts {
  const receivedAt = START + Math.floor(i / 3) * DAY + (i % 3) * 3_600_000;
  return {
    id: `ld_period${i}`,
    rev: 1,
    receivedAt,
    formType: i % 2 ? 'contact' : 'demo_request',
    source: ['google', 'linkedin', 'direct'][i % 3]!,
    status: i % 11 === 0 ? 'junk' : 'qualified',
    route: ROUTES[i % 3]!,
    pool: `pool${i % 2}`,
    firstOwner: `rep:r${i % 5}`,
    owner: `rep:r${i % 5}`,
    configVersion: 1,
    dueAt: receivedAt + 15 * 60_000,
    confirmedAt: receivedAt + 20 + (i % 7) * 10,
    notifiedAt: receivedAt + 30 + (i % 13) * 10,
    ...(i % 4 ? { respondedAt: receivedAt + (i % 9) * 4 * 60_000 } : {}),
    reassignments: i % 6 === 0 ? 1 : 0,
    escalated: i % 6 === 0,
    duplicates: i % 8 === 0 ? 1 : 0,
    deadLetters: 0,
    ...(i % 10 === 0 ? { stage: 'won' as const } : {}),
  };
}

const LEADS = Array.from({ length: 3 * 85 }, (_, i) => lead(i));

/** The figures of one key summed day by day, straight from the leads. */
function expected(from: string, to: string, dim: Dimension, key: string) {
  const tally = emptyTally();
  for (const facts of LEADS) {
    const day = dayOf(facts.receivedAt);
    if (day < from || day > to) continue;
    const rollup = emptyDay();
    addLead(rollup, facts, 1);
    addToTally(tally, rollup, dim, key, dim === 'all');
  }
  return figuresOf(tally);
}

beforeAll(async () => {
  await reset();
  await metricsStore(env).ingest(LEADS.map((facts) => ({ facts })));
});

describe('figures over periods, summed across monthly shards', () => {
  it('puts each lead in the shard of its month', async () => {
    expect(new Set(LEADS.map((l) => monthOf(l.receivedAt))).size).toBe(4);
    for (const name of ['2026-06', '2026-08']) {
      const stats = await env.METRICS.getByName(name).stats();
      expect(stats.leads).toBe(LEADS.filter((l) => monthOf(l.receivedAt) === name).length);
    }
  });

  for (const [from, to] of [
    ['2026-06-20', '2026-09-12'],
    ['2026-07-01', '2026-07-31'],
    ['2026-06-25', '2026-08-03'],
    ['2026-08-10', '2026-08-12'],
    ['2026-05-01', '2026-06-21'],
  ] as const) {
    it(`${from} to ${to}: totals, speed and every cut match the day-by-day sums`, async () => {
      const report = await metricsStore(env).report(from, to, START + 400 * DAY);
      const total = expected(from, to, 'all', '*');
      expect(report.total.counters).toEqual(total.counters);
      expect(report.total.speed).toEqual(total.speed);
      for (const dim of ['route', 'rep', 'form', 'source', 'pool_rep'] as const) {
        expect(report.by[dim].length).toBeGreaterThan(0);
        for (const { key, figures } of report.by[dim]) expect(figures.counters).toEqual(expected(from, to, dim, key).counters);
      }
    });
  }
});
