import { describe, expect, it } from 'vitest';
import { companyTokens } from '../../../shared/accounts/company-name.ts';
import { editDistance, nameSimilarity } from '../../../shared/accounts/similarity.ts';

const sim = (lead: string, account: string) => nameSimilarity(companyTokens(lead), companyTokens(account));

describe('nameSimilarity (lead name → account name)', () => {
  it.each<[string, string, number]>([
    ['U.S. Bank', 'US Bancorp', 1],
    ['Jet Blue', 'JetBlue', 1],
    ['Micro soft', 'Microsoft Corporation', 1],
    ['Goldmann Sachs', 'The Goldman Sachs Group, Inc.', 0.92],
    ['Microsft', 'Microsoft', 0.94],
    ['IBM', 'International Business Machines Corporation', 0.9],
    ['Costco', 'Costco Wholesale Corporation', 0.9],
    ['Zurich Insurance', 'Zurich Insurance Group AG', 0.95],
  ])('%s ~ %s = %d', (lead, account, expected) => {
    expect(sim(lead, account)).toBeCloseTo(expected, 2);
  });

  it.each<[string, string]>([
    ['Acne Studios', 'Acme Corp'],
    ['General Mills', 'General Motors'],
    ['Delta Dental', 'Delta Air Lines'],
    ['Bank of the West', 'Bank of America'],
    ['US Steel', 'U.S. Bank'],
    ['Target Logistics', 'Target Corporation'],
    ['Nike Communications', 'Nike, Inc.'],
    ['Stark Bank', 'Stark Industries'],
  ])('%s is not %s', (lead, account) => {
    expect(sim(lead, account)).toBeLessThan(0.9);
  });

  it('is 0 for an empty name', () => {
    expect(nameSimilarity([], ['acme'])).toBe(0);
  });

  it('counts edits, swaps included, and stops past the bound', () => {
    expect(editDistance('microsoft', 'micrsooft', 2)).toBe(1);
    expect(editDistance('acme', 'acne', 2)).toBe(1);
    expect(editDistance('abc', 'xyzabc', 2)).toBe(3);
  });
});
