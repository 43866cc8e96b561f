/**
 * The packed trace: one number per step, `tag·2²⁴ + a·2¹² + b`, so the engine can record every
 * rule and candidate for every decision at a cost of one array push each. `explain()` unpacks it.
 *
 * Routes whose conditions do not hold are not recorded: routes run in order, so every route
 * between two recorded ones (and before the first) is known to have failed, and conditions are
 * pure, so explain() re-evaluates them for the reason. The trace is exact, and short.
 */

/** What a trace step records. */
export const Step = {
  /** a = route index: its conditions did not hold (never recorded by the engine; see above). */
  NoMatch: 1,
  /** a = route index, b = the alternative that held. */
  Match: 2,
  /** a = route index: it targets the account owner and the lead's domain is no named account. */
  NoAccount: 3,
  /** a = rep index, b = reason (see {@link Reason}). */
  Candidate: 4,
  /** a = route index: nobody in its target was available; routing went on. */
  Unavailable: 5,
  /** The lead is junk and went to the junk queue. */
  Junk: 6,
  /** No route took the lead; it went to the fallback queue. */
  Fallback: 7,
  /** a = route index: the route's `ifUnavailable` target is being tried. */
  Alternate: 8,
  /** a = min(open leads, 4095) of the rep a least-loaded pool took. */
  Load: 9,
  /**
   * a = min(open leads, 4095), b = min(counted load, 4095) of the rep a least-loaded pool took
   * while it was (re)entering the pool: counted level with the least-loaded colleague.
   */
  Entry: 10,
  /** a = route index: it targets the contact owner and the lead is no known contact of a rep. */
  NoContact: 11,
} as const;

/** Candidate outcomes, in the `b` of a {@link Step.Candidate} step. */
export const Reason = {
  Taken: 0,
  Inactive: 1,
  OutOfOffice: 2,
  OffHours: 3,
  AtCapacity: 4,
  /** Lacks the language the route requires. */
  NoLanguage: 5,
  /** Lacks a skill the route requires. */
  NoSkill: 6,
  AtDailyCap: 7,
} as const;

const TAG = 16_777_216;
const A = 4_096;

/** Packs a step. `a` and `b` must be below 4096. */
export function pack(tag: number, a = 0, b = 0): number {
  return tag * TAG + a * A + b;
}

/** Unpacks a step. */
export function unpack(step: number): { tag: number; a: number; b: number } {
  const tag = Math.floor(step / TAG);
  const rest = step - tag * TAG;
  const a = Math.floor(rest / A);
  return { tag, a, b: rest - a * A };
}
