/**
 * Picking one rep from a pool: round-robin, weighted round-robin, least-loaded.
 * Each scans from the pool's cursor, skips reps who are unavailable (recording why), and
 * returns the pick and the cursor's next value; it never writes state itself.
 */
import { availability } from './availability.ts';
import type { CompiledPool, CompiledRep } from './compile.ts';
import { Reason, Step, pack } from './trace.ts';
import type { RoutingState } from './types.ts';

/** A pick: the rep's index and the pool cursor's next value. */
export interface Pick {
  rep: number;
  cursor: number;
}

/** Picks a rep from `pool`, or `undefined` when nobody in it is available. */
export function pickFromPool(
  pool: CompiledPool,
  reps: readonly CompiledRep[],
  state: RoutingState,
  now: number,
  trace: number[],
): Pick | undefined {
  const cursor = state.cursors[pool.id] ?? 0;
  if (pool.strategy === 'round_robin') return roundRobin(pool, reps, state, now, trace, cursor);
  if (pool.strategy === 'weighted') return weighted(pool, reps, state, now, trace, cursor);
  return leastLoaded(pool, reps, state, now, trace, cursor);
}

function roundRobin(pool: CompiledPool, reps: readonly CompiledRep[], state: RoutingState, now: number, trace: number[], cursor: number): Pick | undefined {
  const n = pool.members.length;
  const start = ((cursor % n) + n) % n;
  for (let i = 0; i < n; i++) {
    const position = (start + i) % n;
    const rep = pool.members[position]!;
    const reason = availability(reps[rep]!, now, state.load);
    trace.push(pack(Step.Candidate, rep, reason));
    if (reason === Reason.Taken) return { rep, cursor: (position + 1) % n };
  }
  return undefined;
}

function weighted(pool: CompiledPool, reps: readonly CompiledRep[], state: RoutingState, now: number, trace: number[], cursor: number): Pick | undefined {
  const schedule = pool.schedule;
  const n = schedule.length;
  const start = ((cursor % n) + n) % n;
  let checked: boolean[] | undefined;
  for (let i = 0; i < n; i++) {
    const position = (start + i) % n;
    const member = schedule[position]!;
    if (checked?.[member]) continue;
    const rep = pool.members[member]!;
    const reason = availability(reps[rep]!, now, state.load);
    trace.push(pack(Step.Candidate, rep, reason));
    if (reason === Reason.Taken) return { rep, cursor: (position + 1) % n };
    (checked ??= [])[member] = true;
  }
  return undefined;
}

/**
 * The available rep with the fewest open leads per unit of weight; ties go to the first in
 * rotation from the cursor, so equal reps still take turns.
 */
function leastLoaded(pool: CompiledPool, reps: readonly CompiledRep[], state: RoutingState, now: number, trace: number[], cursor: number): Pick | undefined {
  const n = pool.members.length;
  const start = ((cursor % n) + n) % n;
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  let bestLoad = 0;
  for (let i = 0; i < n; i++) {
    const position = (start + i) % n;
    const rep = reps[pool.members[position]!]!;
    const reason = availability(rep, now, state.load);
    if (reason !== Reason.Taken) {
      trace.push(pack(Step.Candidate, rep.index, reason));
      continue;
    }
    const load = state.load[rep.id] ?? 0;
    const score = load / pool.weights[position]!;
    if (score < bestScore) {
      best = position;
      bestScore = score;
      bestLoad = load;
    }
  }
  if (best < 0) return undefined;
  trace.push(pack(Step.Candidate, pool.members[best]!, Reason.Taken), pack(Step.Load, Math.min(bestLoad, 4095)));
  return { rep: pool.members[best]!, cursor: (best + 1) % n };
}
