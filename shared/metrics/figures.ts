/**
 * From a tally to the figures of seeds/000 and seeds/004: every count (stored and live), speed
 * to lead, and the rates, each divided from the counts as RATES defines it. Pure: the metrics
 * store sums, this divides.
 */
import { RATES } from './definitions.ts';
import { countOf, quantile } from './histogram.ts';
import { COUNTERS, LATENCY_STAGES, type Count, type Figures, type LatencyStage, type Quantiles, type Rate, type Tally } from './types.ts';

/** `part / whole`, or null when there is nothing to divide. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The figures of a tally. The live counts come from `open` (unanswered leads still within their
 * SLA at the instant the tally was taken): overdue is the rest of the unanswered, missed is late
 * plus overdue. `speed` may come computed (a shard computes each day's where its histograms are).
 */
export function figuresOf(tally: Tally, speed: Record<LatencyStage, Quantiles> = speedOf(tally.latency)): Figures {
  const counters = Object.fromEntries(COUNTERS.map((c, i) => [c, tally.counts[i] ?? 0])) as Record<Count, number>;
  counters.open = tally.open;
  counters.overdue = counters.unanswered - tally.open;
  counters.missed = counters.late + counters.overdue;
  const rates = Object.fromEntries(Object.entries(RATES).map(([rate, of]) => [rate, ratio(...of(counters))])) as Record<Rate, number | null>;
  return { counters, speed, ...rates };
}

/** Median and p90 of each latency stage of some histograms. */
export function speedOf(latency: Tally['latency']): Record<LatencyStage, Quantiles> {
  return Object.fromEntries(LATENCY_STAGES.map((stage) => [stage, quantilesOf(latency[stage] ?? {})])) as Record<LatencyStage, Quantiles>;
}

function quantilesOf(histogram: Record<number, number>): Quantiles {
  return { count: countOf(histogram), p50: quantile(histogram, 0.5), p90: quantile(histogram, 0.9) };
}
