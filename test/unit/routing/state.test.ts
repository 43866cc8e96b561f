/**
 * `applyStateChange` (issue 13, Deliver 6): RouterState calls it once per decision, so it updates
 * the state in place, touching only the entries the change names, never copying whole maps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestLeadFileSchema, runTestLeads } from '../../../shared/config/test-leads.ts';
import { applyStateChange, movesState } from '../../../shared/routing/route.ts';
import type { RoutingState } from '../../../shared/routing/types.ts';
import { exampleConfig } from '../helpers.ts';

describe('applyStateChange', () => {
  it('updates the state it is given in place and returns it', () => {
    const cursors = { p: 1, q: 4 };
    const load = { ann: 2, bob: 7 };
    const state: RoutingState = { cursors, load };
    const after = applyStateChange(state, { cursor: { pool: 'p', value: 2 }, assign: 'ann', day: 20_409 });
    expect(after).toBe(state);
    expect(after.cursors).toBe(cursors);
    expect(after.load).toBe(load);
    expect(after).toEqual({ cursors: { p: 2, q: 4 }, load: { ann: 3, bob: 7 }, daily: { ann: { day: 20_409, count: 1 } } });
  });

  it('counts new leads per local day: the same day adds one, another day starts again at one', () => {
    const state: RoutingState = { cursors: {}, load: {}, daily: { ann: { day: 20_409, count: 4 }, bob: { day: 20_400, count: 9 } } };
    applyStateChange(state, { assign: 'ann', day: 20_409 });
    applyStateChange(state, { assign: 'bob', day: 20_409 });
    expect(state.daily).toEqual({ ann: { day: 20_409, count: 5 }, bob: { day: 20_409, count: 1 } });
  });

  it('replaces the roster of the pool the change names, and no other', () => {
    const state: RoutingState = { cursors: {}, load: {}, members: { p: { ann: 1 }, q: { bob: 1 } } };
    applyStateChange(state, { roster: { pool: 'p', members: { ann: 1, cat: 2 } } });
    expect(state.members).toEqual({ p: { ann: 1, cat: 2 }, q: { bob: 1 } });
  });

  it('an empty change (a queue) changes nothing', () => {
    const state: RoutingState = { cursors: { p: 1 }, load: { ann: 1 } };
    expect(applyStateChange(state, {})).toEqual({ cursors: { p: 1 }, load: { ann: 1 } });
  });

  it('accepts a state stored before daily counts and rosters existed (missing means empty)', () => {
    const stored = JSON.parse('{"cursors":{},"load":{"ann":1}}') as RoutingState;
    applyStateChange(stored, { assign: 'ann', day: 3, roster: { pool: 'p', members: { ann: 1 } } });
    expect(JSON.parse(JSON.stringify(stored))).toEqual({ cursors: {}, load: { ann: 2 }, daily: { ann: { day: 3, count: 1 } }, members: { p: { ann: 1 } } });
  });

  it('an assignment without a day (a decision made before daily counts) counts only the open lead', () => {
    const state: RoutingState = { cursors: {}, load: {} };
    applyStateChange(state, { assign: 'ann' });
    expect(state).toEqual({ cursors: {}, load: { ann: 1 } });
  });

  it('test leads (a dry run) thread a copy, leaving the state they were given as it was', () => {
    const initial: RoutingState = { cursors: { 'smb-ae': 1 }, load: { ben: 2 } };
    const file = TestLeadFileSchema.parse({
      at: '2026-11-17T18:30:00Z',
      leads: [
        { name: 'x', formType: 'contact', fields: { firstName: 'Robin', email: 'robin@smallbiz.com', message: 'Call me', company: 'Small', country: 'US' } },
      ],
    });
    const [result] = runTestLeads(file, exampleConfig(), 0, initial);
    expect(result!.decision!.owner.kind).toBe('rep');
    expect(initial).toEqual({ cursors: { 'smb-ae': 1 }, load: { ben: 2 } });
  });
});

describe('movesState', () => {
  const id = fc.constantFrom('p', 'q', 'ann', 'bob');
  const state = fc.record({
    cursors: fc.dictionary(id, fc.nat(5)),
    load: fc.dictionary(id, fc.nat(5)),
    daily: fc.dictionary(id, fc.record({ day: fc.nat(3), count: fc.nat(5) })),
  });
  const change = fc.record(
    {
      cursor: fc.record({ pool: id, value: fc.nat(5) }),
      assign: id,
      day: fc.nat(3),
      roster: fc.record({ pool: id, members: fc.constant({}) }),
    },
    { requiredKeys: [] },
  );

  it('is false only for changes that leave any state exactly as it was (what RouterState then does not store)', () => {
    fc.assert(
      fc.property(state, change, (before, c) => {
        const after = applyStateChange(structuredClone(before), c);
        if (!movesState(c)) expect(after).toEqual(before);
      }),
    );
  });

  it('is true for a change that moves a counter', () => {
    expect(movesState({ assign: 'ann' })).toBe(true);
    expect(movesState({ day: 3 })).toBe(false);
    expect(movesState({})).toBe(false);
  });
});
