import { describe, expect, it } from 'vitest';
import { accountDomains, leadDomainCandidates } from '../../../shared/accounts/domains.ts';

describe('leadDomainCandidates', () => {
  it('climbs a work email domain at any depth, most specific first, then the website', () => {
    expect(leadDomainCandidates({ emailDomain: 'mail.eu.acme.com', emailKind: 'work', website: 'acme.io' })).toEqual([
      'mail.eu.acme.com',
      'eu.acme.com',
      'acme.com',
      'acme.io',
    ]);
  });

  it("stops at a country's second level", () => {
    expect(leadDomainCandidates({ emailDomain: 'sales.acme.co.uk', emailKind: 'work' })).toEqual(['sales.acme.co.uk', 'acme.co.uk']);
  });

  it('never matches free mail by domain, and climbs no further than a shared host', () => {
    expect(leadDomainCandidates({ emailDomain: 'gmail.com', emailKind: 'free' })).toEqual([]);
    expect(leadDomainCandidates({ emailDomain: 'yahoo.co.uk', emailKind: 'work' })).toEqual(['yahoo.co.uk']);
    expect(leadDomainCandidates({ website: 'hotmail.com' })).toEqual([]);
    expect(leadDomainCandidates({ website: 'acme.myshopify.com' })).toEqual(['acme.myshopify.com']);
    expect(leadDomainCandidates({ website: 'linkedin.com' })).toEqual([]);
    expect(leadDomainCandidates({ emailDomain: 'google.com', emailKind: 'work' })).toEqual(['google.com']);
  });
});

describe('accountDomains', () => {
  it('reads hosts and URLs in any list, drops free mail and junk', () => {
    expect(accountDomains('https://www.Acme.com/about; acme.io | gmail.com not-a-domain')).toEqual(['acme.com', 'acme.io']);
    expect(accountDomains(['acme.com', 'acme.com'])).toEqual(['acme.com']);
    expect(accountDomains(undefined)).toEqual([]);
  });
});
