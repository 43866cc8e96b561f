/**
 * A rep who (re)enters a pool — newly added, back from out of office, reactivated, on shift —
 * gets a fair share from now on, not a catch-up flood (issue 9, Deliver 2), under each strategy.
 */
import { describe, expect, it } from 'vitest';
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';
import { explain } from '../../../shared/routing/explain.ts';
import { applyStateChange, route } from '../../../shared/routing/route.ts';
import type { RoutingState } from '../../../shared/routing/types.ts';
import { emptyState, loadConfig, routable, tinyConfig } from '../helpers.ts';

type Strategy = 'round_robin' | 'weighted' | 'least_loaded';

function poolConfig(strategy: Strategy, members: NonNullable<RoutingConfigInput['pools']>[string]['members'], reps: RoutingConfigInput['reps'] = {}) {
  return loadConfig(
    tinyConfig({
      reps: { ann: { name: 'Ann' }, bob: { name: 'Bob', weight: 2 }, cat: { name: 'Cat' }, ...reps },
      pools: { p: { strategy, members } },
      routes: [{ id: 'pool', to: { pool: 'p' } }],
    }),
  );
}

/** Routing state and the owners so far, in order (to release leads as they close). */
interface Flow {
  state: RoutingState;
  owners: string[];
}

/**
 * Routes `n` leads one minute apart from `start`, carrying the state as RouterState does.
 * `closeAfter`: each lead is released (closed) that many leads later, as load reflecting open
 * leads would be; undefined: never released (the worst case for least-loaded).
 */
function flow(
  config: ReturnType<typeof poolConfig>,
  from: Flow | RoutingState,
  n: number,
  start = 0,
  closeAfter?: number,
): Flow & { counts: Record<string, number> } {
  let state = 'owners' in from ? from.state : from;
  const owners = 'owners' in from ? [...from.owners] : [];
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const decision = route(routable(), config, state, start + i * 60_000);
    const owner = decision.owner.id;
    counts[owner] = (counts[owner] ?? 0) + 1;
    state = applyStateChange(state, decision.stateChange);
    owners.push(owner);
    if (closeAfter !== undefined && owners.length > closeAfter) {
      const closed = owners[owners.length - 1 - closeAfter]!;
      state.load[closed] = Math.max(0, (state.load[closed] ?? 0) - 1);
    }
  }
  return { state, owners, counts };
}

describe('a rep added to a pool after 200 leads', () => {
  it('round-robin: exactly 1/n of the next leads', () => {
    const { state } = flow(poolConfig('round_robin', ['ann', 'bob']), emptyState(), 200);
    expect(flow(poolConfig('round_robin', ['ann', 'bob', 'cat']), state, 120).counts).toEqual({ ann: 40, bob: 40, cat: 40 });
  });

  it('weighted: its weight share of the next leads', () => {
    const { state } = flow(poolConfig('weighted', ['ann', 'bob']), emptyState(), 200);
    const { counts } = flow(poolConfig('weighted', ['ann', 'bob', 'cat']), state, 120);
    expect(counts.cat).toBeGreaterThanOrEqual(29);
    expect(counts.cat).toBeLessThanOrEqual(31);
    expect(counts.bob).toBeGreaterThanOrEqual(59);
  });

  it('least-loaded, open leads never released (the worst case): 1/n of the next leads, not all of them', () => {
    const { state } = flow(poolConfig('least_loaded', ['ann', 'cat']), emptyState(), 200);
    const { counts } = flow(poolConfig('least_loaded', ['ann', 'cat', 'dan'], { dan: { name: 'Dan' } }), state, 120);
    expect(counts.dan).toBeGreaterThanOrEqual(39);
    expect(counts.dan).toBeLessThanOrEqual(41);
  });

  it('least-loaded, leads closing as they are worked: about 1/n of the next leads', () => {
    const before = flow(poolConfig('least_loaded', ['ann', 'cat']), emptyState(), 200, 0, 30);
    const { counts } = flow(poolConfig('least_loaded', ['ann', 'cat', 'dan'], { dan: { name: 'Dan' } }), before, 120, 200 * 60_000, 30);
    expect(counts.dan).toBeGreaterThanOrEqual(35);
    expect(counts.dan).toBeLessThanOrEqual(45);
  });
});

