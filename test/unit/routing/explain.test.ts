/** The decision trace, explained: every route in order and every candidate with its reason. */
import { describe, expect, it } from 'vitest';
import { explain, summarize } from '../../../shared/routing/explain.ts';
import { route } from '../../../shared/routing/route.ts';
import { US_AFTERNOON, emptyState, exampleConfig, routable } from '../helpers.ts';

const config = exampleConfig();

describe('explain', () => {
  it('lists each route before the match with the condition that failed, then the match and the candidates', () => {
    const lead = routable({ country: 'US', region: 'TX', employees: 200, domain: 'lonestar.co' });
    const decision = route(lead, config, { cursors: { 'mid-market': 0 }, load: {} }, US_AFTERNOON);
    expect(explain(decision, lead, config)).toEqual([
      { step: 'route', route: 'named-accounts', matched: false, reason: 'lonestar.co is not a named account' },
      { step: 'route', route: 'same-day-sf', matched: false, reason: 'formType "contact" is not "urgent_service"' },
      { step: 'route', route: 'same-day-south-bay', matched: false, reason: 'formType "contact" is not "urgent_service"' },
      { step: 'route', route: 'same-day-other', matched: false, reason: 'formType "contact" is not "urgent_service"' },
      { step: 'route', route: 'urgent-callback', matched: false, reason: 'urgency "normal" is not "urgent"' },
      { step: 'route', route: 'emea', matched: false, reason: 'the lead is in no territory' },
      { step: 'route', route: 'latam', matched: false, reason: 'the lead is in no territory; and language is missing' },
      { step: 'route', route: 'enterprise', matched: false, reason: 'employees 200 not ≥ 500' },
      { step: 'route', route: 'mid-market-east', matched: false, reason: 'the lead is in no territory' },
      { step: 'route', route: 'mid-market-west', matched: false, reason: 'the lead is in no territory' },
      { step: 'route', route: 'mid-market', matched: true, reason: 'employees 200 ≥ 50' },
      { step: 'candidate', route: 'mid-market', rep: 'sam', taken: true, reason: 'taken', detail: 'next in the weighted rotation' },
      { step: 'candidate', route: 'mid-market', rep: 'jordan', taken: false, reason: 'not_next', detail: 'not next in the weighted rotation' },
      { step: 'candidate', route: 'mid-market', rep: 'marco', taken: false, reason: 'not_next', detail: 'not next in the weighted rotation' },
    ]);
    expect(summarize(decision)).toBe('Sam Patel via mid-market (weighted in pool mid-market), respond within 4 h');
  });

  it('explains a fallback after every route failed or found nobody', () => {
    const lead = routable();
    const sundayNight = Date.parse('2026-11-22T10:00:00Z');
    const decision = route(lead, config, emptyState(), sundayNight);
    const lines = explain(decision, lead, config);
    expect(lines.filter((l) => l.step === 'route')).toHaveLength(config.routes.length + 1);
    expect(lines).toContainEqual({ step: 'route', route: 'round-robin', matched: false, reason: 'nobody it names is available now; trying the next route' });
    expect(lines.at(-1)).toEqual({ step: 'fallback', queue: 'inbound-triage', reason: 'no route took the lead: the fallback queue owns it' });
  });

  it('explains least-loaded picks with the open-lead count', () => {
    const lead = routable({ employees: 5000, country: 'US' });
    const decision = route(lead, config, { cursors: {}, load: { priya: 4, marco: 2 } }, US_AFTERNOON);
    const candidates = explain(decision, lead, config).filter((l) => l.step === 'candidate');
    expect(candidates).toEqual([
      { step: 'candidate', route: 'enterprise', rep: 'marco', taken: true, reason: 'taken', detail: 'fewest open leads per unit of weight (2 open)' },
      { step: 'candidate', route: 'enterprise', rep: 'priya', taken: false, reason: 'more_loaded', detail: 'as many open leads or more, per unit of weight' },
    ]);
  });
});
