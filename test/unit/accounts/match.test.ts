import { describe, expect, it } from 'vitest';
import { ownerResolver, pickAccount } from '../../../shared/accounts/match.ts';
import type { IndexedAccount } from '../../../shared/accounts/types.ts';
import { exampleConfig } from '../helpers.ts';

const owners = ownerResolver(exampleConfig());
const acme: IndexedAccount = {
  id: 'hubspot:1',
  source: 'hubspot',
  name: 'Acme Corp',
  domains: ['acme.com'],
  owner: 'hubspot:9001',
  tier: 'tier_1',
  customer: true,
  customerSince: '2021-03-31',
};
const acmeEu: IndexedAccount = {
  id: 'hubspot:2',
  source: 'hubspot',
  name: 'Acme Europe',
  domains: ['eu.acme.com'],
  owner: 'hubspot:9002',
  parent: 'hubspot:1',
};
const usBank: IndexedAccount = {
  id: 'salesforce:001A',
  source: 'salesforce',
  name: 'US Bancorp',
  domains: ['usbank.com'],
  owner: 'salesforce:005000000000001AAA',
};

describe('pickAccount', () => {
  it('prefers the most specific domain and maps CRM owner ids to reps', () => {
    const match = pickAccount(
      {
        domains: ['eu.acme.com', 'acme.com'],
        byDomain: [
          { domain: 'acme.com', account: acme },
          { domain: 'eu.acme.com', account: acmeEu },
        ],
        byName: [],
      },
      owners,
    );
    expect(match).toMatchObject({ id: 'hubspot:2', owner: 'lee', matchedBy: 'domain', confidence: 1, matchedOn: 'eu.acme.com', parent: 'hubspot:1' });
  });

  it("prefers the CRM's account to a CSV's on the same domain, whatever order the index returns them in", () => {
    const csv: IndexedAccount = { id: 'csv:acme.com', source: 'csv', name: 'Acme (CSV)', domains: ['acme.com'], owner: 'priya' };
    const match = pickAccount(
      {
        domains: ['acme.com'],
        byDomain: [
          { domain: 'acme.com', account: csv },
          { domain: 'acme.com', account: acme },
        ],
        byName: [],
      },
      owners,
    );
    expect(match?.id).toBe('hubspot:1');
  });

  it('takes a known contact’s account before any domain', () => {
    const match = pickAccount({ domains: ['eu.acme.com'], contactAccount: acme, byDomain: [{ domain: 'eu.acme.com', account: acmeEu }], byName: [] }, owners);
    expect(match).toMatchObject({ id: 'hubspot:1', matchedBy: 'contact', owner: 'dana', tier: 'tier_1', customer: true, customerSince: '2021-03-31' });
  });

  it('matches by name with the similarity as confidence (Salesforce 15-character owner ids too)', () => {
    const match = pickAccount({ company: 'U.S. Bank', domains: [], byDomain: [], byName: [acme, { ...usBank, owner: 'salesforce:005000000000001' }] }, owners);
    expect(match).toMatchObject({ id: 'salesforce:001A', name: 'US Bancorp', matchedBy: 'name', confidence: 1, matchedOn: 'U.S. Bank', owner: 'dana' });
  });

  it('keeps an owner who is no rep as a reference, never as the owner', () => {
    const match = pickAccount({ company: 'US Bank', domains: [], byDomain: [], byName: [{ ...usBank, owner: 'salesforce:005999999999999AAA' }] }, owners);
    expect(match?.owner).toBeUndefined();
    expect(match?.ownerRef).toBe('salesforce:005999999999999AAA');
  });

  it('does not trust a name two unrelated accounts share', () => {
    const other: IndexedAccount = { id: 'csv:acme.org', source: 'csv', name: 'ACME Corporation', domains: ['acme.org'], owner: 'priya' };
    const match = pickAccount({ company: 'Acme', domains: [], byDomain: [], byName: [acme, other] }, owners);
    expect(match!.confidence).toBeLessThan(0.9);
    expect(match!.alsoLike).toBeDefined();
    // Parent and child sharing a name are one family: no doubt.
    const family = pickAccount({ company: 'Acme', domains: [], byDomain: [], byName: [acme, { ...acmeEu, name: 'Acme Corp.' }] }, owners);
    expect(family!.confidence).toBe(1);
  });

  it('finds nothing without candidates', () => {
    expect(pickAccount({ company: 'Acme', domains: ['acme.com'], byDomain: [], byName: [] }, owners)).toBeUndefined();
  });
});
