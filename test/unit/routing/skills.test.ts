/**
 * Skills, languages first (issue 9, case 8): a route can require a speaker of the lead's
 * language (or a fixed language, fixed skills, the lead's product as a skill); the engine skips
 * reps who lack it, says so in the trace, and falls through to `ifUnavailable` when nobody fits.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/parse.ts';
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';
import { explain } from '../../../shared/routing/explain.ts';
import { applyStateChange, route } from '../../../shared/routing/route.ts';
import type { RoutableLead, RoutingState } from '../../../shared/routing/types.ts';
import { emptyState, loadConfig, routable, tinyConfig } from '../helpers.ts';

const REPS = {
  ann: { name: 'Ann', languages: ['en'] },
  bea: { name: 'Bea', languages: ['es', 'en'], skills: ['product:payroll'] },
  cat: { name: 'Cat', languages: ['es'], skills: ['Product:Payments', 'enterprise'] },
  dan: { name: 'Dan', skills: ['enterprise'] },
};

function spanishConfig(requires: unknown, extra: Partial<RoutingConfigInput['routes'][number]> = {}, reps: RoutingConfigInput['reps'] = REPS) {
  return loadConfig(
    tinyConfig({
      reps,
      pools: { mixed: { strategy: 'round_robin', members: ['ann', 'bea'] }, all: { strategy: 'round_robin', members: ['ann', 'bea', 'cat', 'dan'] } },
      routes: [{ id: 'spanish', when: { language: 'es' }, to: { pool: 'mixed' }, requires: requires as never, ...extra }],
    }),
  );
}

/** Owners of `n` leads routed in a row, the state carried as production carries it. */
function owners(config: ReturnType<typeof loadConfig>, lead: RoutableLead, n: number): string[] {
  let state: RoutingState = emptyState();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const decision = route(lead, config, state, 0);
    out.push(decision.owner.id);
    state = applyStateChange(state, decision.stateChange);
  }
  return out;
}

describe('requires.language', () => {
  it('without a requirement, a Spanish lead rotates through an English-only and a Spanish-speaking rep (today)', () => {
    expect(owners(spanishConfig(undefined), routable({ language: 'es' }), 4)).toEqual(['ann', 'bea', 'ann', 'bea']);
  });

  it('"lead": every Spanish lead goes to the Spanish speaker', () => {
    expect(owners(spanishConfig({ language: 'lead' }), routable({ language: 'es' }), 4)).toEqual(['bea', 'bea', 'bea', 'bea']);
  });

  it('explains the rep passed over in words', () => {
    const config = spanishConfig({ language: 'lead' });
    const lead = routable({ language: 'es' });
    const decision = route(lead, config, emptyState(), 0);
    const lines = explain(decision, lead, config);
    expect(lines).toContainEqual({ step: 'route', route: 'spanish', matched: true, reason: 'language "es" is "es"; needs a speaker of es' });
    expect(lines).toContainEqual({ step: 'candidate', route: 'spanish', rep: 'ann', taken: false, reason: 'no_language', detail: 'does not speak es' });
    expect(lines).toContainEqual({ step: 'candidate', route: 'spanish', rep: 'bea', taken: true, reason: 'taken', detail: 'next in rotation' });
  });

  it('falls through to ifUnavailable when no speaker is available', () => {
    const config = spanishConfig({ language: 'lead' }, { ifUnavailable: { queue: 'triage' } }, { ...REPS, bea: { ...REPS.bea, active: false } });
    const lead = routable({ language: 'es' });
    const decision = route(lead, config, emptyState(), 0);
    expect(decision.owner).toMatchObject({ kind: 'queue', id: 'triage' });
    expect(decision.route).toBe('spanish');
    const reasons = explain(decision, lead, config).flatMap((l) => (l.step === 'candidate' ? [`${l.rep}:${l.reason}`] : []));
    expect(reasons).toEqual(['ann:no_language', 'bea:inactive']);
  });

  it('falls through to the next route when the route has no ifUnavailable', () => {
    const config = loadConfig(
      tinyConfig({
        reps: REPS,
        pools: { english: { strategy: 'round_robin', members: ['ann'] } },
        routes: [
          { id: 'spanish', when: { language: 'es' }, to: { pool: 'english' }, requires: { language: 'lead' } },
          { id: 'anyone', to: { rep: 'dan' } },
        ],
      }),
    );
    expect(route(routable({ language: 'es' }), config, emptyState(), 0)).toMatchObject({ route: 'anyone', owner: { id: 'dan' } });
  });

  it('a lead with no language carries no language requirement: any member may take it, and the trace says so', () => {
    const config = loadConfig(
      tinyConfig({
        reps: REPS,
        pools: { mixed: { strategy: 'round_robin', members: ['ann', 'bea'] } },
        routes: [{ id: 'all', to: { pool: 'mixed' }, requires: { language: 'lead' } }],
      }),
    );
    const lead = routable();
    expect(owners(config, lead, 2)).toEqual(['ann', 'bea']);
    const decision = route(lead, config, emptyState(), 0);
    expect(explain(decision, lead, config)[0]).toEqual({
      step: 'route',
      route: 'all',
      matched: true,
      reason: "every lead reaching this route; the lead's language (or product) is unknown, so any member may take it",
    });
  });

  it('a fixed language is required whatever the lead speaks', () => {
    const config = spanishConfig({ language: 'es' });
    expect(owners(config, routable({ language: 'es' }), 2)).toEqual(['bea', 'bea']);
  });

  it('applies to a direct rep and to an out-of-office backup', () => {
    const config = loadConfig(
      tinyConfig({
        reps: {
          ann: { name: 'Ann', languages: ['es'], outOfOffice: [{ from: '2026-01-01', to: '2026-12-31', backup: 'bob' }] },
          bob: { name: 'Bob', languages: ['en'] },
          cat: { name: 'Cat' },
        },
        routes: [
          { id: 'ann', to: { rep: 'ann' }, requires: { language: 'lead' } },
          { id: 'rest', to: { rep: 'cat' } },
        ],
      }),
    );
    const lead = routable({ language: 'es' });
    const decision = route(lead, config, emptyState(), Date.parse('2026-06-01T12:00:00Z'));
    expect(decision.owner.id).toBe('cat');
    const reasons = explain(decision, lead, config).flatMap((l) => (l.step === 'candidate' ? [`${l.rep}:${l.reason}`] : []));
    expect(reasons).toEqual(['ann:out_of_office', 'bob:no_language', 'cat:taken']);
  });

  it('applies to least-loaded and weighted pools too', () => {
    for (const strategy of ['least_loaded', 'weighted'] as const) {
      const config = loadConfig(
        tinyConfig({
          reps: REPS,
          pools: { p: { strategy, members: ['ann', 'bea', 'cat'] } },
          routes: [{ id: 'r', to: { pool: 'p' }, requires: { language: 'lead' } }],
        }),
      );
      expect(new Set(owners(config, routable({ language: 'es' }), 6))).toEqual(new Set(['bea', 'cat']));
    }
  });
});

