/**
 * Overload, as the platform reports it. The intake sheds no load by itself: a Worker isolate is
 * not a server with one queue (the platform spreads requests over isolates and machines, and
 * limits CPU per request), and the one signal an isolate could read of itself, how late its
 * timers fire, does not exist on the platform — `Date.now()` only moves across I/O there — so it
 * measured nothing in production while, under `wrangler dev` on a busy machine, it refused up to
 * 40 of a person's 50 simultaneous submissions (test/e2e/burst.e2e.test.ts).
 *
 * What can really queue is a Durable Object: one thread per object. When one has too many
 * requests queued, the runtime fails calls to it with an error flagged `.overloaded` (retrying
 * only makes it worse); that error, and the platform's other failures, become a 503 with
 * Retry-After (worker/index.ts), with nothing stored, and the widget retries later.
 */

/** Seconds a client is asked to wait after a 503. */
export const RETRY_AFTER_S = 2;

/**
 * True for a failure of the platform rather than of our code: a Durable Object overloaded or
 * resetting, or an internal error (locally, e.g., out of file descriptors). An overload relayed
 * by another object (RouterState's, through the identity's object) arrives as its message alone:
 * an error's own properties do not cross RPC.
 */
export function isOverload(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const flags = error as Error & { overloaded?: boolean; retryable?: boolean };
  return (
    flags.overloaded === true ||
    flags.retryable === true ||
    error.message.startsWith('internal error') ||
    error.message.startsWith('Durable Object is overloaded')
  );
}
