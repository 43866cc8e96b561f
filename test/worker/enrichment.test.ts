/**
 * Enrichment within a time box (issue 11, Deliver 6), through the intake, against local fakes of
 * the generic contract and of Apollo's organization enrichment (enrichment-fake.js): fields
 * filled before routing and marked in the trace; what the person typed kept unless the config
 * says otherwise; one provider call per domain (cached in KV); a provider past the time box
 * leaves the lead routed on what it had, then enriched on its record (and the CRM updated); a
 * rate-limited provider left alone until its window passes.
 */
import { env } from 'cloudflare:workers';
import { applyD1Migrations, reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RoutingConfigInput } from '../../shared/config/schema.ts';
import { resetEnrichmentPause } from '../../worker/enrichment/enrich.ts';
import { clearLookupCache } from '../../worker/accounts/lookup.ts';
import { capturedRequests, failNext, hangNext, resetCapture, seedEnrichment } from './capture-client.ts';
import { accepted, alwaysOpenConfig, leadView, publish, settled, waitFor } from './helpers.ts';

const BIGCO = {
  company: 'BigCo Holdings',
  employees: 1200,
  industry: 'Computer Software',
  country: 'United States',
  tier: 'tier_1',
  intent: [
    { topic: 'Payments', strength: 72 },
    { topic: 'Fraud', strength: 40 },
  ],
};

function enriched(enrichment: RoutingConfigInput['enrichment']): RoutingConfigInput {
  const config = alwaysOpenConfig();
  config.enrichment = enrichment;
  // A rule on an enriched field: software companies go to the enterprise pool.
  config.routes = [{ id: 'software', when: { industry: { contains: 'software' } }, to: { pool: 'enterprise' } }, ...config.routes];
  return config;
}

beforeEach(async () => {
  await reset();
  await applyD1Migrations(env.ACCOUNTS_DB, env.TEST_MIGRATIONS);
  await resetCapture();
  clearLookupCache();
  resetEnrichmentPause();
  await seedEnrichment({
    http: { 'bigco.com': BIGCO },
    apollo: {
      'initrode.de': { name: 'Initrode GmbH', estimated_num_employees: 340, industry: 'information technology & services', country: 'Germany' },
      'globex-corp.com': { name: 'Globex Corporation', estimated_num_employees: 12000, industry: 'chemicals', country: 'United States' },
    },
  });
});

const contact = (fields: Record<string, string>) => accepted({ firstName: 'Jane', message: 'Tell me more', ...fields });