describe('least-loaded treats a re-entering rep as level with the least-loaded colleague', () => {
  it('back from out of office: 1/n from the day it is back', () => {
    // Cat is away all of 1970-01-01 (UTC); 300 leads arrive while she is away, 120 after.
    const config = poolConfig('least_loaded', ['ann', 'bob', 'cat'], {
      bob: { name: 'Bob' },
      cat: { name: 'Cat', outOfOffice: [{ from: '1970-01-01', to: '1970-01-01' }] },
    });
    const away = flow(config, emptyState(), 300);
    expect(away.counts.cat).toBeUndefined();
    const { counts } = flow(config, away, 120, 86_400_000);
    expect(counts).toEqual({ ann: 40, bob: 40, cat: 40 });
  });

  it('coming on shift: a later time zone shares from its first hour', () => {
    const config = poolConfig('least_loaded', ['ann', 'bob'], {
      ann: { name: 'Ann', timeZone: 'America/New_York', hours: { 'mon-fri': '09:00-17:00' } },
      bob: { name: 'Bob', timeZone: 'America/Los_Angeles', hours: { 'mon-fri': '09:00-17:00' } },
    });
    const nine = Date.parse('2026-11-17T14:00:00Z'); // 09:00 in New York, 06:00 in Los Angeles
    const morning = flow(config, emptyState(), 180, nine);
    expect(morning.counts).toEqual({ ann: 180 });
    const { counts } = flow(config, morning, 60, nine + 180 * 60_000);
    expect(counts).toEqual({ ann: 30, bob: 30 });
  });

  it('a rep who stayed in the pool and has fewer open leads still takes the next ones (that is least-loaded)', () => {
    const config = poolConfig('least_loaded', ['ann', 'bob', 'cat'], { bob: { name: 'Bob' } });
    const { state } = flow(config, emptyState(), 30);
    state.load.cat = 0; // Cat closed her ten leads; Ann and Bob have ten open each.
    expect(flow(config, state, 10).counts).toEqual({ cat: 10 });
  });

  it('stops counting a rep as entering once its own open leads reach the lowest colleague', () => {
    const { state } = flow(poolConfig('least_loaded', ['ann', 'cat']), emptyState(), 20);
    const config = poolConfig('least_loaded', ['ann', 'cat', 'dan'], { dan: { name: 'Dan' } });
    const entered = flow(config, state, 1).state;
    expect(entered.members?.p).toEqual({ ann: 1, cat: 1, dan: 2 });
    entered.load.dan = 10;
    expect(flow(config, entered, 1).state.members?.p).toEqual({ ann: 1, cat: 1, dan: 1 });
  });

  it('explains the entering pick', () => {
    const { state } = flow(poolConfig('least_loaded', ['ann', 'cat']), emptyState(), 4);
    const config = poolConfig('least_loaded', ['ann', 'cat', 'dan'], { dan: { name: 'Dan' } });
    let s = state;
    let line;
    for (let i = 0; i < 3 && !line; i++) {
      const decision = route(routable(), config, s, 0);
      line = decision.owner.id === 'dan' ? explain(decision, routable(), config).find((l) => l.step === 'candidate' && l.taken) : undefined;
      s = applyStateChange(s, decision.stateChange);
    }
    expect(line).toEqual({
      step: 'candidate',
      route: 'pool',
      rep: 'dan',
      taken: true,
      reason: 'taken',
      detail: '(re)entering the pool: counted level with the least-loaded colleague (0 open, counted as 3)',
    });
  });
});
