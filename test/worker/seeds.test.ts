/**
 * The seeds' worked examples end to end through `POST /v1/leads`, on the example config with
 * every rep available (so owners do not depend on the hour the tests run).
 */
import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { accepted, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

beforeEach(async () => {
  await reset();
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

const demo = (fields: Record<string, string>) =>
  accepted({ firstName: 'Robin', lastName: 'Hale', company: 'Example Co', country: 'US', ...fields }, { formType: 'demo_request' });

async function ownerOf(leadId: string) {
  const { record } = await leadView(leadId);
  return { owner: record.owner.id, route: record.decision.route };
}

describe('seeds/002 through the intake', () => {
  it('a SaaS team routes demo requests by company size: SMB round-robin, mid-market by territory, enterprise named list', async () => {
    expect(await ownerOf((await demo({ email: 'a@smallco.com', employees: '12' })).leadId)).toEqual({ owner: 'ana', route: 'demo-direct-to-ae' });
    expect(await ownerOf((await demo({ email: 'b@smallco2.com', employees: '20' })).leadId)).toEqual({ owner: 'ben', route: 'demo-direct-to-ae' });
    expect(await ownerOf((await demo({ email: 'c@eastco.com', employees: '50-200', region: 'New York' })).leadId)).toEqual({
      owner: 'dana',
      route: 'mid-market-east',
    });
    expect(await ownerOf((await demo({ email: 'd@westco.com', employees: '300', region: 'California' })).leadId)).toEqual({
      owner: 'jordan',
      route: 'mid-market-west',
    });
    expect(await ownerOf((await demo({ email: 'e@globex.com', employees: '5000' })).leadId)).toEqual({ owner: 'lee', route: 'named-accounts' });
    expect(await ownerOf((await demo({ email: 'f@bigretail.com', employees: '5000' })).leadId)).toEqual({ owner: 'priya', route: 'enterprise' });
  });

  it('each rep gets a Slack ping with the lead, seconds after the form is sent', async () => {
    const { leadId } = await demo({ email: 'g@eastco.com', employees: '120', region: 'NJ' });
    await settled(leadId);
    const [ping] = await capturedRequests('hooks.slack.com');
    const text = JSON.parse(ping!.body).text as string;
    expect(text).toContain('Robin Hale');
    expect(text).toContain('ack?rep=dana');
  });

  it('a managed-services provider routes by ZIP to the closest field rep, with inside sales as the 15-minute fallback', async () => {
    const { leadId, owner, respondWithin } = await accepted(
      { firstName: 'Jamie', phone: '(408) 555-0112', postalCode: '95112' },
      { formType: 'urgent_service' },
    );
    expect(owner.name).toBe('Rosa');
    expect(respondWithin?.minutes).toBe(15);
    const { record } = await leadView(leadId);
    expect(record.decision.escalation[0]).toEqual({ afterMs: 15 * 60_000, action: 'reassign', pool: 'inside-sales' });
  });

  it('an ecommerce platform sends free-tier signups to the AI SDR and pricing-page work emails to a human AE', async () => {
    const free = await accepted(
      { email: 'someone@gmail.com', consent: true },
      { formType: 'free_trial', context: { pageUrl: 'https://northwind.example/signup' } },
    );
    expect(free.owner.name).toBeNull();
    expect(await ownerOf(free.leadId)).toEqual({ owner: 'ai-sdr', route: 'free-tier' });
    const pricing = await accepted(
      { email: 'buyer@retailer.com', consent: true },
      { formType: 'free_trial', context: { pageUrl: 'https://northwind.example/pricing' } },
    );
    expect((await ownerOf(pricing.leadId)).route).toBe('pricing-page-work-email');
  });
});

describe('seeds/004 through the intake', () => {
  it('named accounts beat geography and size; geography beats size', async () => {
    expect((await ownerOf((await demo({ email: 'x@acme.com', employees: '5000', country: 'Germany' })).leadId)).route).toBe('named-accounts');
    expect((await ownerOf((await demo({ email: 'x@beispiel.de', employees: '5000', country: 'Germany' })).leadId)).route).toBe('emea');
  });

  it('20 leads through the default path spread evenly over the pool', async () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20; i++) {
      const { leadId } = await accepted({ firstName: 'Lee', email: `lee${i}@co${i}.ca`, company: `Co ${i}`, country: 'Canada', message: 'Tell me more' });
      const { owner, route } = await ownerOf(leadId);
      expect(route).toBe('round-robin');
      counts[owner] = (counts[owner] ?? 0) + 1;
    }
    expect(counts).toEqual({ ana: 5, ben: 5, chloe: 5, ian: 5 });
  });
});
