/**
 * A routing decision's change to the routing state: applied in place (RouterState, the
 * benchmark, replays on a copy), and whether it changes anything at all.
 */
import type { RoutingState, StateChange } from './types.ts';

/**
 * Commits a decision's change to `state` **in place** and returns it: O(1) per change, writing
 * only the entries the change names (a cursor, a rep's open leads and new leads today, one
 * pool's roster), never copying the maps. RouterState calls it once per decision. A caller that
 * needs the state as it was must clone it first; `route` itself never mutates its input.
 * Fields a stored state lacks (an older version's) are created on first use.
 * @example
 * const decision = route(lead, config, state, now);
 * applyStateChange(state, decision.stateChange); // state now includes the decision
 */
export function applyStateChange(state: RoutingState, change: StateChange): RoutingState {
  if (change.cursor !== undefined) state.cursors[change.cursor.pool] = change.cursor.value;
  const rep = change.assign;
  if (rep !== undefined) {
    state.load[rep] = (state.load[rep] ?? 0) + 1;
    if (change.day !== undefined) {
      const daily = (state.daily ??= {});
      const today = daily[rep];
      if (today !== undefined && today.day === change.day) today.count += 1;
      else daily[rep] = { day: change.day, count: 1 };
    }
  }
  if (change.roster !== undefined) (state.members ??= {})[change.roster.pool] = change.roster.members;
  return state;
}

/** A copy of a state to thread decisions through, leaving the original as it is (a dry run, a replay). */
export function copyState(state: RoutingState): RoutingState {
  return JSON.parse(JSON.stringify(state)) as RoutingState;
}

/**
 * Whether applying `change` can change a state: false for a decision that moves no cursor or
 * counter (a queue, the fallback, junk), which RouterState then does not store again. Tested
 * against {@link applyStateChange} (test/unit/routing/state.test.ts), so the two cannot drift.
 */
export function movesState(change: StateChange): boolean {
  return change.cursor !== undefined || change.assign !== undefined || change.roster !== undefined;
}
