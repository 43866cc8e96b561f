import { describe, expect, it } from 'vitest';
import { acronym, companyTokens, nameKeys } from '../../../shared/accounts/company-name.ts';

describe('companyTokens', () => {
  it.each<[string, string[]]>([
    ['U.S. Bank', ['us', 'bank']],
    ['US Bank', ['us', 'bank']],
    ['U. S. Bank', ['us', 'bank']],
    ['The U.S. Bancorp, Inc.', ['us', 'bank']],
    ['United States Steel Corporation', ['us', 'steel']],
    ['Procter & Gamble Co.', ['procter', 'gamble']],
    ['Procter and Gamble', ['procter', 'gamble']],
    ['P&G', ['pg']],
    ['AT&T Inc.', ['at', 't']],
    ['Société Générale S.A.', ['societe', 'generale']],
    ["L'Oréal", ['loreal']],
    ['Robert Bosch GmbH', ['robert', 'bosch']],
    ['Samsung Electronics Co., Ltd.', ['samsung', 'electronic']],
    ['CEMEX, S.A.B. de C.V.', ['cemex']],
    ['Anheuser-Busch InBev SA/NV', ['anheuser', 'busch', 'inbev']],
    ['Bank of America, N.A.', ['bank', 'america']],
    ['Salesforce.com, Inc.', ['salesforce']],
    ['Marriott Intl', ['marriott', 'international']],
    ['Acme Corp (EMEA)', ['acme']],
    ['Infosys Ltd', ['infosys']],
    ['The Company', ['company']],
    ['Inc.', ['inc']],
  ])('%s → %j', (raw, tokens) => {
    expect(companyTokens(raw)).toEqual(tokens);
  });

  it('spells initials of three words or more', () => {
    expect(acronym(companyTokens('International Business Machines Corp'))).toBe('ibm');
    expect(acronym(companyTokens('General Motors'))).toBeUndefined();
  });

  it('keys a name by its whole, its distinctive words and the ends of long ones, never a common word alone', () => {
    const keys = nameKeys(companyTokens('Pacific Brimwick Holdings'));
    expect(keys).toContain('s:pacificbrimwickholding');
    expect(keys).toContain('t:pacific');
    expect(keys).toContain('t:brimwick');
    expect(keys).toContain('p:brim');
    expect(keys).toContain('q:wick');
    expect(keys).toContain('s:pbh');
    expect(keys).not.toContain('t:holding');
    expect(nameKeys([])).toEqual([]);
  });
});
