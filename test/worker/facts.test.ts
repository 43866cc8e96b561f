/**
 * Metrics from hand-built timelines: a lead's record, timeline and outbox → its facts
 * (worker/lead/facts.ts) → the rollups (shared/metrics) → the figures, exactly.
 */
import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../shared/metrics/figures.ts';
import { addLead, addToTally, emptyDay, emptyTally } from '../../shared/metrics/rollup.ts';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import { factsOf } from '../../worker/lead/facts.ts';
import type { LeadRecord, OutboxEntry, TimelineEvent, TimelineType } from '../../worker/lead/record.ts';

const T0 = Date.parse('2026-11-17T15:00:00Z');
const MIN = 60_000;

function record(id: string, overrides: Partial<LeadRecord> = {}): LeadRecord {
  const owner = { kind: 'rep' as const, id: 'tom', name: 'Tom Reyes' };
  return {
    id,
    site: 'demo',
    receivedAt: T0,
    lead: {
      formType: 'urgent_service',
      consent: true,
      source: 'google',
      honeypot: false,
      status: 'qualified',
      urgency: 'urgent',
      intent: 'high',
      email: `${id}@example.com`,
    },
    qualification: { status: 'qualified', junk: [], missing: [], urgency: 'urgent', urgencySignals: [], intent: 'high', suspect: [] },
    decision: { owner, at: T0, route: 'same-day-sf', strategy: 'direct', slaMs: 15 * MIN, slaClock: 'wall', escalation: [] },
    configVersion: 3,
    trace: [],
    owner,
    ownerSince: T0,
    nextStep: 0,
    duplicates: 0,
    dueAt: T0 + 15 * MIN,
    ...overrides,
  };
}

const at = (ms: number, type: TimelineType): TimelineEvent => ({ at: T0 + ms, type, detail: '' });
const entry = (status: OutboxEntry['status']): OutboxEntry => ({ id: '1', intent: { kind: 'crm', target: 0 }, status, attempts: 1, nextAt: 0, createdAt: T0 });

describe('facts from a timeline', () => {
  it('reads confirmation, notice, first response, escalation and dead letters', () => {
    const timeline = [
      at(0, 'received'),
      at(0, 'assigned'),
      at(40, 'confirmation_sent'),
      at(90, 'rep_notified'),
      at(16 * MIN, 'reassigned'),
      at(20 * MIN, 'acknowledged'),
    ];
    const rec = record('a', {
      owner: { kind: 'rep', id: 'ian', name: 'Ian Brooks' },
      acknowledged: { at: T0 + 20 * MIN, by: 'ian' },
      duplicates: 2,
      stage: { stage: 'won', at: T0 + 9 * 86_400_000, by: 'crm' },
    });
    expect(factsOf(rec, timeline, [entry('delivered'), entry('dead')], rec.dueAt!, 7)).toMatchObject({
      id: 'a',
      rev: 7,
      route: 'same-day-sf',
      firstOwner: 'rep:tom',
      owner: 'rep:ian',
      confirmedAt: T0 + 40,
      notifiedAt: T0 + 90,
      respondedAt: T0 + 20 * MIN,
      reassignments: 1,
      escalated: true,
      duplicates: 2,
      deadLetters: 1,
      stage: 'won',
      configVersion: 3,
      email: 'a@example.com',
    });
  });

  it('takes a close before any acknowledgement as the first response', () => {
    const rec = record('b', { closed: { at: T0 + 5 * MIN, outcome: 'won', by: 'crm' } });
    expect(factsOf(rec, [], [], rec.dueAt!, 1).respondedAt).toBe(T0 + 5 * MIN);
  });

  it('sums hand-built timelines into exact figures', () => {
    const leads: LeadFacts[] = [
      // Answered in 2 min, confirmed at 40 ms, notified at 90 ms.
      factsOf(
        record('a', { acknowledged: { at: T0 + 2 * MIN, by: 'tom' } }),
        [at(40, 'confirmation_sent'), at(90, 'rep_notified'), at(2 * MIN, 'acknowledged')],
        [entry('delivered')],
        T0 + 15 * MIN,
        3,
      ),
      // Never answered; escalation moved it to a queue; the SMS dead-lettered.
      factsOf(
        record('b', { owner: { kind: 'queue', id: 'service-dispatch', name: 'Service dispatch' } }),
        [at(60, 'confirmation_sent'), at(70, 'rep_notified'), at(60 * MIN, 'moved_to_queue')],
        [entry('dead')],
        T0 + 15 * MIN,
        4,
      ),
      // Answered late, at 30 min; reported misrouted.
      factsOf(
        record('c', { acknowledged: { at: T0 + 30 * MIN, by: 'tom' }, misrouted: { to: 'rep:rosa', by: 'tom', at: T0 + 31 * MIN } }),
        [at(40, 'confirmation_sent'), at(50, 'rep_notified')],
        [],
        T0 + 15 * MIN,
        2,
      ),
    ];
    const day = emptyDay();
    for (const facts of leads) addLead(day, facts, 1);
    const tally = emptyTally();
    addToTally(tally, day, 'all', '*', true);
    const figures = figuresOf(tally);
    expect(figures.counters).toMatchObject({
      leads: 3,
      routed: 3,
      confirmed: 3,
      notified: 3,
      responded: 2,
      unanswered: 1,
      in_sla: 1,
      late: 1,
      escalated: 1,
      reassigned: 0,
      dead_letters: 1,
      misrouted: 1,
    });
    expect(figures.speed.confirm).toEqual({ count: 3, p50: 40, p90: 60 });
    expect(figures.speed.notify).toEqual({ count: 3, p50: 70, p90: 90 });
    expect(figures.speed.respond).toEqual({ count: 2, p50: 2 * MIN, p90: 30 * MIN });
    expect(figures.slaCompliance).toBe(1 / 3);
    expect(figures.firstPassAccuracy).toBe(2 / 3);
    expect(figures.escalationRate).toBe(1 / 3);
  });
});
