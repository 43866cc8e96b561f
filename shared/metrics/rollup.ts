/**
 * What one lead adds to the daily rollups. The metrics store keeps, per UTC day and per key of
 * each dimension, counters, and for the whole traffic latency histograms; a lead's new snapshot is applied as the
 * difference between what its new and its old snapshot contribute, so replays and late
 * changes (an acknowledgement days later, an outcome weeks later) keep the rollups exact.
 */
import { bucketOf } from './histogram.ts';
import type { Counter, Day, Dimension, LatencyStage, LeadFacts } from './types.ts';

/** One cell of the rollups and how much a lead adds to it. */
export interface Cell {
  day: Day;
  dim: Dimension;
  key: string;
  /** A counter, or a latency stage's histogram bucket as `<stage>:<bucket>`. */
  metric: string;
  n: number;
}

/** The UTC day of an instant. */
export function dayOf(at: number): Day {
  return new Date(at).toISOString().slice(0, 10);
}

/** The keys a lead counts under, per dimension. */
export function keysOf(facts: LeadFacts): [Dimension, string][] {
  const keys: [Dimension, string][] = [
    ['all', '*'],
    ['route', facts.route],
    ['rep', facts.firstOwner],
    ['form', facts.formType],
    ['source', facts.source],
  ];
  if (facts.pool !== undefined) keys.push(['pool_rep', `${facts.pool}/${facts.firstOwner}`]);
  return keys;
}

/** The counters a lead adds to (with how much) and its latencies. */
export function measuresOf(facts: LeadFacts): { counters: [Counter, number][]; latency: [LatencyStage, number][] } {
  const counters: [Counter, number][] = [['leads', 1]];
  const latency: [LatencyStage, number][] = [];
  const add = (counter: Counter, when: boolean | number) => {
    const n = typeof when === 'number' ? when : when ? 1 : 0;
    if (n !== 0) counters.push([counter, n]);
  };
  const junk = facts.status === 'junk';
  add('junk', junk);
  add('routed', !junk);
  add('confirmed', facts.confirmedAt !== undefined);
  add('notified', facts.notifiedAt !== undefined);
  add('responded', facts.respondedAt !== undefined);
  if (!junk && facts.respondedAt !== undefined) add(facts.respondedAt <= facts.dueAt ? 'in_sla' : 'late', true);
  // Routed and not answered yet: those past their SLA are the overdue ones (the store subtracts
  // the few still within it, so no query has to scan a year of unanswered leads).
  add('unanswered', !junk && facts.respondedAt === undefined);
  add('reassigned', facts.reassignments > 0);
  add('escalated', facts.escalated);
  add('duplicates', facts.duplicates);
  add('dead_letters', facts.deadLetters);
  add('misrouted', facts.misroutedTo !== undefined);
  const stage = facts.stage;
  add('accepted', stage === 'accepted' || stage === 'qualified' || stage === 'won');
  add('qualified', stage === 'qualified' || stage === 'won');
  add('won', stage === 'won');
  add('lost', stage === 'lost');
  if (facts.confirmedAt !== undefined) latency.push(['confirm', facts.confirmedAt - facts.receivedAt]);
  if (facts.notifiedAt !== undefined) latency.push(['notify', facts.notifiedAt - facts.receivedAt]);
  if (facts.respondedAt !== undefined) latency.push(['respond', facts.respondedAt - facts.receivedAt]);
  return { counters, latency };
}

/** Every cell a lead adds one or more to. */
export function cellsOf(facts: LeadFacts): Cell[] {
  const day = dayOf(facts.receivedAt);
  const { counters, latency } = measuresOf(facts);
  const cells: Cell[] = [];
  for (const [dim, key] of keysOf(facts)) {
    for (const [counter, n] of counters) cells.push({ day, dim, key, metric: counter, n });
    // Latency histograms are kept for the whole traffic only: per rep or route they would
    // multiply the rows a year of queries reads by a hundred.
    if (dim === 'all') for (const [stage, ms] of latency) cells.push({ day, dim, key, metric: `${stage}:${bucketOf(ms)}`, n: 1 });
  }
  return cells;
}

/**
 * The change to the rollups when a lead's snapshot goes from `before` (none for a new lead)
 * to `after`: only the cells whose count moves, with the signed difference.
 */
export function rollupDelta(before: LeadFacts | undefined, after: LeadFacts): Cell[] {
  const sums = new Map<string, Cell>();
  const apply = (cells: Cell[], sign: number) => {
    for (const cell of cells) {
      const id = `${cell.day}\u0000${cell.dim}\u0000${cell.key}\u0000${cell.metric}`;
      const sum = sums.get(id);
      if (sum) sum.n += sign * cell.n;
      else sums.set(id, { ...cell, n: sign * cell.n });
    }
  };
  if (before) apply(cellsOf(before), -1);
  apply(cellsOf(after), 1);
  return [...sums.values()].filter((cell) => cell.n !== 0);
}
