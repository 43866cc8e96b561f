/** "Why you": the matched route and the pick, from a real decision's explained trace. */
import { describe, expect, it } from 'vitest';
import { whyLines } from '../../../shared/messages/why.ts';
import { explain } from '../../../shared/routing/explain.ts';
import { route } from '../../../shared/routing/route.ts';
import { US_AFTERNOON, emptyState, exampleConfig, routable } from '../helpers.ts';

const config = exampleConfig();

describe('whyLines', () => {
  it('gives the matched route and the taken candidate', () => {
    const lead = routable({ country: 'US', region: 'TX', employees: 200, domain: 'lonestar.co' });
    const decision = route(lead, config, { cursors: { 'mid-market': 0 }, load: {} }, US_AFTERNOON);
    expect(whyLines(explain(decision, lead, config), { sam: 'Sam Patel' })).toEqual([
      'Route mid-market: employees 200 ≥ 50',
      'Sam Patel: next in the weighted rotation',
    ]);
  });

  it('falls back to the rep id without a name', () => {
    const lead = routable({ employees: 5000, country: 'US' });
    const decision = route(lead, config, { cursors: {}, load: { priya: 4, marco: 2 } }, US_AFTERNOON);
    expect(whyLines(explain(decision, lead, config))[1]).toBe('marco: fewest open leads per unit of weight (2 open)');
  });

  it('gives the fallback reason when no route took the lead', () => {
    const lead = routable();
    const decision = route(lead, config, emptyState(), Date.parse('2026-11-22T10:00:00Z'));
    expect(whyLines(explain(decision, lead, config))).toEqual(['No route took the lead: the fallback queue owns it']);
  });

  it('gives the junk reason for junk', () => {
    const lead = routable({ status: 'junk' });
    const decision = route(lead, config, emptyState(), US_AFTERNOON);
    expect(whyLines(explain(decision, lead, config))).toEqual(['Qualified as junk: junk is reviewed by a person, never sent to a rep or confirmed']);
  });
});
