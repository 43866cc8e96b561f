/**
 * What leads add to the daily rollups. A day's rollup holds, per key of each cut, how many of
 * the day's leads each counter counts, and for the whole traffic the latency histograms. A
 * lead's new snapshot is applied as the difference between what its new and its old snapshot
 * contribute, so replays and late changes (an acknowledgement days later, an outcome weeks
 * later) keep the rollups exact, on the day the lead arrived.
 */
import { bitOf, flagsOf, keysOf, SPEED_DEFINITIONS } from './definitions.ts';
import { bucketOf } from './histogram.ts';
import { COUNTERS, LATENCY_STAGES, type Day, type Dimension, type LatencyStage, type LeadFacts, type Tally } from './types.ts';

/**
 * One day's rollup: per cut and key, one count per counter (in COUNTERS order: changing COUNTERS
 * means raising DEFINITIONS_VERSION, which recomputes stored days); latency for all.
 */
export interface DayRollup {
  cells: Partial<Record<Dimension, Record<string, number[]>>>;
  latency: Partial<Record<LatencyStage, Record<number, number>>>;
}

/** The UTC day of an instant. */
export function dayOf(at: number): Day {
  return new Date(at).toISOString().slice(0, 10);
}

/** An empty day. */
export function emptyDay(): DayRollup {
  return { cells: {}, latency: {} };
}

/** Adds (`sign` 1) or takes away (-1) what one snapshot of a lead contributes to its day. */
export function addLead(day: DayRollup, facts: LeadFacts, sign: 1 | -1): void {
  const flags = flagsOf(facts);
  for (const [dim, key] of keysOf(facts)) {
    const keys = (day.cells[dim] ??= {});
    const counts = (keys[key] ??= COUNTERS.map(() => 0));
    // A counter's bit is its place in COUNTERS.
    for (let i = 0; i < counts.length; i++) if (flags & (1 << i)) counts[i]! += sign;
    if (counts.every((n) => n === 0)) delete keys[key];
  }
  for (const [stage, ms] of latenciesOf(facts)) {
    const histogram = (day.latency[stage] ??= {});
    const bucket = bucketOf(ms);
    const n = (histogram[bucket] ?? 0) + sign;
    if (n === 0) delete histogram[bucket];
    else histogram[bucket] = n;
  }
}

/** A lead's latency per stage, for the stages whose count counts it (so histogram size = count). */
export function latenciesOf(facts: LeadFacts): [LatencyStage, number][] {
  const flags = flagsOf(facts);
  const latencies: [LatencyStage, number][] = [];
  for (const stage of LATENCY_STAGES) {
    const { count, at } = SPEED_DEFINITIONS[stage];
    const end = facts[at];
    if (end !== undefined && flags & bitOf(count)) latencies.push([stage, end - facts.receivedAt]);
  }
  return latencies;
}

/** Adds a day's counts of one key into a tally (with the day's latency when `latency`). */
export function addToTally(tally: Tally, day: DayRollup, dim: Dimension, key: string, latency: boolean): void {
  const counts = day.cells[dim]?.[key];
  if (counts) for (let i = 0; i < counts.length; i++) tally.counts[i]! += counts[i]!;
  if (latency) addLatency(tally.latency, day.latency);
}

/** Adds histograms into others. */
export function addLatency(histograms: Tally['latency'], latency: Tally['latency']): void {
  for (const [stage, histogram] of Object.entries(latency) as [LatencyStage, Record<number, number>][]) {
    const into = (histograms[stage] ??= {});
    for (const [bucket, n] of Object.entries(histogram)) into[Number(bucket)] = (into[Number(bucket)] ?? 0) + n;
  }
}

/** An empty tally. */
export function emptyTally(): Tally {
  return { counts: COUNTERS.map(() => 0), open: 0, latency: {} };
}

/** Adds one tally into another. */
export function mergeTally(into: Tally, from: Tally): void {
  for (let i = 0; i < from.counts.length; i++) into.counts[i]! += from.counts[i]!;
  into.open += from.open;
  addLatency(into.latency, from.latency);
}
