/**
 * From counters and histograms to the figures of seeds/000 and seeds/004: speed to lead,
 * SLA compliance, first-pass accuracy, reassignment and escalation rates, acceptance and
 * conversion. Pure: the metrics store sums the rows, this divides.
 */
import { countOf, quantile } from './histogram.ts';
import { COUNTERS, LATENCY_STAGES, type Counter, type Figures, type LatencyStage, type Quantiles, type Tally } from './types.ts';

/** An empty tally. */
export function emptyTally(): Tally {
  return { counters: {}, latency: {} };
}

/** Adds one rollup row (a counter, or a `<stage>:<bucket>` histogram cell) to a tally. */
export function addToTally(tally: Tally, metric: string, n: number): void {
  const colon = metric.indexOf(':');
  if (colon < 0) {
    const counter = metric as Counter;
    tally.counters[counter] = (tally.counters[counter] ?? 0) + n;
    return;
  }
  const stage = metric.slice(0, colon) as LatencyStage;
  const bucket = Number(metric.slice(colon + 1));
  const histogram = (tally.latency[stage] ??= {});
  histogram[bucket] = (histogram[bucket] ?? 0) + n;
}

/** `part / whole`, or null when there is nothing to divide. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The figures of a tally; `overdue` counts leads past their SLA with no response yet, and
 * `speed` may come ready-made (the metrics store computes per-day quantiles in SQL).
 */
export function figuresOf(tally: Tally, overdue = 0, speed: Record<LatencyStage, Quantiles> = speedOf(tally)): Figures {
  const counters = Object.fromEntries(COUNTERS.map((c) => [c, tally.counters[c] ?? 0])) as Record<Counter, number>;
  const routed = counters.routed;
  return {
    counters,
    overdue,
    speed,
    slaCompliance: ratio(counters.in_sla, counters.in_sla + counters.late + overdue),
    firstPassAccuracy: routed > 0 ? 1 - counters.misrouted / routed : null,
    reassignmentRate: ratio(counters.reassigned, routed),
    escalationRate: ratio(counters.escalated, routed),
    acceptanceRate: ratio(counters.accepted, routed),
    conversionRate: ratio(counters.won, routed),
  };
}

/** Median and p90 of each latency stage of a tally. */
export function speedOf(tally: Tally): Record<LatencyStage, Quantiles> {
  return Object.fromEntries(LATENCY_STAGES.map((stage) => [stage, quantilesOf(tally.latency[stage] ?? {})])) as Record<LatencyStage, Quantiles>;
}

/** No latencies: every stage empty. */
export function noSpeed(): Record<LatencyStage, Quantiles> {
  return Object.fromEntries(LATENCY_STAGES.map((stage) => [stage, { count: 0, p50: null, p90: null }])) as Record<LatencyStage, Quantiles>;
}

function quantilesOf(histogram: Record<number, number>): Quantiles {
  return { count: countOf(histogram), p50: quantile(histogram, 0.5), p90: quantile(histogram, 0.9) };
}