describe('enrichment before routing (the generic contract)', () => {
  it('fills firmographics and intent before routing, marks them in the trace, and asks by domain only', async () => {
    expect((await publish(enriched({ provider: 'http' }))).status).toBe(200);
    const { leadId } = await contact({ email: 'jane@bigco.com' });
    const { record } = await leadView(leadId);
    expect(record.lead).toMatchObject({
      employees: 1200,
      industry: 'Computer Software',
      country: 'US',
      tier: 'tier_1',
      intentTopics: ['payments', 'fraud'],
      intentStrength: 72,
      company: 'BigCo Holdings',
    });
    expect(record.decision.route).toBe('software');
    const line = record.trace.find((l) => l.step === 'enriched');
    expect(line).toMatchObject({ step: 'enriched', fields: expect.arrayContaining(['employees', 'industry', 'country', 'tier', 'intentTopics']) });
    expect(line?.reason).toContain('enriched by the enrichment service: company “BigCo Holdings”, employees 1200');
    const [request] = await capturedRequests('enrich.test');
    expect(request).toMatchObject({ method: 'POST', path: '/v1/enrich' });
    expect(request!.headers['authorization']).toBe('Bearer enrich-test-key');
    // The person's email stays with us unless the config sends it (sendEmail).
    expect(JSON.parse(request!.body)).toEqual({ domain: 'bigco.com' });
  });

  it("never overwrites what the person typed, unless the config's overwrite names the field", async () => {
    expect((await publish(enriched({ provider: 'http' }))).status).toBe(200);
    const kept = await contact({ email: 'ann@bigco.com', company: 'BigCo', country: 'Canada' });
    const { record } = await leadView(kept.leadId);
    expect(record.lead).toMatchObject({ company: 'BigCo', country: 'CA', employees: 1200 });
    expect(record.lead.enriched?.kept).toEqual(['company', 'country']);
    expect(record.trace.find((l) => l.step === 'enriched')?.reason).toContain('kept as typed: company, country');

    expect((await publish(enriched({ provider: 'http', overwrite: ['country'] }))).status).toBe(200);
    const replaced = await contact({ email: 'bob@bigco.com', company: 'BigCo', country: 'Canada' });
    const after = (await leadView(replaced.leadId)).record;
    expect(after.lead).toMatchObject({ company: 'BigCo', country: 'US' });
    expect(after.lead.enriched?.replaced).toEqual({ country: 'CA' });
  });

  it('asks the provider once per company domain: the answer is cached in KV', async () => {
    expect((await publish(enriched({ provider: 'http' }))).status).toBe(200);
    await contact({ email: 'one@bigco.com' });
    const second = await contact({ email: 'two@bigco.com' });
    expect(await capturedRequests('enrich.test')).toHaveLength(1);
    expect((await leadView(second.leadId)).record.lead.enriched).toMatchObject({ status: 'filled', cached: true });
    expect(await env.LEADS_KV.get('enrichment:http:bigco.com', 'json')).toMatchObject({ found: { employees: 1200 } });
  });

  it('does not ask about a free-mail lead without a company domain (its email is not sent unless the config says so)', async () => {
    expect((await publish(enriched({ provider: 'http' }))).status).toBe(200);
    const { leadId } = await contact({ email: 'someone@gmail.com' });
    expect(await capturedRequests('enrich.test')).toHaveLength(0);
    expect((await leadView(leadId)).record.lead.enriched).toBeUndefined();
  });

  it('routes a lead whose enrichment times out on what it has, then enriches its record and updates the CRM', async () => {
    expect((await publish(enriched({ provider: 'http', timeoutMs: 300 }))).status).toBe(200);
    await hangNext('enrich.test', 3_000);
    const { leadId } = await contact({ email: 'jane@bigco.com' });
    // Routed while the provider had not answered yet: the capture worker records its answer's status once it sends it.
    expect((await capturedRequests('enrich.test'))[0]?.status).toBe(0);
    const first = await leadView(leadId);
    expect(first.record.decision.route).not.toBe('software');
    expect(first.record.lead.employees).toBeUndefined();
    expect(first.record.trace.find((l) => l.step === 'enriched')?.reason).toContain('did not answer within 300 ms');
    // The answer comes, and lands on the lead's record: fields, timeline, trace, a CRM update.
    const later = await waitFor(
      async () => {
        const view = await leadView(leadId);
        return view.record.lead.employees === 1200 ? view : undefined;
      },
      12_000,
      'the late enrichment',
    );
    expect(later.record.decision.route).toBe(first.record.decision.route);
    expect(later.record.lead.enriched).toMatchObject({ status: 'filled', late: true });
    expect(later.timeline.some((e) => e.type === 'enriched' && e.detail.includes('employees 1200'))).toBe(true);
    expect(later.record.trace.at(-1)).toMatchObject({ step: 'enriched' });
    await settled(leadId);
    const upserts = (await capturedRequests('api.hubapi.com')).map((r) => JSON.parse(r.body).inputs[0].properties as Record<string, string>);
    expect(upserts.some((p) => p['numemployees'] === '1000+')).toBe(true);
  }, 20_000);

  it('a repeat whose enrichment now comes from the cache is still a repeat, not a return', async () => {
    expect((await publish(enriched({ provider: 'http', timeoutMs: 300 }))).status).toBe(200);
    await hangNext('enrich.test', 1_000);
    const fields = { email: 'jane@bigco.com', message: 'Tell me more' };
    const { leadId } = await contact(fields);
    await waitFor(async () => (await leadView(leadId)).record.lead.employees === 1200 || undefined, 8_000, 'the late enrichment');
    // The same submission again (a double click, a reload): this time the answer is cached and routing sees it.
    expect((await contact(fields)).leadId).toBe(leadId);
    const view = await leadView(leadId);
    expect(view.timeline.filter((e) => e.type === 'returned')).toEqual([]);
    expect(view.timeline.filter((e) => e.type === 'duplicate')).toHaveLength(1);
  }, 20_000);

  it('leaves a rate-limited provider alone until its Retry-After has passed', async () => {
    expect((await publish(enriched({ provider: 'http' }))).status).toBe(200);
    await failNext('enrich.test', 429, 1, { retryAfter: 120 });
    const first = await contact({ email: 'jane@bigco.com' });
    expect((await leadView(first.leadId)).record.trace.find((l) => l.step === 'enriched')?.reason).toContain('failed (rate-limited (429))');
    const second = await contact({ email: 'jim@otherco.com' });
    expect(await capturedRequests('enrich.test')).toHaveLength(1);
    expect((await leadView(second.leadId)).record.lead.enriched).toMatchObject({ status: 'failed' });
  });
});

describe("Apollo's organization enrichment", () => {
  it('asks with the x-api-key header and a bare domain, and reads the organization', async () => {
    expect((await publish(enriched({ provider: 'apollo' }))).status).toBe(200);
    const { leadId } = await contact({ email: 'hank@mail.initrode.de' });
    const { record } = await leadView(leadId);
    const [request] = await capturedRequests('api.apollo.io');
    expect(request!.method).toBe('GET');
    expect(request!.path).toBe('/api/v1/organizations/enrich');
    expect(request!.headers['x-api-key']).toBe('enrich-test-key');
    // The company's registered domain, as the accounts index climbs to it.
    expect(new URL(request!.url).searchParams.get('domain')).toBe('initrode.de');
    expect(record.lead).toMatchObject({ employees: 340, industry: 'information technology & services', country: 'DE' });
    // The enriched country puts the lead in the EMEA territory.
    expect(record.decision.route).toBe('emea');
  });

  it("finds the named account by the company's name enrichment gave (seeds/004: enrich, then match the named account)", async () => {
    expect((await publish(enriched({ provider: 'apollo' }))).status).toBe(200);
    // globex-corp.com is nobody's domain; Apollo names the company Globex Corporation, the config's account Globex.
    const { leadId } = await contact({ email: 'hank@globex-corp.com' });
    const { record } = await leadView(leadId);
    expect(record.lead.account).toMatchObject({ id: 'config:globex.com', matchedBy: 'name', owner: 'lee' });
    expect(record.decision.route).toBe('named-accounts');
    expect(record.owner.id).toBe('lee');
  });

  it('an unknown company ({}) is no enrichment, and a 429 pauses asking for the rest of the minute', async () => {
    expect((await publish(enriched({ provider: 'apollo' }))).status).toBe(200);
    const unknown = await contact({ email: 'x@nobody-knows.com' });
    expect((await leadView(unknown.leadId)).record.lead.enriched).toMatchObject({ status: 'unknown' });
    await failNext('api.apollo.io', 429);
    const limited = await contact({ email: 'y@initrode.de' });
    expect((await leadView(limited.leadId)).record.lead.enriched).toMatchObject({ status: 'failed', detail: 'rate-limited (429)' });
    await contact({ email: 'z@initrode.de' });
    expect(await capturedRequests('api.apollo.io')).toHaveLength(2);
  });
});
