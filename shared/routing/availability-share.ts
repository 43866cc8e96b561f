/**
 * Fairness that tells "fewer leads because unavailable" from "fewer leads because the rotation
 * is unfair": for each of a pool's leads, who of its members was available when it arrived
 * (active, not out of office, in working hours; workload is not known afterwards), and so the
 * share each member should have had, beside the share they got.
 */
import type { RoutingConfig } from '../config/schema.ts';
import { availability } from './availability.ts';
import { compiled } from './route.ts';
import { Reason } from './trace.ts';

/** One member's share of a pool's leads, against what their availability gave them. */
export interface AvailabilityShare {
  rep: string;
  leads: number;
  /** Share of the pool's leads they got. */
  actual: number;
  /** Share of the pool's leads that arrived while they were available. */
  available: number;
  /** Share they should have got: their weight among those available at each lead. */
  expected: number;
  /** How the two compare: within what chance allows, or more, or fewer. */
  verdict: 'fair' | 'more' | 'fewer';
}

/**
 * The availability-aware shares of `pool`, from its leads (when each arrived and which rep got
 * it), judged by `config` (the current one: hours and absences as written now).
 * @example availabilityShares(config, 'sdr', [{ at, rep: 'ana' }, …])
 */
export function availabilityShares(config: RoutingConfig, pool: string, leads: readonly { at: number; rep: string }[]): AvailabilityShare[] {
  const c = compiled(config);
  const p = c.pools.find((x) => x.id === pool);
  if (!p) return [];
  const members = p.members.map((index, i) => ({ rep: c.reps[index]!, weight: p.strategy === 'weighted' ? p.weights[i]! : 1 }));
  const expected = new Map<string, number>();
  const available = new Map<string, number>();
  const got = new Map<string, number>();
  let counted = 0;
  for (const lead of leads) {
    got.set(lead.rep, (got.get(lead.rep) ?? 0) + 1);
    const free = members.filter((m) => availability(m.rep, lead.at, { cursors: {}, load: {} }) === Reason.Taken);
    const total = free.reduce((sum, m) => sum + m.weight, 0);
    if (total === 0) continue;
    counted++;
    for (const m of free) {
      expected.set(m.rep.id, (expected.get(m.rep.id) ?? 0) + m.weight / total);
      available.set(m.rep.id, (available.get(m.rep.id) ?? 0) + 1);
    }
  }
  const n = leads.length;
  return members.map(({ rep }) => {
    const actual = n > 0 ? (got.get(rep.id) ?? 0) / n : 0;
    const should = counted > 0 ? (expected.get(rep.id) ?? 0) / counted : 0;
    // A rotation is never exact over few leads: allow two standard deviations of chance.
    const slack = Math.max(0.05, 2 * Math.sqrt((should * (1 - should)) / Math.max(1, n)));
    const verdict = actual > should + slack ? 'more' : actual < should - slack ? 'fewer' : 'fair';
    return { rep: rep.id, leads: got.get(rep.id) ?? 0, actual, available: n > 0 ? (available.get(rep.id) ?? 0) / n : 0, expected: should, verdict };
  });
}
