/**
 * One report from the parts each shard answers: the tallies of the days and of every cut's keys,
 * summed across shards (a key, a rep say, has leads in several weeks), then turned into figures.
 */
import { figuresOf, speedOf } from './figures.ts';
import { addLatency, emptyTally, mergeTally } from './rollup.ts';
import type { Day, Dimension, KeyFigures, LatencyStage, MetricsReport, Quantiles, Tally } from './types.ts';

/** The cuts a report lists, each key's figures over the whole period. */
export const CUT_DIMENSIONS = ['route', 'rep', 'form', 'source', 'pool_rep'] as const satisfies readonly Exclude<Dimension, 'all'>[];

/**
 * What one shard answers for a period: the whole traffic's counts per day with each day's speed
 * (computed where the day's histograms are, so they need not travel), the histograms of all its
 * days merged (for the period's speed), and each cut's keys over the period.
 */
export interface ShardTally {
  days: Record<Day, Tally>;
  speed: Record<Day, Record<LatencyStage, Quantiles>>;
  latency: Tally['latency'];
  by: Record<Exclude<Dimension, 'all'>, Record<string, Tally>>;
}

/** An empty shard answer. */
export function emptyShardTally(): ShardTally {
  return { days: {}, speed: {}, latency: {}, by: { route: {}, rep: {}, form: {}, source: {}, pool_rep: {} } };
}

/** The report of `from`–`to` judged at `asOf`, from every shard's part of it. */
export function reportOf(from: Day, to: Day, asOf: number, parts: readonly ShardTally[]): MetricsReport {
  const days = new Map<Day, Tally>();
  const by = emptyShardTally().by;
  for (const part of parts) {
    for (const [day, tally] of Object.entries(part.days)) {
      let sum = days.get(day);
      if (!sum) days.set(day, (sum = emptyTally()));
      mergeTally(sum, tally);
    }
    for (const dim of CUT_DIMENSIONS) {
      for (const [key, tally] of Object.entries(part.by[dim])) mergeTally((by[dim][key] ??= emptyTally()), tally);
    }
  }
  const total = emptyTally();
  for (const tally of days.values()) mergeTally(total, tally);
  const speed = new Map<Day, Record<LatencyStage, Quantiles>>();
  for (const part of parts) {
    addLatency(total.latency, part.latency);
    for (const [day, quantiles] of Object.entries(part.speed)) speed.set(day, quantiles);
  }
  const keyed = (tallies: Record<string, Tally>): KeyFigures[] =>
    Object.entries(tallies)
      .map(([key, tally]) => ({ key, figures: figuresOf(tally) }))
      .sort((a, b) => b.figures.counters.leads - a.figures.counters.leads || a.key.localeCompare(b.key));
  return {
    from,
    to,
    asOf,
    total: figuresOf(total),
    days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, tally]) => ({ day, figures: figuresOf(tally, speed.get(day) ?? speedOf({})) })),
    by: Object.fromEntries(CUT_DIMENSIONS.map((dim) => [dim, keyed(by[dim])])) as MetricsReport['by'],
  };
}
