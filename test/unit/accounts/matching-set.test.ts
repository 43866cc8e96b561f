/**
 * The fixed matching test set (test/fixtures/company-names.json): every variant looked up
 * through the index's own keys and scored as the Worker does. `npm run bench:accounts` runs the
 * same set through D1 among 100,000 other accounts.
 */
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/company-names.json' with { type: 'json' };
import { companyTokens, nameKeys } from '../../../shared/accounts/company-name.ts';
import { pickAccount } from '../../../shared/accounts/match.ts';
import type { IndexedAccount } from '../../../shared/accounts/types.ts';

const MIN_CONFIDENCE = 0.9;

describe('the company-name test set', () => {
  it('holds at least 200 variants with expected accounts, and negatives', () => {
    expect(fixture.variants.filter(([, id]) => id !== null).length).toBeGreaterThanOrEqual(200);
    expect(fixture.variants.filter(([, id]) => id === null).length).toBeGreaterThanOrEqual(50);
  });

  it('is matched with precision ≥ 0.98 at recall ≥ 0.9', () => {
    const accounts = new Map<string, IndexedAccount>();
    const index = new Map<string, string[]>();
    for (const a of fixture.accounts) {
      accounts.set(a.id, { ...a, source: 'csv', owner: `rep-${a.id}` });
      for (const key of nameKeys(companyTokens(a.name))) index.set(key, [...(index.get(key) ?? []), a.id]);
    }
    let right = 0;
    let wrong = 0;
    let expected = 0;
    for (const [typed, id] of fixture.variants as [string, string | null][]) {
      const candidates = new Set(nameKeys(companyTokens(typed)).flatMap((key) => index.get(key) ?? []));
      const match = pickAccount({ company: typed, domains: [], byDomain: [], byName: [...candidates].map((c) => accounts.get(c)!) }, (o) => o);
      const got = match && match.confidence >= MIN_CONFIDENCE ? match.id : null;
      if (id !== null) expected++;
      if (got !== null && got === id) right++;
      else if (got !== null) wrong++;
    }
    const precision = right / (right + wrong);
    const recall = right / expected;
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
