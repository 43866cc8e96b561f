/**
 * Every routing dimension of seeds/004, against the shipped example config: one lead per
 * dimension and the owner, route and strategy it must get.
 */
import { describe, expect, it } from 'vitest';
import { route } from '../../../shared/routing/route.ts';
import type { RoutableLead } from '../../../shared/routing/types.ts';
import { EU_MORNING, US_AFTERNOON, emptyState, exampleConfig, routable } from '../helpers.ts';

const config = exampleConfig();
const NIGHT_EVERYWHERE_US = Date.parse('2026-11-17T11:00:00Z'); // 03:00 in LA, 06:00 in NY

describe('routing dimensions (example config)', () => {
  it.each<[string, Partial<RoutableLead>, number, string, string, string]>([
    // name, lead, at, owner, route, strategy
    ['named account by email domain', { domain: 'acme.com', employees: 5000 }, US_AFTERNOON, 'dana', 'named-accounts', 'account_owner'],
    ['named account by parent domain', { domain: 'eu.acme.com' }, US_AFTERNOON, 'dana', 'named-accounts', 'account_owner'],
    ['named account by any depth of sub-domain', { domain: 'mail.eu.acme.com' }, US_AFTERNOON, 'dana', 'named-accounts', 'account_owner'],
    ['named account owner on PTO → backup', { domain: 'hooli.com' }, Date.parse('2026-12-22T18:30:00Z'), 'dana', 'named-accounts', 'backup'],
    [
      'named account owner off hours, no PTO → next route',
      { domain: 'hooli.com', employees: 5000, country: 'US' },
      Date.parse('2026-11-17T14:00:00Z'),
      'priya',
      'enterprise',
      'least_loaded',
    ],
    ['geography: EMEA country', { country: 'DE', employees: 5000 }, EU_MORNING, 'ingrid', 'emea', 'round_robin'],
    ['geography: US region east', { country: 'US', region: 'NY', employees: 200 }, US_AFTERNOON, 'dana', 'mid-market-east', 'round_robin'],
    ['geography: US region west', { country: 'US', region: 'CA', employees: 120 }, US_AFTERNOON, 'jordan', 'mid-market-west', 'round_robin'],
    [
      'geography: ZIP prefix → field rep',
      { formType: 'urgent_service', country: 'US', postalCode: '94107', urgency: 'urgent' },
      US_AFTERNOON,
      'tom',
      'same-day-sf',
      'direct',
    ],
    [
      'geography: other ZIP prefix → other field rep',
      { formType: 'urgent_service', country: 'US', postalCode: '95014', urgency: 'urgent' },
      US_AFTERNOON,
      'rosa',
      'same-day-south-bay',
      'direct',
    ],
    ['company size: 500+ → enterprise, least loaded', { country: 'US', region: 'TX', employees: 5000 }, US_AFTERNOON, 'priya', 'enterprise', 'least_loaded'],
    ['company size: 50-499 outside territories → weighted', { country: 'US', region: 'TX', employees: 200 }, US_AFTERNOON, 'sam', 'mid-market', 'weighted'],
    ['company size: under 50 → SMB AEs', { country: 'US', employees: 10 }, US_AFTERNOON, 'ana', 'smb', 'round_robin'],
    ['product line', { formType: 'quote_request', product: 'Payroll' }, US_AFTERNOON, 'marco', 'payroll', 'round_robin'],
    ['product line folds case', { formType: 'quote_request', product: 'payroll' }, US_AFTERNOON, 'marco', 'payroll', 'round_robin'],
    [
      'source: pricing page with a work email',
      { pagePath: '/pricing/teams', emailKind: 'work', formType: 'free_trial' },
      US_AFTERNOON,
      'ana',
      'pricing-page-work-email',
      'round_robin',
    ],
    [
      'form type: demo requests skip SDRs even when incomplete',
      { formType: 'demo_request', status: 'incomplete' },
      US_AFTERNOON,
      'ana',
      'demo-direct-to-ae',
      'round_robin',
    ],
    [
      'urgency: same-day message with a phone',
      { urgency: 'urgent', phone: '+14155550123', message: 'need it today' },
      US_AFTERNOON,
      'ian',
      'urgent-callback',
      'round_robin',
    ],
    ['language: Spanish with no country', { language: 'es' }, US_AFTERNOON, 'maria', 'latam', 'round_robin'],
    ['qualification: incomplete → slower path', { status: 'incomplete' }, US_AFTERNOON, 'ana', 'incomplete', 'round_robin'],
    ['default: round robin', {}, US_AFTERNOON, 'ana', 'round-robin', 'round_robin'],
  ])('%s', (_name, lead, at, owner, routeId, strategy) => {
    const decision = route(routable(lead), config, emptyState(), at);
    expect(decision.owner.id).toBe(owner);
    expect(decision.owner.kind).toBe('rep');
    expect(decision.route).toBe(routeId);
    expect(decision.strategy).toBe(strategy);
  });

  it.each<[string, Partial<RoutableLead>, number, string, string]>([
    ['junk goes to review before any route', { status: 'junk', domain: 'acme.com' }, US_AFTERNOON, 'junk-review', '$junk'],
    ['free tier → AI SDR queue', { formType: 'free_trial', emailKind: 'free' }, US_AFTERNOON, 'ai-sdr', 'free-tier'],
    ['nobody working → fallback queue', {}, NIGHT_EVERYWHERE_US, 'inbound-triage', '$fallback'],
    [
      'same-day request at night → dispatch queue',
      { formType: 'urgent_service', country: 'US', postalCode: '10001' },
      NIGHT_EVERYWHERE_US,
      'service-dispatch',
      'same-day-other',
    ],
  ])('%s', (_name, lead, at, queue, routeId) => {
    const decision = route(routable(lead), config, emptyState(), at);
    expect(decision.owner).toMatchObject({ kind: 'queue', id: queue });
    expect(decision.route).toBe(routeId);
    expect(decision.stateChange).toEqual({});
  });

  it('takes SLA and escalation from the route, then the form type, then the defaults', () => {
    const sameDay = route(routable({ formType: 'urgent_service', country: 'US', postalCode: '94107' }), config, emptyState(), US_AFTERNOON);
    expect(sameDay.slaMs).toBe(15 * 60_000);
    expect(sameDay.escalationId).toBe('field-service');
    expect(sameDay.escalation.map((s) => s.action)).toEqual(['reassign', 'alert_manager', 'move_to_queue']);
    const demo = route(routable({ formType: 'demo_request', employees: 10 }), config, emptyState(), US_AFTERNOON);
    expect(demo.slaMs).toBe(5 * 60_000);
    expect(demo.escalationId).toBe('standard');
    const incomplete = route(routable({ status: 'incomplete' }), config, emptyState(), US_AFTERNOON);
    expect(incomplete.slaMs).toBe(4 * 3_600_000);
  });

  it('reports the state change and leaves the state as it was', () => {
    const state = { cursors: { 'smb-ae': 1 }, load: { ben: 3 } };
    const frozen = structuredClone(state);
    const decision = route(routable({ employees: 10 }), config, state, US_AFTERNOON);
    expect(decision.owner.id).toBe('ben');
    // Ben's local day (New York, the example's default zone): for his daily count.
    expect(decision.stateChange).toEqual({
      cursor: { pool: 'smb-ae', value: 2 },
      assign: 'ben',
      day: Math.floor(Date.parse('2026-11-17T00:00:00Z') / 86_400_000),
    });
    expect(state).toEqual(frozen);
  });
});
