/**
 * The worked examples of the seed articles, end to end through the shared core
 * (validate → normalise → qualify → route) on the shipped example config.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/parse.ts';
import { prepareLead } from '../../../shared/lead/prepare.ts';
import type { LeadFields } from '../../../shared/lead/types.ts';
import { applyStateChange, route } from '../../../shared/routing/route.ts';
import type { Decision, RoutingState } from '../../../shared/routing/types.ts';
import { US_AFTERNOON, emptyState, exampleConfig, tinyConfig } from '../helpers.ts';

const config = exampleConfig();

function submit(formType: string, fields: LeadFields, context: Record<string, unknown> = {}, at = US_AFTERNOON, state: RoutingState = emptyState()): Decision {
  const prepared = prepareLead({ formType, fields, context: { timeOnFormMs: 30_000, ...context } }, config);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  return route(prepared.lead, config, state, at);
}

const demo = (fields: LeadFields) => submit('demo_request', { firstName: 'Robin', lastName: 'Hale', company: 'Example Co', country: 'US', ...fields });

describe('seeds/002: a 40-person SaaS team routes demo requests by company size', () => {
  it('under 50 employees goes to the SMB AEs on round-robin', () => {
    const first = demo({ email: 'robin@smallco.com', employees: '12' });
    expect(first).toMatchObject({ owner: { id: 'ana' }, pool: 'smb-ae', strategy: 'round_robin' });
    const second = submit(
      'demo_request',
      { firstName: 'Kim', lastName: 'Wu', company: 'Small Co', country: 'US', email: 'kim@smallco2.com', employees: '30' },
      {},
      US_AFTERNOON,
      applyStateChange(emptyState(), first.stateChange),
    );
    expect(second.owner.id).toBe('ben');
  });

  it('50-500 goes to mid-market by territory', () => {
    expect(demo({ email: 'robin@eastco.com', employees: '50-200', region: 'New Jersey' })).toMatchObject({ owner: { id: 'dana' }, route: 'mid-market-east' });
    expect(demo({ email: 'robin@westco.com', employees: '250', region: 'WA' })).toMatchObject({ owner: { id: 'jordan' }, route: 'mid-market-west' });
  });

  it('500+ goes to the named enterprise list', () => {
    expect(demo({ email: 'robin@initech.com', employees: '1,200' })).toMatchObject({
      owner: { id: 'dana' },
      route: 'named-accounts',
      strategy: 'account_owner',
    });
    expect(demo({ email: 'robin@unlisted-giant.com', employees: '5k+' })).toMatchObject({ owner: { id: 'priya' }, route: 'enterprise' });
  });
});

describe('seeds/002: a managed-services provider routes by ZIP to the closest field rep, inside sales after 15 minutes', () => {
  it('routes a same-day request by ZIP code to the field rep for it', () => {
    const decision = submit('urgent_service', { firstName: 'Jamie', phone: '(415) 555-2671', postalCode: '94103' });
    expect(decision).toMatchObject({ owner: { id: 'tom' }, route: 'same-day-sf', slaMs: 15 * 60_000 });
  });

  it('reassigns to the inside sales pool if the field rep does not acknowledge within 15 minutes', () => {
    const decision = submit('urgent_service', { firstName: 'Jamie', phone: '408-555-0112', postalCode: '95112' });
    expect(decision.owner.id).toBe('rosa');
    expect(decision.escalation[0]).toEqual({ afterMs: 15 * 60_000, action: 'reassign', pool: 'inside-sales' });
  });

  it('goes straight to inside sales when the field rep is on-site after hours', () => {
    const decision = submit('urgent_service', { firstName: 'Jamie', phone: '415 555 0188', postalCode: '94110' }, {}, Date.parse('2026-11-18T04:30:00Z'));
    expect(decision).toMatchObject({ owner: { id: 'ian' }, pool: 'inside-sales' });
  });
});

describe('seeds/002: free-tier signups go to the AI SDR, pricing-page work emails to a human AE', () => {
  it('free-tier signups are nurtured by the AI SDR', () => {
    expect(submit('free_trial', { email: 'someone@gmail.com', consent: true }, { pageUrl: 'https://northwind.example/signup' }).owner).toMatchObject({
      kind: 'queue',
      id: 'ai-sdr',
    });
  });

  it('a pricing-page fill with a work email goes to a human AE', () => {
    const decision = submit('free_trial', { email: 'buyer@retailer.com', consent: true }, { pageUrl: 'https://northwind.example/pricing' });
    expect(decision).toMatchObject({ owner: { kind: 'rep' }, route: 'pricing-page-work-email' });
  });

  it('a pricing-page fill with a free-mail address still goes to the AI SDR', () => {
    expect(submit('free_trial', { email: 'buyer@yahoo.com', consent: true }, { pageUrl: 'https://northwind.example/pricing' }).owner.id).toBe('ai-sdr');
  });
});

describe('seeds/004: routing dimensions in priority order', () => {
  it('named accounts beat geography and size', () => {
    expect(demo({ email: 'cfo@acme.com', employees: '5000', country: 'Germany' }).route).toBe('named-accounts');
  });
  it('geography beats company size', () => {
    const decision = submit(
      'demo_request',
      { firstName: 'Jonas', lastName: 'Weber', company: 'Beispiel', email: 'jonas@beispiel.de', employees: '5000', country: 'DE' },
      {},
      Date.parse('2026-11-17T10:00:00Z'),
    );
    expect(decision.route).toBe('emea');
  });
  it('company size beats product interest', () => {
    expect(
      submit('quote_request', { firstName: 'Avery', email: 'avery@bigco.com', company: 'BigCo', product: 'Payroll', employees: '900', country: 'US' }).route,
    ).toBe('enterprise');
  });
  it('product interest beats lead source and the default', () => {
    expect(
      submit(
        'quote_request',
        { firstName: 'Avery', email: 'avery@smallco.com', company: 'SmallCo', product: 'Payroll' },
        { pageUrl: 'https://northwind.example/pricing' },
      ).route,
    ).toBe('payroll');
  });
  it('the assigned rep on PTO goes to the backup', () => {
    expect(submit('contact', { firstName: 'Sam', email: 'sam@globex.com', message: 'Renewal question' }, {}, Date.parse('2026-12-29T18:00:00Z'))).toMatchObject(
      { owner: { id: 'dana' }, strategy: 'backup' },
    );
  });
  it('SLAs per lead type: demo requests within 5 minutes, content downloads within 1 hour', () => {
    expect(demo({ email: 'x@smallco.com', employees: '10' }).slaMs).toBe(5 * 60_000);
    expect(submit('content_download', { firstName: 'Kit', email: 'kit@co.com', company: 'Co', consent: true }).slaMs).toBe(60 * 60_000);
  });
  it('20 test leads through the default path are spread evenly across the pool', () => {
    let state = emptyState();
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20; i++) {
      const decision = submit(
        'contact',
        { firstName: 'Lee', email: `lee${i}@co${i}.com`, company: `Co ${i}`, country: 'Canada', message: 'Tell me more' },
        {},
        US_AFTERNOON,
        state,
      );
      expect(decision.route).toBe('round-robin');
      counts[decision.owner.id] = (counts[decision.owner.id] ?? 0) + 1;
      state = applyStateChange(state, decision.stateChange);
    }
    expect(counts).toEqual({ ana: 5, ben: 5, chloe: 5, ian: 5 });
  });
  it('the fallback rule sends unmatched leads to a catch-all queue a manager reviews', () => {
    expect(config.fallback.queue).toBe('inbound-triage');
    expect(config.queues['inbound-triage']!.watchers).toEqual(['grace']);
  });
});

describe('seeds/000 and seeds/003: qualify before routing, urgency marks leads hot', () => {
  it('junk goes to review and never to a rep', () => {
    expect(submit('contact', { firstName: 'Bot', email: 'bot@co.com', message: 'hi' }, { honeypot: 'x' }).owner.id).toBe('junk-review');
  });
  it('incomplete goes to a slower path', () => {
    expect(submit('contact', { firstName: 'Robin', email: 'robin@co.com', message: 'Call me' })).toMatchObject({ route: 'incomplete', slaMs: 4 * 3_600_000 });
  });
  it('a message asking for same-day help, with a phone, goes to the fast callers', () => {
    const decision = submit('contact', {
      firstName: 'Ana',
      email: 'ana@co.com',
      phone: '+1 415 555 0100',
      company: 'Co',
      country: 'US',
      message: 'Can someone help us same-day?',
    });
    expect(decision).toMatchObject({ route: 'urgent-callback', slaMs: 15 * 60_000 });
  });
});

describe('seeds/001: every lead has a destination', () => {
  it('a config without a fallback does not load', () => {
    const { fallback: _, ...withoutFallback } = tinyConfig();
    expect(parseConfig(withoutFallback).ok).toBe(false);
  });
});
