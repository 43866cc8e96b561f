/**
 * Counting refused submissions without letting an attacker turn each refused request into a
 * storage write: this isolate adds them up in memory and sends the sums to `SiteHealth` at
 * most once every FLUSH_EVERY_MS (the first at once, so a lone refusal shows within seconds),
 * from `waitUntil`, after the 403 is sent. Memory is bounded too: at most MAX_PENDING distinct
 * site–origin pairs wait; more are added up under `(other)`. A flush that fails is dropped:
 * these are monitoring counts, and the lead was refused anyway.
 */
import type { AppEnv } from '../app-env.ts';
import { OTHER, type RefusalCount } from '../durable/site-health.ts';

/** The most often one isolate writes refusal counts. */
export const FLUSH_EVERY_MS = 5_000;
/** Distinct site–origin–reason entries one isolate holds between flushes. */
export const MAX_PENDING = 100;

/** Refusals added up in one isolate between flushes. */
export class RefusalBatch {
  readonly #every: number;
  #counts = new Map<string, RefusalCount>();
  #last = Number.NEGATIVE_INFINITY;
  #pending: Promise<void> | undefined;

  /** @param everyMs the least time between two sends */
  constructor(everyMs = FLUSH_EVERY_MS) {
    this.#every = everyMs;
  }

  /**
   * Adds one refusal, and makes sure a send of the sums is on its way: at once when the last
   * was long enough ago, else when it will be.
   * @returns the send to keep the request alive for (`waitUntil`)
   */
  add(refusal: Omit<RefusalCount, 'count'>, send: (counts: RefusalCount[]) => Promise<unknown>): Promise<void> {
    let key = JSON.stringify([refusal.site, refusal.origin, refusal.reason]);
    let entry = this.#counts.get(key);
    if (!entry && this.#counts.size >= MAX_PENDING) {
      key = JSON.stringify([OTHER, OTHER, refusal.reason]);
      entry = this.#counts.get(key);
    }
    if (!entry) {
      entry = this.#counts.size >= MAX_PENDING ? { site: OTHER, origin: OTHER, reason: refusal.reason, count: 0 } : { ...refusal, count: 0 };
      this.#counts.set(key, entry);
    }
    entry.count++;
    // A timer even when the send is due now: refusals of the same moment go in one send.
    this.#pending ??= new Promise((resolve) => setTimeout(resolve, Math.max(0, this.#last + this.#every - Date.now()))).then(() => {
      this.#last = Date.now();
      const counts = [...this.#counts.values()];
      this.#counts = new Map();
      this.#pending = undefined;
      return send(counts).then(
        () => undefined,
        () => console.error(`refusal counts lost: ${counts.length} entries`),
      );
    });
    return this.#pending;
  }
}

/** This isolate's batch. */
export const refusals = new RefusalBatch();

/** Counts one refused submission for `SiteHealth`; the write happens after the answer (`waitUntil`). */
export function countRefusal(env: AppEnv, ctx: { waitUntil(promise: Promise<unknown>): void }, refusal: Omit<RefusalCount, 'count'>): void {
  ctx.waitUntil(refusals.add(refusal, (counts) => env.SITE_HEALTH.getByName('global').record(counts)));
}
