/**
 * Load shedding at the intake. An overloaded Worker answers 503 with Retry-After, early and
 * cheaply, rather than let every submission wait seconds behind the others; the widget keeps the
 * submission and retries it. A refused submission has stored nothing, so no accepted lead is lost.
 *
 * Overload is read where it happens: the isolate's event loop. Every PROBE_MS one submission
 * waits for a zero-delay timer, and how late it fires is how long any work now waits for the
 * thread. While that lag, smoothed, is over TARGET_MS and more than a few submissions are in
 * flight, new ones are refused: the queue stays short instead of growing without bound, and a
 * burst that clears (fifty identical submissions at once) is never refused. Slow objects
 * elsewhere (a far-away Durable Object) do not count: waiting on them does not hold the thread.
 */

const PROBE_MS = 50;
/** A probe longer ago than this says nothing about now. */
const STALE_MS = 250;
/** Event-loop lag (smoothed over the probes) that counts as a queue. */
const TARGET_MS = 40;
/** Submissions always let in: a few at a time cannot build a queue. */
const MIN_IN_FLIGHT = 8;
/** Seconds a refused client is asked to wait. */
export const RETRY_AFTER_S = 2;

/** The overload state of one isolate's intake. */
export class Shedder {
  /** The event-loop lag, smoothed over the recent probes. */
  lag = 0;
  /** Submissions let in and not yet answered. */
  inFlight = 0;
  #probed = Number.NEGATIVE_INFINITY;

  /** Whether to refuse a submission that arrived at `now` (every PROBE_MS, after measuring the lag). */
  async refuse(now: number): Promise<boolean> {
    if (now - this.#probed >= PROBE_MS) {
      const stale = now - this.#probed > STALE_MS;
      this.#probed = now;
      await new Promise((resolve) => setTimeout(resolve, 0));
      const lag = Date.now() - now;
      this.lag = stale ? lag : (this.lag + lag) / 2;
    }
    return this.inFlight >= MIN_IN_FLIGHT && this.lag > TARGET_MS;
  }
}

/** This isolate's intake shedder. */
export const shedder = new Shedder();

/**
 * True for a failure of the platform rather than of our code: a Durable Object overloaded or
 * resetting, or an internal error (locally, e.g., out of file descriptors). The client should
 * retry later (503), not be told something broke (500).
 */
export function isOverload(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const flags = error as Error & { overloaded?: boolean; retryable?: boolean };
  return flags.overloaded === true || flags.retryable === true || error.message.startsWith('internal error');
}
