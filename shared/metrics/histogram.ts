/**
 * Latency histograms with two significant digits: 0–99 ms exact, then 100, 110, … 990, 1000,
 * 1100, … Each bucket is keyed by its lower bound, so a histogram is a plain map, two
 * histograms add key by key, and a year of days merges in one pass. Quantiles are exact for
 * values of two significant digits and within 10 % (rounded down) for any other.
 */

/** The bucket of a duration in milliseconds: the value kept to two significant digits, rounded down. */
export function bucketOf(ms: number): number {
  const value = Math.max(0, Math.floor(ms));
  if (value < 100) return value;
  const step = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.floor(value / step) * step;
}

/**
 * The nearest-rank quantile `q` (0–1) of a histogram, or null when it is empty.
 * @example quantile({ 40: 1, 120_000: 2 }, 0.5) // 120000
 */
export function quantile(histogram: Readonly<Record<number, number>>, q: number): number | null {
  const buckets = Object.keys(histogram)
    .map(Number)
    .sort((a, b) => a - b);
  let total = 0;
  for (const bucket of buckets) total += histogram[bucket] ?? 0;
  if (total <= 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const bucket of buckets) {
    seen += histogram[bucket] ?? 0;
    if (seen >= rank) return bucket;
  }
  return buckets[buckets.length - 1] ?? null;
}

/** How many values a histogram holds. */
export function countOf(histogram: Readonly<Record<number, number>>): number {
  let total = 0;
  for (const count of Object.values(histogram)) total += count;
  return total;
}
