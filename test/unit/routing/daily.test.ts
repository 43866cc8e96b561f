/**
 * Per-rep daily caps (issue 9, Deliver 2): `dailyCapacity` is the most new leads a rep takes in
 * one day, the day on the rep's own wall clock; the engine counts assignments per local day.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../../shared/routing/explain.ts';
import { reassign } from '../../../shared/routing/reassign.ts';
import { applyStateChange, route } from '../../../shared/routing/route.ts';
import type { RoutingState } from '../../../shared/routing/types.ts';
import { emptyState, loadConfig, routable, tinyConfig } from '../helpers.ts';

const config = loadConfig(
  tinyConfig({
    reps: {
      ann: { name: 'Ann', timeZone: 'America/New_York', dailyCapacity: 2 },
      bob: { name: 'Bob' },
      cat: { name: 'Cat', timeZone: 'Asia/Tokyo', dailyCapacity: 1 },
    },
    pools: { p: { strategy: 'round_robin', members: ['ann', 'bob'] } },
    routes: [{ id: 'ann', when: { company: { exists: false } }, to: { rep: 'ann' }, ifUnavailable: { rep: 'bob' } }],
  }),
);

/** Routes a lead at each instant in turn, carrying the state; returns the owners and the state. */
function run(instants: string[], state: RoutingState = emptyState()): { owners: string[]; state: RoutingState } {
  const owners = instants.map((at) => {
    const decision = route(routable(), config, state, Date.parse(at));
    state = applyStateChange(state, decision.stateChange);
    return decision.owner.id;
  });
  return { owners, state };
}

// Tuesday 2026-11-17: 10:00 in New York is 15:00Z; midnight in New York is 05:00Z.
const TUESDAY_NY = ['2026-11-17T15:00:00Z', '2026-11-17T15:10:00Z', '2026-11-17T15:20:00Z'];

describe('dailyCapacity', () => {
  it('takes at most that many new leads on one local day; the next goes on', () => {
    expect(run(TUESDAY_NY).owners).toEqual(['ann', 'ann', 'bob']);
  });

  it("counts the day on the rep's own wall clock", () => {
    // 23:30 on Tuesday in New York (04:30Z Wednesday) is still Tuesday for Ann; 00:30 is Wednesday.
    expect(run([...TUESDAY_NY, '2026-11-18T04:30:00Z', '2026-11-18T05:30:00Z', '2026-11-18T05:40:00Z', '2026-11-18T05:50:00Z']).owners).toEqual([
      'ann',
      'ann',
      'bob',
      'bob',
      'ann',
      'ann',
      'bob',
    ]);
  });

  it('keeps the count in the state as the local day number and the count, JSON as it is', () => {
    const { state } = run(TUESDAY_NY);
    const tuesday = Math.floor(Date.parse('2026-11-17T00:00:00Z') / 86_400_000);
    expect(state.daily).toEqual({ ann: { day: tuesday, count: 2 }, bob: { day: tuesday, count: 1 } });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('a count of an earlier day counts as none', () => {
    const stale: RoutingState = { cursors: {}, load: {}, daily: { ann: { day: 1, count: 99 } } };
    expect(run(TUESDAY_NY, stale).owners).toEqual(['ann', 'ann', 'bob']);
  });

  it('a state written before daily counts existed routes as an empty one', () => {
    expect(route(routable(), config, { cursors: {}, load: {} }, Date.parse(TUESDAY_NY[0]!)).owner.id).toBe('ann');
  });

  it('says why in the trace', () => {
    const { state } = run(TUESDAY_NY.slice(0, 2));
    const decision = route(routable(), config, state, Date.parse(TUESDAY_NY[2]!));
    const lines = explain(decision, routable(), config);
    expect(lines).toContainEqual({
      step: 'candidate',
      route: 'ann',
      rep: 'ann',
      taken: false,
      reason: 'at_daily_cap',
      detail: 'at daily cap (2 new leads today in America/New_York)',
    });
  });

  it('counts leads given by reassignment too', () => {
    const result = reassign('p', 'bob', config, emptyState(), Date.parse(TUESDAY_NY[0]!));
    expect(result.ok && result.stateChange).toEqual({ assign: 'ann', day: Math.floor(Date.parse('2026-11-17T00:00:00Z') / 86_400_000) });
  });

  it('a cap of 1 in Tokyo', () => {
    const tokyo = loadConfig(
      tinyConfig({ reps: { cat: { name: 'Cat', timeZone: 'Asia/Tokyo', dailyCapacity: 1 } }, routes: [{ id: 'cat', to: { rep: 'cat' } }] }),
    );
    let state = emptyState();
    const owners = ['2026-11-17T14:00:00Z', '2026-11-17T14:30:00Z', '2026-11-17T15:00:00Z'].map((at) => {
      const decision = route(routable(), tokyo, state, Date.parse(at));
      state = applyStateChange(state, decision.stateChange);
      return decision.owner.id;
    });
    // 23:00 and 23:30 on the 17th in Tokyo, then 00:00 on the 18th.
    expect(owners).toEqual(['cat', 'triage', 'cat']);
  });
});
