/**
 * The current owner first (issue 11): the engine routes on the account the Worker matched before
 * routing (`lead.account`) and on the known contact's owner (`lead.contactOwner`), with the same
 * availability handling as any rep; a doubtful match is carried, shown, and not routed on.
 */
import { describe, expect, it } from 'vitest';
import type { LeadAccount } from '../../../shared/accounts/types.ts';
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';
import { explain } from '../../../shared/routing/explain.ts';
import { route } from '../../../shared/routing/route.ts';
import { US_AFTERNOON, emptyState, exampleConfig, loadConfig, readExample, routable } from '../helpers.ts';

const config = exampleConfig();
const usBank: LeadAccount = {
  id: 'salesforce:001A',
  name: 'US Bancorp',
  source: 'salesforce',
  owner: 'lee',
  tier: 'tier_1',
  customer: true,
  customerSince: '2019-05-01',
  matchedBy: 'name',
  confidence: 0.93,
  matchedOn: 'U.S. Bank',
};

/** The example config with a contact-owner route first. */
function withContactRoute(extra: Partial<RoutingConfigInput> = {}) {
  const input = readExample();
  input.routes.unshift({ id: 'known-contacts', to: { contactOwner: true } });
  return loadConfig({ ...input, ...extra });
}

describe('account owner from the index', () => {
  it('matches a config account at any sub-domain depth', () => {
    const decision = route(routable({ domain: 'a.b.eu.acme.com' }), config, emptyState(), US_AFTERNOON);
    expect(decision.route).toBe('named-accounts');
    expect(decision.owner.id).toBe('dana');
  });

  it("routes a lead the Worker matched to an index account to that account's owner", () => {
    const decision = route(routable({ company: 'U.S. Bank', account: usBank }), config, emptyState(), US_AFTERNOON);
    expect(decision.route).toBe('named-accounts');
    expect(decision.strategy).toBe('account_owner');
    expect(decision.owner.id).toBe('lee');
    expect(decision.confidence).toBeUndefined();
  });

  it('covers an out-of-office account owner with their backup, as for any rep', () => {
    const decision = route(routable({ account: usBank }), config, emptyState(), Date.parse('2026-12-22T18:30:00Z'));
    expect(decision.owner.id).toBe('dana');
    expect(decision.strategy).toBe('backup');
  });

  it('does not route on a match below the configured confidence, and marks the decision low-confidence', () => {
    const doubtful = { ...usBank, confidence: 0.81 };
    const decision = route(routable({ account: doubtful, employees: 10, country: 'US' }), config, emptyState(), US_AFTERNOON);
    expect(decision.route).not.toBe('named-accounts');
    expect(decision.confidence?.level).toBe('low');
    expect(decision.confidence?.reasons.join(' ')).toMatch(/US Bancorp.*0\.81/);
    // The threshold is the config's.
    const lenient = loadConfig({ ...readExample(), accountIndex: { minConfidence: 0.8 } });
    expect(route(routable({ account: doubtful }), lenient, emptyState(), US_AFTERNOON).owner.id).toBe('lee');
  });

  it('explains the match in the trace', () => {
    const lead = routable({ account: usBank });
    const lines = explain(route(lead, config, emptyState(), US_AFTERNOON), lead, config);
    expect(lines[0]).toMatchObject({ step: 'account', used: true });
    expect(lines[0]!.step === 'account' && lines[0]!.reason).toContain("matched 'US Bancorp' by name, 0.93");
    expect(lines[0]!.step === 'account' && lines[0]!.reason).toContain('customer since 2019-05-01');
  });

  it('lets routes test the account tier, customers and known contacts', () => {
    const input = readExample();
    input.routes.unshift({ id: 'tier-1-customers', when: { accountTier: 'TIER_1', existingCustomer: true }, to: { rep: 'priya' } });
    const tiered = loadConfig(input);
    expect(route(routable({ account: usBank }), tiered, emptyState(), US_AFTERNOON).route).toBe('tier-1-customers');
    expect(route(routable({ account: { ...usBank, confidence: 0.5 } }), tiered, emptyState(), US_AFTERNOON).route).not.toBe('tier-1-customers');
  });
});

describe('contact owner', () => {
  it('sends a known contact to its owner', () => {
    const decision = route(routable({ contactOwner: 'marco', account: usBank }), withContactRoute(), emptyState(), US_AFTERNOON);
    expect(decision.route).toBe('known-contacts');
    expect(decision.owner.id).toBe('marco');
  });

  it('passes over a lead that is no known contact, saying so', () => {
    const contactConfig = withContactRoute();
    const lead = routable({ account: usBank });
    const decision = route(lead, contactConfig, emptyState(), US_AFTERNOON);
    expect(decision.route).toBe('named-accounts');
    expect(explain(decision, lead, contactConfig).find((l) => l.step === 'route' && l.route === 'known-contacts')).toMatchObject({
      matched: false,
      reason: expect.stringContaining('no known contact'),
    });
  });

  it('handles the contact owner at capacity like any rep: the next route takes the lead', () => {
    const decision = route(
      routable({ contactOwner: 'priya', employees: 10, country: 'US' }),
      withContactRoute(),
      { cursors: {}, load: { priya: 30 } },
      US_AFTERNOON,
    );
    expect(decision.route).not.toBe('known-contacts');
  });

  it('refuses a contact owner who is no rep of the config (the Worker resolves owners; a stale one is ignored)', () => {
    const decision = route(routable({ contactOwner: 'nobody', employees: 10, country: 'US' }), withContactRoute(), emptyState(), US_AFTERNOON);
    expect(decision.route).not.toBe('known-contacts');
  });
});
