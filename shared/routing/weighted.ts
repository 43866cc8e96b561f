/**
 * Weighted pools' rotation, computed once per config.
 */

/** The longest rotation a weighted pool may have; finer weights are refused. */
export const MAX_SCHEDULE = 10_000;

/**
 * One cycle of smooth weighted round-robin over member positions: weights 3 and 1 give
 * `[0, 0, 1, 0]`, so heavy members are spread out rather than served in a burst.
 * `undefined` when the weights need a rotation longer than {@link MAX_SCHEDULE}.
 */
export function weightedSchedule(weights: readonly number[]): number[] | undefined {
  const scaled = toWholeNumbers(weights);
  const total = scaled.reduce((a, b) => a + b, 0);
  if (total > MAX_SCHEDULE) return undefined;
  const current = scaled.map(() => 0);
  const schedule: number[] = [];
  for (let n = 0; n < total; n++) {
    let best = 0;
    for (let i = 0; i < scaled.length; i++) {
      current[i]! += scaled[i]!;
      if (current[i]! > current[best]!) best = i;
    }
    current[best]! -= total;
    schedule.push(best);
  }
  return schedule;
}

function toWholeNumbers(weights: readonly number[]): number[] {
  let factor = 1;
  while (factor < 1000 && weights.some((w) => Math.abs(w * factor - Math.round(w * factor)) > 1e-9)) factor *= 10;
  const whole = weights.map((w) => Math.max(1, Math.round(w * factor)));
  const divisor = whole.reduce(gcd);
  return whole.map((w) => w / divisor);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
