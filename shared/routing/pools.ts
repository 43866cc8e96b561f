/**
 * Picking one rep from a pool: round-robin, weighted round-robin, least-loaded.
 * Each scans from the pool's cursor, skips reps who are unavailable or unable (recording why),
 * and returns the pick and the state it changes; it never writes state itself.
 *
 * A rep who (re)enters a pool (added to it, back from out of office or off hours, reactivated)
 * gets a fair share from now on under every strategy. The rotations give it by construction:
 * the cursor moves on among whoever is available, so a newcomer takes its turn like the others.
 * Least-loaded needs a memory: a newcomer with no open leads would otherwise take every lead
 * until level with colleagues who have been working for hours. So a least-loaded pool keeps a
 * roster of who was available at its last decision, and a rep not on it counts as level with
 * the least-loaded colleague who was (a virtual load) until its own open leads reach that.
 */
import { availability } from './availability.ts';
import type { CompiledPool, CompiledRep } from './compile.ts';
import type { Need } from './team.ts';
import { Reason, Step, pack } from './trace.ts';
import type { RosterMark, RoutingState } from './types.ts';

/** A pick: the rep's index, the pool cursor's next value, and the pool's new roster if it changed. */
export interface Pick {
  rep: number;
  cursor: number;
  roster?: Record<string, RosterMark>;
}

/** Picks a rep from `pool`, or `undefined` when nobody in it is available (and able, under `need`). */
export function pickFromPool(
  pool: CompiledPool,
  reps: readonly CompiledRep[],
  state: RoutingState,
  now: number,
  trace: number[],
  need?: Need,
): Pick | undefined {
  const cursor = state.cursors[pool.id] ?? 0;
  if (pool.strategy === 'round_robin') return roundRobin(pool, reps, state, now, trace, cursor, need);
  if (pool.strategy === 'weighted') return weighted(pool, reps, state, now, trace, cursor, need);
  return leastLoaded(pool, reps, state, now, trace, cursor, need);
}

function roundRobin(
  pool: CompiledPool,
  reps: readonly CompiledRep[],
  state: RoutingState,
  now: number,
  trace: number[],
  cursor: number,
  need: Need | undefined,
): Pick | undefined {
  const n = pool.members.length;
  const start = ((cursor % n) + n) % n;
  for (let i = 0; i < n; i++) {
    const position = (start + i) % n;
    const rep = pool.members[position]!;
    const reason = availability(reps[rep]!, now, state, need);
    trace.push(pack(Step.Candidate, rep, reason));
    if (reason === Reason.Taken) return { rep, cursor: (position + 1) % n };
  }
  return undefined;
}

function weighted(
  pool: CompiledPool,
  reps: readonly CompiledRep[],
  state: RoutingState,
  now: number,
  trace: number[],
  cursor: number,
  need: Need | undefined,
): Pick | undefined {
  const schedule = pool.schedule;
  const n = schedule.length;
  const start = ((cursor % n) + n) % n;
  let checked: boolean[] | undefined;
  for (let i = 0; i < n; i++) {
    const position = (start + i) % n;
    const member = schedule[position]!;
    if (checked?.[member]) continue;
    const rep = pool.members[member]!;
    const reason = availability(reps[rep]!, now, state, need);
    trace.push(pack(Step.Candidate, rep, reason));
    if (reason === Reason.Taken) return { rep, cursor: (position + 1) % n };
    (checked ??= [])[member] = true;
  }
  return undefined;
}

const NO_ROSTER: Readonly<Record<string, RosterMark>> = Object.freeze({});

/**
 * The available rep with the fewest open leads per unit of weight, a (re)entering rep counted
 * level with the least-loaded colleague who stayed; ties go to the first in rotation from the
 * cursor, so equal reps still take turns.
 */
function leastLoaded(
  pool: CompiledPool,
  reps: readonly CompiledRep[],
  state: RoutingState,
  now: number,
  trace: number[],
  cursor: number,
  need: Need | undefined,
): Pick | undefined {
  const n = pool.members.length;
  const start = ((cursor % n) + n) % n;
  const roster = state.members?.[pool.id] ?? NO_ROSTER;
  const next: Record<string, RosterMark> = {};
  let changed = false;
  // First pass: who is available, their scores (-1: not available), the lowest who stayed.
  const scores: number[] = [];
  let lowestStayed = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const position = (start + i) % n;
    const rep = reps[pool.members[position]!]!;
    const reason = availability(rep, now, state, need);
    let score = -1;
    if (reason === Reason.Taken) {
      score = (state.load[rep.id] ?? 0) / pool.weights[position]!;
      if (roster[rep.id] === 1 && score < lowestStayed) lowestStayed = score;
    } else {
      trace.push(pack(Step.Candidate, rep.index, reason));
      // Unable to take this lead (a language, a skill) is not away: the mark stays.
      if (roster[rep.id] !== undefined) {
        if (reason === Reason.NoLanguage || reason === Reason.NoSkill) next[rep.id] = roster[rep.id]!;
        else changed = true;
      }
    }
    scores.push(score);
  }
  // Second pass: (re)entering reps below the lowest who stayed count as level with it. With
  // nobody who stayed (the pool's first decision, everyone back at once), nobody is entering.
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  let bestEntering = false;
  for (let i = 0; i < n; i++) {
    const score = scores[i]!;
    if (score < 0) continue;
    const id = reps[pool.members[(start + i) % n]!]!.id;
    const entering = roster[id] !== 1 && score < lowestStayed && lowestStayed !== Number.POSITIVE_INFINITY;
    next[id] = entering ? 2 : 1;
    if (next[id] !== roster[id]) changed = true;
    const counted = entering ? lowestStayed : score;
    if (counted < bestScore) {
      best = i;
      bestScore = counted;
      bestEntering = entering;
    }
  }
  if (best < 0) return undefined;
  const position = (start + best) % n;
  const rep = reps[pool.members[position]!]!;
  const load = Math.min(state.load[rep.id] ?? 0, 4095);
  trace.push(pack(Step.Candidate, rep.index, Reason.Taken));
  trace.push(bestEntering ? pack(Step.Entry, load, Math.min(Math.round(bestScore * pool.weights[position]!), 4095)) : pack(Step.Load, load));
  return changed ? { rep: rep.index, cursor: (position + 1) % n, roster: next } : { rep: rep.index, cursor: (position + 1) % n };
}
