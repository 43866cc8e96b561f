/**
 * The audit figures, defined once (the README's "Audit figures" table says the same in words).
 * Every count is the number of leads, received in the period, that its predicate holds for:
 * the rollups add them up (rollup.ts), the drill-down lists them (worker/metrics/lead-filter.ts
 * turns these same definitions into SQL on the flags computed here), and rates divide them.
 */
import { COUNTERS, type Count, type Counter, type Dimension, type LatencyStage, type LeadFacts, type LiveCount, type Rate } from './types.ts';

const routed = (f: LeadFacts) => f.status !== 'junk';
const answered = (f: LeadFacts) => routed(f) && f.respondedAt !== undefined;
const inStage = (f: LeadFacts, ...stages: string[]) => routed(f) && f.stage !== undefined && stages.includes(f.stage);

/**
 * The stored counts: for each, the leads it counts. A lead is stored with its `flags`, one bit
 * per counter (its place in COUNTERS); changing a predicate or COUNTERS means raising
 * DEFINITIONS_VERSION, and every shard recomputes its flags and rollups from the stored facts.
 */
export const COUNTER_DEFINITIONS: Readonly<Record<Counter, (facts: LeadFacts) => boolean>> = {
  leads: () => true,
  junk: (f) => !routed(f),
  routed,
  confirmed: (f) => f.confirmedAt !== undefined,
  notified: (f) => f.notifiedAt !== undefined,
  responded: answered,
  unanswered: (f) => routed(f) && f.respondedAt === undefined,
  in_sla: (f) => answered(f) && f.respondedAt! <= f.dueAt,
  late: (f) => answered(f) && f.respondedAt! > f.dueAt,
  reassigned: (f) => routed(f) && f.reassignments > 0,
  escalated: (f) => routed(f) && f.escalated,
  duplicates: (f) => f.duplicates > 0,
  dead_letters: (f) => f.deadLetters > 0,
  misrouted: (f) => routed(f) && f.misroutedTo !== undefined,
  accepted: (f) => inStage(f, 'accepted', 'qualified', 'won'),
  qualified: (f) => inStage(f, 'qualified', 'won'),
  won: (f) => inStage(f, 'won'),
  lost: (f) => inStage(f, 'lost'),
};

/** The bit of a counter in a lead's flags. */
export function bitOf(counter: Counter): number {
  return 1 << COUNTERS.indexOf(counter);
}

/** Raised whenever a definition above changes: stores recompute what they derived from facts. */
export const DEFINITIONS_VERSION = 1;

/**
 * The live counts, judged at an instant `now` from stored counts and the SLA's due time: an
 * unanswered lead is open while `now <= dueAt` and overdue after; missed = late or overdue.
 */
export const LIVE_DEFINITIONS: Readonly<Record<LiveCount, { anyOf: { counter: Counter; due?: 'ahead' | 'past' }[] }>> = {
  open: { anyOf: [{ counter: 'unanswered', due: 'ahead' }] },
  overdue: { anyOf: [{ counter: 'unanswered', due: 'past' }] },
  missed: { anyOf: [{ counter: 'late' }, { counter: 'unanswered', due: 'past' }] },
};

/** The flags of a lead: the bit of every counter that counts it. */
export function flagsOf(facts: LeadFacts): number {
  return COUNTERS.reduce((flags, counter) => (COUNTER_DEFINITIONS[counter](facts) ? flags | bitOf(counter) : flags), 0);
}

/** Whether a lead with these flags and due time counts in `count` at `now`. */
export function countsIn(count: Count, flags: number, dueAt: number, now: number): boolean {
  const has = (counter: Counter) => (flags & bitOf(counter)) !== 0;
  if (count in COUNTER_DEFINITIONS) return has(count as Counter);
  return LIVE_DEFINITIONS[count as LiveCount].anyOf.some(
    ({ counter, due }) => has(counter) && (due === undefined || (due === 'ahead' ? now <= dueAt : now > dueAt)),
  );
}

/**
 * The rates: a part over a whole, both from counts only, so a rate is always computable from
 * the numbers shown beside it (null when the whole is 0).
 */
export const RATES: Readonly<Record<Rate, (c: Record<Count, number>) => [part: number, whole: number]>> = {
  slaCompliance: (c) => [c.in_sla, c.in_sla + c.late + c.overdue],
  firstPassAccuracy: (c) => [c.routed - c.misrouted, c.routed],
  reassignmentRate: (c) => [c.reassigned, c.routed],
  escalationRate: (c) => [c.escalated, c.routed],
  acceptanceRate: (c) => [c.accepted, c.routed],
  conversionRate: (c) => [c.won, c.routed],
};

/** Each speed stage: the leads it measures (its count) and the instant it ends at. */
export const SPEED_DEFINITIONS: Readonly<Record<LatencyStage, { count: Counter; at: 'confirmedAt' | 'notifiedAt' | 'respondedAt' }>> = {
  confirm: { count: 'confirmed', at: 'confirmedAt' },
  notify: { count: 'notified', at: 'notifiedAt' },
  respond: { count: 'responded', at: 'respondedAt' },
};

/** The cuts: the facts a lead's key is made of (joined by `/`; ids never hold one). */
export const CUTS: Readonly<Record<Exclude<Dimension, 'all'>, readonly ('route' | 'firstOwner' | 'formType' | 'source' | 'pool')[]>> = {
  route: ['route'],
  /** The first owner: the rep or queue routing made accountable, whose SLA the lead is judged by. */
  rep: ['firstOwner'],
  form: ['formType'],
  source: ['source'],
  /** A pool's member: leads the pool's strategy gave them (`<pool>/rep:<id>`). */
  pool_rep: ['pool', 'firstOwner'],
};

/** The key of every cut a lead counts under, `all` (`*`) first; a lead from no pool has no `pool_rep`. */
export function keysOf(facts: LeadFacts): [Dimension, string][] {
  const keys: [Dimension, string][] = [['all', '*']];
  for (const [dim, fields] of Object.entries(CUTS) as [Exclude<Dimension, 'all'>, readonly (keyof LeadFacts)[]][]) {
    const values = fields.map((field) => facts[field]);
    if (values.every((v) => v !== undefined)) keys.push([dim, values.join('/')]);
  }
  return keys;
}

/** A cut's key split back into the values of its facts (the inverse of keysOf). */
export function keyValues(dim: Exclude<Dimension, 'all'>, key: string): string[] | undefined {
  const n = CUTS[dim].length;
  const parts = key.split('/');
  if (parts.length < n) return undefined;
  // Only the last field (the owner) could hold a `/`; ids cannot, so this is the one reading.
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join('/')];
}
