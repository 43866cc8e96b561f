/**
 * The outbox's retry schedule: quick at first (a provider's blip), then spreading out to ride
 * out an outage of hours, then a dead letter the dashboard shows.
 */

/** Attempts before an entry is dead-lettered: with the default base, about 9 hours of retries. */
export const MAX_ATTEMPTS = 12;

const CAP_MS = 3_600_000;

/**
 * Delay before attempt `attempts + 1`, after `attempts` failures: base × 3^(n-1), capped at an hour,
 * with ±20 % jitter so a recovering provider is not hit by every lead at once.
 * @example retryDelay(1, 2000, () => 0.5) // 2000
 */
export function retryDelay(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const delay = Math.min(CAP_MS, baseMs * 3 ** Math.max(0, attempts - 1));
  return Math.round(delay * (0.8 + 0.4 * random()));
}
