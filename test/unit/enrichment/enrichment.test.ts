/**
 * Enrichment's pure parts (issue 11, Deliver 6): the providers' answers read into our units
 * (the generic contract, Apollo's organization), the precedence between what the person typed
 * and what enrichment says, and the trace line that marks enriched fields; and a source's lead
 * prepared leniently (Deliver 5).
 */
import { describe, expect, it } from 'vitest';
import { applyFirmographics, enrichmentPolicy, foundFields } from '../../../shared/enrichment/apply.ts';
import { readApolloAnswer, readGenericAnswer } from '../../../shared/enrichment/contract.ts';
import { describeEnrichment } from '../../../shared/enrichment/trace.ts';
import type { EnrichmentMark } from '../../../shared/enrichment/types.ts';
import { prepareSourceLead, sourceConfirmationSkipped, sourceFormType } from '../../../shared/sources/prepare.ts';
import { exampleConfig, routable } from '../helpers.ts';

const MARK: EnrichmentMark = { by: 'Apollo', at: 0, status: 'filled' };

describe('reading providers’ answers', () => {
  it.each([
    ['a head count and a country name', { employees: 250, country: 'United Kingdom' }, { employees: 250, country: 'GB' }],
    ['a range as text', { employees: '200-500' }, { employees: 200, employeesMax: 500 }],
    [
      'intent as topics and strengths',
      {
        intent: [
          { topic: 'Payments', strength: 72 },
          { topic: 'Fraud', score: 'low' },
        ],
      },
      { intentTopics: ['payments', 'fraud'], intentStrength: 72 },
    ],
    [
      'a nested company',
      { company: { name: 'Acme', domain: 'https://www.acme.com/' }, tier: 'tier_2' },
      { company: 'Acme', domain: 'acme.com', tier: 'tier_2' },
    ],
    ['nothing usable', { employees: 'many', country: 'Atlantis' }, undefined],
  ])('the generic contract: %s', (_what, body, expected) => {
    expect(readGenericAnswer(body)).toEqual(expected);
  });

  it("reads Apollo's organization, and its empty answer as no match", () => {
    expect(
      readApolloAnswer({
        organization: {
          name: 'Apollo.io',
          primary_domain: 'apollo.io',
          industry: 'information technology & services',
          estimated_num_employees: 1600,
          country: 'United States',
        },
      }),
    ).toEqual({
      company: 'Apollo.io',
      domain: 'apollo.io',
      industry: 'information technology & services',
      employees: 1600,
      country: 'US',
    });
    expect(readApolloAnswer({})).toBeUndefined();
    expect(readApolloAnswer({ organization: null })).toBeUndefined();
  });
});

describe('what the person typed and what enrichment says', () => {
  const config = exampleConfig();

  it('fills what the lead lacks and keeps what the person typed', () => {
    const lead = applyFirmographics(
      routable({ employees: 12, country: 'CA' }),
      { employees: 1200, employeesMax: 5000, country: 'US', industry: 'Software' },
      enrichmentPolicy(config),
      MARK,
    );
    expect(lead).toMatchObject({ employees: 12, country: 'CA', industry: 'Software' });
    // A range's upper bound never rides on the person's own head count.
    expect(lead.employeesMax).toBeUndefined();
    expect(lead.enriched).toEqual({ ...MARK, filled: ['industry'], kept: ['employees', 'country'] });
    expect(describeEnrichment(lead, lead.enriched!)).toBe('enriched by Apollo: industry “Software”; kept as typed: employees, country');
  });

  it('overwrites the fields the config names, keeping the typed value on record', () => {
    const policy = enrichmentPolicy({ enrichment: { provider: 'apollo', overwrite: ['employees'] } });
    const lead = applyFirmographics(routable({ employees: 12, employeesMax: 50, country: 'CA' }), { employees: 1200, country: 'US' }, policy, MARK);
    expect(lead).toMatchObject({ employees: 1200, country: 'CA' });
    expect(lead.enriched?.replaced).toEqual({ employees: 12, employeesMax: 50 });
  });

  it('a later answer replaces an earlier enrichment, never the person', () => {
    const first = applyFirmographics(routable({ country: 'CA' }), { employees: 100 }, enrichmentPolicy(config), MARK);
    const second = applyFirmographics(first, { employees: 120, country: 'US' }, enrichmentPolicy(config), { ...MARK, late: true });
    expect(second).toMatchObject({ employees: 120, country: 'CA' });
    expect(second.enriched).toMatchObject({ filled: ['employees'], kept: ['country'], late: true });
  });

  it('leaves what it filled out of the digest a repeat is compared by', () => {
    const lead = applyFirmographics(routable(), { industry: 'Software', intentTopics: ['payroll'], intentStrength: 60 }, enrichmentPolicy(config), MARK);
    expect([...foundFields(lead)]).toEqual(expect.arrayContaining(['enriched', 'account', 'industry', 'intentTopics', 'intentStrength']));
  });

  it.each([
    [
      { status: 'timed_out', detail: '300 ms' },
      'enrichment by Apollo did not answer within 300 ms: routed on what the lead gave; its answer is added to the lead when it comes',
    ],
    [{ status: 'failed', detail: 'rate-limited (429)' }, 'enrichment by Apollo failed (rate-limited (429)): routed on what the lead gave'],
    [{ status: 'unknown', cached: true }, 'enrichment by Apollo (cached) knows nothing of this company'],
  ] as const)('says how it went: %o', (mark, words) => {
    expect(describeEnrichment(routable(), { ...MARK, ...mark })).toBe(words);
  });
});

describe('a lead from another source', () => {
  const config = exampleConfig();

  it('is taken leniently: required fields missing make it incomplete, unreadable values are left out and named', () => {
    const prepared = prepareSourceLead({ formType: 'demo_request', fields: { email: 'ann@gmail.com', phone: '12', employees: 'lots' } }, config);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    expect(prepared.lead).toMatchObject({ email: 'ann@gmail.com', status: 'incomplete' });
    expect(prepared.lead.phone).toBeUndefined();
    expect(prepared.dropped.map((i) => i.field).sort()).toEqual(['employees', 'phone']);
  });

  it('is refused only when nothing of it can be read', () => {
    expect(prepareSourceLead({ formType: 'no_such_form', fields: {} }, config)).toMatchObject({ ok: false, issues: [{ field: 'formType' }] });
  });

  it('is taken as the configured form type, else contact; a CRM lead is not confirmed unless the config says so', () => {
    expect(sourceFormType(config, 'hubspot')).toBe('contact');
    expect(sourceFormType({ ...config, sources: { hubspot: { formType: 'demo_request' } } }, 'hubspot')).toBe('demo_request');
    expect(sourceConfirmationSkipped({ system: 'salesforce', confirm: false })).toBe(
      'a lead from Salesforce is not confirmed by us (sources.salesforce.confirm)',
    );
    expect(sourceConfirmationSkipped({ system: 'webhook', name: 'intercom', confirm: true })).toBeUndefined();
  });
});
