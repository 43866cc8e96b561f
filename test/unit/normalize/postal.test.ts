import { describe, it, expect } from 'vitest';
import { normalizePostalCode } from '../../../shared/normalize/postal.ts';

describe('normalizePostalCode', () => {
  it.each([
    // US: ZIP5 and ZIP+4
    ['94107', 'US', '94107', '94107'],
    [' 94107 ', 'us', '94107', '94107'],
    ['94107-1234', 'US', '94107-1234', '94107'],
    ['941071234', 'US', '94107-1234', '94107'],
    ['94107 1234', 'US', '94107-1234', '94107'],
    ['02134', 'US', '02134', '02134'],
    // Canada: any spacing and case, FSA as district
    ['k1a0b1', 'CA', 'K1A 0B1', 'K1A'],
    ['K1A-0B1', 'CA', 'K1A 0B1', 'K1A'],
    ['K1A 0B1', 'CA', 'K1A 0B1', 'K1A'],
    [' h2x  1y4 ', 'CA', 'H2X 1Y4', 'H2X'],
    ['V6B 4Z2', 'CA', 'V6B 4Z2', 'V6B'],
    // UK: full postcodes, outward code as district
    ['sw1a1aa', 'GB', 'SW1A 1AA', 'SW1A'],
    ['SW1A 1AA', 'GB', 'SW1A 1AA', 'SW1A'],
    ['M1 1AE', 'GB', 'M1 1AE', 'M1'],
    ['m11ae', 'GB', 'M1 1AE', 'M1'],
    ['B33 8TH', 'GB', 'B33 8TH', 'B33'],
    ['CR2 6XH', 'GB', 'CR2 6XH', 'CR2'],
    ['DN55 1PT', 'GB', 'DN55 1PT', 'DN55'],
    ['W1A 0AX', 'GB', 'W1A 0AX', 'W1A'],
    ['EC1A 1BB', 'GB', 'EC1A 1BB', 'EC1A'],
    ['gir 0aa', 'GB', 'GIR 0AA', 'GIR'],
    ['GY1 1AA', 'GG', 'GY1 1AA', 'GY1'],
    ['JE2 3AB', 'je', 'JE2 3AB', 'JE2'],
    // UK: outward code alone
    ['SW1A', 'GB', 'SW1A', 'SW1A'],
    ['m1', 'GB', 'M1', 'M1'],
    ['DN55', 'GB', 'DN55', 'DN55'],
    // Other and unknown countries: tidied, upper case
    ['75008', 'FR', '75008', '75008'],
    ['1234 ab', 'NL', '1234 AB', '1234 AB'],
    ['  28013  ', 'ES', '28013', '28013'],
    ['100-0001', 'JP', '100-0001', '100-0001'],
    ['01000', 'MX', '01000', '01000'],
    ['k1a  0b1', undefined, 'K1A 0B1', 'K1A 0B1'],
    ['94107', undefined, '94107', '94107'],
  ])('%j in %s → %s (district %s)', (raw, country, postalCode, district) => {
    expect(normalizePostalCode(raw, country)).toEqual({ postalCode, district });
  });

  it.each([
    ['9410', 'US'],
    ['941070', 'US'],
    ['94107-123', 'US'],
    ['ABCDE', 'US'],
    ['', 'US'],
    ['K1A 0B', 'CA'],
    ['K1A', 'CA'], // a lone FSA
    ['D1A 0B1', 'CA'], // D never used
    ['W1A 0B1', 'CA'], // W never leads
    ['K1A 0O1', 'CA'], // O never used
    ['123456', 'CA'],
    ['SW1A 1CA', 'GB'], // C never in the inward letters
    ['QW1 1AA', 'GB'], // Q never leads
    ['12345', 'GB'],
    ['SW1A 1A', 'GB'],
    ['SW1A1AAA', 'GB'],
    ['', 'GB'],
    ['12#45', 'DE'],
    ['75008 Paris!', 'FR'],
    ['12345678901', 'FR'], // longer than 10
    ['', undefined],
    ['   ', 'FR'],
    ['ü1234', 'DE'],
  ])('%j in %s is invalid', (raw, country) => {
    expect(normalizePostalCode(raw, country)).toEqual({ error: 'invalid' });
  });
});
