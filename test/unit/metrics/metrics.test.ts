/**
 * Metrics: hand-built leads in, the figures out, exactly. Each lead is a snapshot of its
 * timeline (see worker/lead/facts.ts); the rollups are built by applying each snapshot's delta
 * as the store does, including later snapshots of the same lead.
 */
import { describe, expect, it } from 'vitest';
import { poolShares } from '../../../shared/metrics/fairness.ts';
import { figuresOf } from '../../../shared/metrics/figures.ts';
import { bucketOf, quantile } from '../../../shared/metrics/histogram.ts';
import { addLead, addToTally, dayOf, emptyDay, emptyTally, type DayRollup } from '../../../shared/metrics/rollup.ts';
import type { Dimension, LeadFacts, Tally } from '../../../shared/metrics/types.ts';
import { exampleConfig } from '../helpers.ts';

const DAY = Date.parse('2026-11-17T15:00:00Z');
const MIN = 60_000;

function facts(id: string, overrides: Partial<LeadFacts> = {}): LeadFacts {
  return {
    id,
    rev: 1,
    receivedAt: DAY,
    formType: 'demo_request',
    source: 'google',
    status: 'qualified',
    route: 'smb',
    pool: 'smb-ae',
    firstOwner: 'rep:ana',
    owner: 'rep:ana',
    configVersion: 1,
    dueAt: DAY + 15 * MIN,
    reassignments: 0,
    escalated: false,
    duplicates: 0,
    deadLetters: 0,
    ...overrides,
  };
}

/** The day rollups as a shard keeps them: each snapshot replaces its lead's previous one. */
class Rollups {
  readonly days = new Map<string, DayRollup>();
  readonly leads = new Map<string, LeadFacts>();
  ingest(next: LeadFacts): void {
    const before = this.leads.get(next.id);
    if (before && before.rev >= next.rev) return;
    const day = dayOf(next.receivedAt);
    if (!this.days.has(day)) this.days.set(day, emptyDay());
    if (before) addLead(this.days.get(day)!, before, -1);
    addLead(this.days.get(day)!, next, 1);
    this.leads.set(next.id, next);
  }
  tally(dim: Dimension, key: string): Tally {
    const tally = emptyTally();
    for (const day of this.days.values()) addToTally(tally, day, dim, key, dim === 'all');
    return tally;
  }
}

describe('histogram', () => {
  it('keeps two significant digits, rounding down', () => {
    expect([0, 7, 99, 100, 104, 110, 999, 1_234, 120_000, 125_999].map(bucketOf)).toEqual([0, 7, 99, 100, 100, 110, 990, 1_200, 120_000, 120_000]);
  });
  it('gives nearest-rank quantiles', () => {
    expect(quantile({}, 0.5)).toBeNull();
    expect(quantile({ 40: 1, 120_000: 2 }, 0.5)).toBe(120_000);
    expect(quantile({ 10: 5, 20: 5 }, 0.5)).toBe(10);
    expect(quantile({ 10: 5, 20: 5 }, 0.9)).toBe(20);
  });
});

