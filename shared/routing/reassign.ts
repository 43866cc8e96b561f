/**
 * Reassignment on escalation: the next available rep of a pool other than the one who let the
 * SLA pass, by the pool's own strategy. Pure, like `route`: state in, pick and change out.
 */
import type { RoutingConfig } from '../config/schema.ts';
import { compiled } from './route.ts';
import type { CompiledConfig } from './compile.ts';
import { pickFromPool } from './pools.ts';
import type { Owner, RoutingState, StateChange } from './types.ts';

/** The new owner and the state change, or why nobody could take the lead. */
export type Reassignment =
  | { ok: true; owner: Extract<Owner, { kind: 'rep' }>; pool: string; stateChange: StateChange; trace: number[] }
  | { ok: false; reason: 'no_pool' | 'nobody_available'; trace: number[] };

/**
 * Picks the next available member of `poolId` other than `exclude`.
 * @example reassign('mm-east', 'dana', config, state, Date.now()) // { ok: true, owner: { id: 'sam', … } }
 */
export function reassign(
  poolId: string | undefined,
  exclude: string | undefined,
  config: RoutingConfig | CompiledConfig,
  state: RoutingState,
  now: number,
): Reassignment {
  const c = compiled(config);
  const pool = c.pools.find((p) => p.id === poolId);
  const trace: number[] = [];
  if (!pool) return { ok: false, reason: 'no_pool', trace };
  const excluded = exclude === undefined ? -1 : (c.repIndex.get(exclude) ?? -1);
  const position = pool.members.indexOf(excluded);
  // The pool without the current owner; the cursor maps onto the shorter member list.
  const others =
    position < 0
      ? pool
      : {
          ...pool,
          members: pool.members.filter((m) => m !== excluded),
          weights: pool.weights.filter((_, i) => i !== position),
          schedule: pool.schedule.filter((m) => m !== position).map((m) => (m > position ? m - 1 : m)),
        };
  if (others.members.length === 0) return { ok: false, reason: 'nobody_available', trace };
  const pick = pickFromPool(others, c.reps, state, now, trace);
  if (!pick) return { ok: false, reason: 'nobody_available', trace };
  const rep = c.reps[pick.rep]!;
  // The pool's rotation and roster are left as they were: new leads keep their turn order, and
  // the pool less the current owner is not who is available (the owner has not left it).
  return { ok: true, owner: rep.owner as Extract<Owner, { kind: 'rep' }>, pool: pool.id, stateChange: { assign: rep.id, day: rep.zone.dayNumber(now) }, trace };
}
