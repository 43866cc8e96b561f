/**
 * Invariants of the engine under generated configs, leads, states and instants (fast-check):
 * exactly one owner; no available, able rep passed over for an unavailable one; round-robin
 * spread within one; weighted pools converge to their weights; the state is never mutated by
 * `route`, is JSON as it is, and a JSON round trip between decisions changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';
import { availability } from '../../../shared/routing/availability.ts';
import { applyStateChange, compiled, route } from '../../../shared/routing/route.ts';
import { needOf } from '../../../shared/routing/team.ts';
import { Reason, Step, unpack } from '../../../shared/routing/trace.ts';
import type { RoutableLead, RoutingState } from '../../../shared/routing/types.ts';
import { emptyState, loadConfig, routable } from '../helpers.ts';

const REP_IDS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
const ZONES = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'];
const COUNTRIES = ['US', 'CA', 'DE', 'GB', 'MX'];

const arbRep = fc.record(
  {
    name: fc.constantFrom('Ann', 'Bob', 'Cat'),
    timeZone: fc.constantFrom(...ZONES),
    hours: fc.constantFrom<Record<string, string>>(
      { 'mon-fri': '09:00-17:00' },
      { 'mon-sun': '00:00-24:00' },
      { 'sat,sun': '10:00-14:00' },
      { 'mon-fri': '22:00-06:00' },
    ),
    capacity: fc.integer({ min: 0, max: 3 }),
    dailyCapacity: fc.integer({ min: 0, max: 3 }),
    languages: fc.constantFrom<string[]>(['en'], ['es'], ['en', 'es']),
    weight: fc.integer({ min: 1, max: 4 }),
    active: fc.boolean(),
    outOfOffice: fc.constantFrom<{ from: string; to: string; backup?: string }[]>(
      [],
      [{ from: '2026-06-01', to: '2026-06-30' }],
      [{ from: '2026-01-01', to: '2026-12-31', backup: 'r0' }],
    ),
  },
  { requiredKeys: ['name'] },
);

const arbWhen = fc.option(
  fc.record(
    { country: fc.constantFrom('US', ['US', 'CA'], { ne: 'DE' }), employees: fc.constantFrom({ gte: 50 }, { lt: 50 }, { gte: 10, lt: 500 }) },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const arbTarget = fc.oneof(
  fc.constantFrom(...REP_IDS).map((rep) => ({ rep })),
  fc.constantFrom('p0', 'p1').map((pool) => ({ pool })),
  fc.constant({ queue: 'q' }),
  fc.constant({ accountOwner: true as const }),
);

const arbConfig: fc.Arbitrary<RoutingConfigInput> = fc
  .record({
    reps: fc.tuple(...REP_IDS.map(() => arbRep)),
    p0: fc.record({ strategy: fc.constantFrom('round_robin', 'weighted', 'least_loaded'), members: fc.subarray(REP_IDS, { minLength: 1 }) }),
    p1: fc.record({ strategy: fc.constantFrom('round_robin', 'weighted', 'least_loaded'), members: fc.subarray(REP_IDS, { minLength: 1 }) }),
    routes: fc.array(
      fc.record({
        when: arbWhen,
        to: arbTarget,
        ifUnavailable: fc.option(arbTarget, { nil: undefined }),
        requires: fc.option(fc.constantFrom({ language: 'lead' }, { language: 'es' }), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ reps, p0, p1, routes }) => ({
    formTypes: { contact: { label: 'Contact', fields: ['email'], required: ['email'], intent: 'medium', sla: '1h' } },
    reps: Object.fromEntries(REP_IDS.map((id, i) => [id, reps[i]!])),
    pools: { p0, p1 } as RoutingConfigInput['pools'],
    queues: { q: { name: 'Q', watchers: [] }, junk: { name: 'Junk', watchers: [] }, fallback: { name: 'Fallback', watchers: [] } },
    accounts: { 'acme.com': 'r1', 'globex.com': 'r2' },
    routes: routes.map((r, i) => ({
      id: `route${i}`,
      to: r.to,
      ...(r.when ? { when: r.when } : {}),
      ...(r.ifUnavailable ? { ifUnavailable: r.ifUnavailable } : {}),
      ...(r.requires ? { requires: r.requires } : {}),
    })),
    qualification: { junkQueue: 'junk' },
    fallback: { queue: 'fallback' },
  }));

const arbLead: fc.Arbitrary<RoutableLead> = fc
  .record({
    country: fc.option(fc.constantFrom(...COUNTRIES), { nil: undefined }),
    employees: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined }),
    domain: fc.option(fc.constantFrom('acme.com', 'globex.com', 'other.com'), { nil: undefined }),
    status: fc.constantFrom('qualified', 'incomplete', 'junk'),
    language: fc.option(fc.constantFrom('en', 'es', 'de'), { nil: undefined }),
  })
  .map((l) => {
    const lead: RoutableLead = routable({ status: l.status });
    if (l.language) lead.language = l.language;
    if (l.country) lead.country = l.country;
    if (l.employees) lead.employees = l.employees;
    if (l.domain) lead.domain = l.domain;
    return lead;
  });

const arbInstantDay = fc.integer({ min: 20_450, max: 20_820 });
const arbState: fc.Arbitrary<RoutingState> = fc.record({
  cursors: fc.record({ p0: fc.nat(20), p1: fc.nat(20) }),
  load: fc.dictionary(fc.constantFrom(...REP_IDS), fc.nat(4)),
  daily: fc.dictionary(fc.constantFrom(...REP_IDS), fc.record({ day: arbInstantDay, count: fc.nat(4) })),
  members: fc.record({ p0: fc.dictionary(fc.constantFrom(...REP_IDS), fc.constantFrom<1 | 2>(1, 2)) }),
});

const arbInstant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') });

// Generous timeouts: hundreds of generated configs each, on a machine shared by several test runs.
describe('engine invariants', { timeout: 60_000 }, () => {
  it('every lead gets exactly one owner, a rep or a queue of the config, under any valid config', () => {
    fc.assert(
      fc.property(arbConfig, arbLead, arbState, arbInstant, (input, lead, state, at) => {
        const config = loadConfig(input);
        const decision = route(lead, config, state, at);
        if (decision.owner.kind === 'rep') expect(Object.keys(config.reps)).toContain(decision.owner.id);
        else expect(Object.keys(config.queues)).toContain(decision.owner.id);
        if (lead.status === 'junk') expect(decision.owner.id).toBe('junk');
      }),
      { numRuns: 400 },
    );
  });

  it('never passes an available, able rep over for one who is away, off hours, at a cap or unable', () => {
    fc.assert(
      fc.property(arbConfig, arbLead, arbState, arbInstant, (input, lead, state, at) => {
        const c = compiled(loadConfig(input));
        const decision = route(lead, c, state, at);
        if (decision.owner.kind === 'rep') {
          const owner = c.reps[c.repIndex.get(decision.owner.id)!]!;
          expect(availability(owner, at, state)).toBe(Reason.Taken);
        }
        // A pool a matched route gave up on had nobody available who met its requirement.
        for (const step of decision.trace) {
          const { tag, a } = unpack(step);
          if (tag !== Step.Unavailable) continue;
          const r = c.routes[a]!;
          if (r.target.kind !== 'pool') continue;
          const need = r.requirement && needOf(r.requirement, lead);
          for (const member of c.pools[r.target.pool]!.members) {
            expect(availability(c.reps[member]!, at, state, need)).not.toBe(Reason.Taken);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('does not mutate the state it is given', () => {
    fc.assert(
      fc.property(arbConfig, arbLead, arbState, arbInstant, (input, lead, state, at) => {
        const before = structuredClone(state);
        route(lead, loadConfig(input), state, at);
        expect(state).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('threads state as JSON: a round trip through storage between decisions changes no decision', () => {
    fc.assert(
      fc.property(arbConfig, fc.array(fc.tuple(arbLead, fc.integer({ min: 0, max: 6 * 3_600_000 })), { maxLength: 25 }), arbInstant, (input, leads, start) => {
        const config = loadConfig(input);
        const live = emptyState();
        let stored = emptyState();
        let at = start;
        for (const [lead, gap] of leads) {
          at += gap;
          const a = route(lead, config, live, at);
          const b = route(lead, config, stored, at);
          expect(b).toEqual(a);
          applyStateChange(live, a.stateChange);
          stored = JSON.parse(JSON.stringify(applyStateChange(stored, b.stateChange))) as RoutingState;
        }
        expect(stored).toEqual(live);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(arbConfig, arbLead, arbState, arbInstant, (input, lead, state, at) => {
        const config = loadConfig(input);
        expect(route(lead, config, state, at)).toEqual(route(lead, config, state, at));
      }),
      { numRuns: 200 },
    );
  });
});

function poolConfig(strategy: string, weights: number[]) {
  const reps = Object.fromEntries(weights.map((weight, i) => [`m${i}`, { name: `M${i}`, weight }]));
  return loadConfig({
    formTypes: { contact: { label: 'Contact', fields: ['email'], required: ['email'], intent: 'medium', sla: '1h' } },
    reps,
    pools: { p: { strategy, members: Object.keys(reps) } },
    queues: { q: { name: 'Q', watchers: [] } },
    routes: [{ id: 'pool', to: { pool: 'p' } }],
    qualification: { junkQueue: 'q' },
    fallback: { queue: 'q' },
  });
}

function distribute(config: ReturnType<typeof poolConfig>, leads: number): Map<string, number> {
  let state: RoutingState = { cursors: {}, load: {} };
  const counts = new Map<string, number>(Object.keys(config.reps).map((id) => [id, 0]));
  for (let i = 0; i < leads; i++) {
    const decision = route(routable(), config, state, 0);
    counts.set(decision.owner.id, counts.get(decision.owner.id)! + 1);
    state = applyStateChange(state, decision.stateChange);
  }
  return counts;
}

describe('pool strategies', () => {
  it('round-robin over any N leads spreads within one per pool member', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 200 }), (size, leads) => {
        const counts = [...distribute(poolConfig('round_robin', new Array(size).fill(1)), leads).values()];
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it('weighted pools converge to their weights: exact every full cycle, within one lead at any point', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 300 }), (weights, leads) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const config = poolConfig('weighted', weights);
        const counts = distribute(config, leads);
        weights.forEach((w, i) => {
          expect(Math.abs(counts.get(`m${i}`)! - (leads * w) / total)).toBeLessThan(1 + 1e-9);
        });
        const cycles = distribute(config, total * 3);
        weights.forEach((w, i) => expect(cycles.get(`m${i}`)).toBe(3 * w));
      }),
      { numRuns: 100 },
    );
  });

  it('least-loaded takes the rep with the fewest open leads per unit of weight, ties in rotation', () => {
    const config = poolConfig('least_loaded', [1, 1, 2]);
    // m2 has the most open leads but twice the weight: 5/2 < 3/1.
    expect(route(routable(), config, { cursors: {}, load: { m0: 3, m1: 3, m2: 5 } }, 0).owner.id).toBe('m2');
    expect(route(routable(), config, { cursors: {}, load: { m0: 3, m1: 2, m2: 5 } }, 0).owner.id).toBe('m1');
    // Equal loads: the rotation decides, starting at the cursor.
    expect(route(routable(), config, { cursors: { p: 1 }, load: {} }, 0).owner.id).toBe('m1');
    expect(route(routable(), config, { cursors: { p: 1 }, load: {} }, 0).stateChange.cursor).toEqual({ pool: 'p', value: 2 });
  });
});

describe('route index', () => {
  it('never changes a decision: routing with the index equals routing through every route', () => {
    const countries = ['US', 'CA', 'GB', 'DE', 'MX'];
    const config = loadConfig({
      formTypes: { contact: { label: 'Contact', fields: ['email'], required: ['email'], intent: 'medium', sla: '1h' } },
      reps: { a: { name: 'A' }, b: { name: 'B', hours: { 'mon-fri': '09:00-17:00' } } },
      queues: { q: { name: 'Q', watchers: [] } },
      routes: [
        ...countries.flatMap((country) => [
          { id: `${country}-small`, when: { country, employees: { lt: 50 } }, to: { rep: 'b' } },
          { id: `${country}-list`, when: [{ country: [country, 'US'] }, { country, language: 'es' }], to: { queue: 'q' } },
        ]),
        { id: 'es', when: { language: 'es' }, to: { rep: 'a' } },
      ],
      qualification: { junkQueue: 'q' },
      fallback: { queue: 'q' },
    });
    const indexed = compiled(config);
    expect(indexed.index.slot).toBeGreaterThanOrEqual(0);
    const unindexed = { ...indexed, index: { slot: -1, byValue: new Map(), other: indexed.routes.map((r) => r.index) } };
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...countries, 'JP'), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
        fc.constantFrom('en', 'es'),
        arbInstant,
        (country, employees, language, at) => {
          const lead = routable({ language });
          if (country) lead.country = country;
          if (employees) lead.employees = employees;
          expect(route(lead, indexed, emptyState(), at)).toEqual(route(lead, unindexed, emptyState(), at));
        },
      ),
      { numRuns: 300 },
    );
  });
});