describe('figures from hand-built timelines', () => {
  const store = new Rollups();
  // 1. Confirmed at 40 ms, notified at 50 ms, acknowledged after 2 min: within the 15 min SLA.
  store.ingest(facts('a', { confirmedAt: DAY + 40, notifiedAt: DAY + 50, respondedAt: DAY + 2 * MIN }));
  // 2. Confirmed at 60 ms, notified at 70 ms; first snapshot has no response…
  store.ingest(facts('b', { firstOwner: 'rep:ben', owner: 'rep:ben', confirmedAt: DAY + 60, notifiedAt: DAY + 70 }));
  // …then reassigned at 15 min and acknowledged by the new owner at 20 min: late.
  store.ingest(
    facts('b', {
      rev: 2,
      firstOwner: 'rep:ben',
      owner: 'rep:ana',
      confirmedAt: DAY + 60,
      notifiedAt: DAY + 70,
      reassignments: 1,
      escalated: true,
      respondedAt: DAY + 20 * MIN,
    }),
  );
  // A stale snapshot arriving late changes nothing.
  store.ingest(facts('b', { rev: 1, firstOwner: 'rep:ben', owner: 'rep:ben' }));
  // 3. Same rep, joined by two duplicates, reported misrouted, then won.
  store.ingest(facts('c', { confirmedAt: DAY + 40, notifiedAt: DAY + 40, respondedAt: DAY + 5 * MIN, duplicates: 2, misroutedTo: 'rep:dana', stage: 'won' }));
  // 4. Junk: no confirmation, no notice, not routed.
  store.ingest(facts('d', { status: 'junk', route: '$junk', firstOwner: 'queue:junk', owner: 'queue:junk', source: 'direct' }));
  // 5. A CRM the confirmation never reached (dead letter), unanswered and past due.
  store.ingest(
    facts('e', {
      route: 'enterprise',
      pool: 'enterprise',
      firstOwner: 'rep:priya',
      owner: 'rep:priya',
      notifiedAt: DAY + 90,
      deadLetters: 1,
      stage: 'accepted',
    }),
  );

  it('counts exactly', () => {
    const all = figuresOf(store.tally('all', '*'));
    expect(all.counters).toMatchObject({
      leads: 5,
      junk: 1,
      routed: 4,
      confirmed: 3,
      notified: 4,
      responded: 3,
      unanswered: 1,
      in_sla: 2,
      late: 1,
      reassigned: 1,
      escalated: 1,
      duplicates: 1,
      dead_letters: 1,
      misrouted: 1,
      accepted: 2,
      qualified: 1,
      won: 1,
      lost: 0,
      open: 0,
      overdue: 1,
      missed: 2,
    });
    expect(all.slaCompliance).toBe(2 / 4);
    expect(all.firstPassAccuracy).toBe(3 / 4);
    expect(all.reassignmentRate).toBe(1 / 4);
    expect(all.escalationRate).toBe(1 / 4);
    expect(all.acceptanceRate).toBe(2 / 4);
    expect(all.conversionRate).toBe(1 / 4);
  });

  it('gives speed to lead as exact medians and p90 for two-significant-digit times', () => {
    const all = figuresOf(store.tally('all', '*'));
    expect(all.speed.confirm).toEqual({ count: 3, p50: 40, p90: 60 });
    expect(all.speed.notify).toEqual({ count: 4, p50: 50, p90: 90 });
    expect(all.speed.respond).toEqual({ count: 3, p50: 5 * MIN, p90: 20 * MIN });
  });

  it('cuts by route, first owner, form type, source and pool member', () => {
    expect(figuresOf(store.tally('route', 'smb')).counters.leads).toBe(3);
    expect(figuresOf(store.tally('rep', 'rep:ana')).counters).toMatchObject({ leads: 2, won: 1, misrouted: 1 });
    // Distribution follows the first owner: b stays Ben's lead in the rollups after reassignment.
    expect(figuresOf(store.tally('rep', 'rep:ben')).counters).toMatchObject({ leads: 1, reassigned: 1 });
    expect(figuresOf(store.tally('source', 'direct')).counters).toMatchObject({ leads: 1, junk: 1, routed: 0 });
    expect(figuresOf(store.tally('form', 'demo_request')).counters.leads).toBe(5);
    expect(figuresOf(store.tally('pool_rep', 'smb-ae/rep:ana')).counters.leads).toBe(2);
  });

  it('keeps the day of arrival in UTC', () => {
    expect(dayOf(DAY)).toBe('2026-11-17');
    expect([...store.days.keys()]).toEqual(['2026-11-17']);
  });

  it('nets to nothing when a lead is taken away again, and stores a day as JSON', () => {
    const day = emptyDay();
    const lead = facts('x', { confirmedAt: DAY + 40, respondedAt: DAY + MIN, stage: 'lost' });
    addLead(day, lead, 1);
    expect(JSON.parse(JSON.stringify(day))).toEqual(day);
    addLead(day, lead, -1);
    expect(day).toEqual({ cells: { all: {}, route: {}, rep: {}, form: {}, source: {}, pool_rep: {} }, latency: { confirm: {}, respond: {} } });
  });
});

describe('pool shares against target', () => {
  it('compares each member with an equal share, or their weight', () => {
    const config = exampleConfig();
    const [smb] = poolShares(config, { 'smb-ae/rep:ana': 3, 'smb-ae/rep:ben': 1 }).filter((p) => p.pool === 'smb-ae');
    expect(smb!.leads).toBe(4);
    const members = smb!.members.filter((m) => m.leads > 0);
    expect(members.map((m) => [m.rep, m.actual])).toEqual([
      ['ana', 0.75],
      ['ben', 0.25],
    ]);
    const total = smb!.members.reduce((sum, m) => sum + m.target, 0);
    expect(total).toBeCloseTo(1, 10);
  });
  it('lists a former member who still got leads, with a target of 0', () => {
    const pools = poolShares(exampleConfig(), { 'smb-ae/rep:gone': 2 });
    const gone = pools.find((p) => p.pool === 'smb-ae')!.members.find((m) => m.rep === 'gone');
    expect(gone).toMatchObject({ leads: 2, actual: 1, target: 0 });
  });
});