describe('requires.skills and requires.product', () => {
  const config = loadConfig(
    tinyConfig({
      reps: REPS,
      pools: { all: { strategy: 'round_robin', members: ['ann', 'bea', 'cat', 'dan'] } },
      routes: [
        { id: 'big', when: { employees: { gte: 500 } }, to: { pool: 'all' }, requires: { skills: ['Enterprise'] } },
        { id: 'quotes', when: { product: { exists: true } }, to: { pool: 'all' }, requires: { product: 'lead' } },
        { id: 'spanish-big', when: { country: 'MX' }, to: { pool: 'all' }, requires: { language: 'lead', skills: ['enterprise'] } },
      ],
    }),
  );

  it('a fixed skill (folded like text) takes only reps who have it', () => {
    expect(owners(config, routable({ employees: 900 }), 4)).toEqual(['cat', 'dan', 'cat', 'dan']);
  });

  it("the lead's product is required as the skill product:<product>", () => {
    expect(owners(config, routable({ product: 'Payroll' }), 2)).toEqual(['bea', 'bea']);
    expect(owners(config, routable({ product: 'payments' }), 2)).toEqual(['cat', 'cat']);
    const lead = routable({ product: 'Payroll' });
    const lines = explain(route(lead, config, emptyState(), 0), lead, config);
    expect(lines).toContainEqual({
      step: 'candidate',
      route: 'quotes',
      rep: 'ann',
      taken: false,
      reason: 'no_skill',
      detail: 'lacks the skill product:payroll',
    });
  });

  it('language and skills together', () => {
    expect(owners(config, routable({ country: 'MX', language: 'es' }), 2)).toEqual(['cat', 'cat']);
  });

  it('nobody with the skill: the lead goes on to the fallback', () => {
    expect(route(routable({ product: 'Analytics' }), config, emptyState(), 0).owner.id).toBe('triage');
  });
});

describe('requires in the config', () => {
  it('refuses an unknown requirement and a bad language code', () => {
    const bad = parseConfig(tinyConfig({ routes: [{ id: 'r', to: { rep: 'ann' }, requires: { language: 'Spanish' } }] }));
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['routes[0] "r".requires.language']);
  });

  it('warns when no rep the route names can ever meet a fixed requirement', () => {
    const parsed = parseConfig(tinyConfig({ reps: REPS, routes: [{ id: 'german', to: { rep: 'ann' }, requires: { language: 'de', skills: ['gov'] } }] }));
    expect(parsed.ok && parsed.warnings).toEqual([
      { path: 'routes[0] "german" requires.language', message: 'nobody route "german" sends to speaks de: it never takes a lead' },
      { path: 'routes[0] "german" requires.skills', message: 'nobody route "german" sends to has the skill gov: it never takes a lead' },
    ]);
  });

  it('warns that a requirement on a queue has no effect', () => {
    const parsed = parseConfig(tinyConfig({ routes: [{ id: 'q', to: { queue: 'triage' }, requires: { language: 'lead' } }] }));
    expect(parsed.ok && parsed.warnings).toEqual([{ path: 'routes[0] "q" requires', message: 'a queue takes any lead: the requirement has no effect' }]);
  });
});
