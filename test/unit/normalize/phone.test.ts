import { describe, it, expect } from 'vitest';
import { normalizePhone } from '../../../shared/normalize/phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['(415) 555-2671', 'US', '+14155552671', 'US'],
    ['415-555-2671', 'us', '+14155552671', 'US'],
    ['4155552671', 'US', '+14155552671', 'US'],
    ['+1 415 555 2671', undefined, '+14155552671', 'US'],
    ['+1 (415) 555-2671', 'GB', '+14155552671', 'US'], // an explicit code beats the default
    ['415.555.2671 ext 12', 'US', '+14155552671', 'US'], // extension dropped
    ['+1 415 555 2671 x12', undefined, '+14155552671', 'US'],
    ['(415) 555-0123', 'US', '+14155550123', 'US'], // fictional 555-01xx numbers are valid
    ['+44 20 7946 0958', undefined, '+442079460958', 'GB'],
    ['+44 (0)20 7946 0958', undefined, '+442079460958', 'GB'],
    ['020 7946 0958', 'GB', '+442079460958', 'GB'],
    ['0044 20 7946 0958', 'GB', '+442079460958', 'GB'],
    ['0044 20 7946 0958', undefined, '+442079460958', 'GB'], // 00 read as +
    ['0044 20 7946 0958', 'US', '+442079460958', 'GB'], // US dials 011, but 00 is unambiguous
    ['011 44 20 7946 0958', 'US', '+442079460958', 'GB'],
    ['612 34 56 78', 'ES', '+34612345678', 'ES'],
    ['+52 55 1234 5678', undefined, '+525512345678', 'MX'],
    ['  +33 1 42 68 53 00  ', undefined, '+33142685300', 'FR'],
    ['030 901820', 'DE', '+4930901820', 'DE'],
  ])('%j (%s) → %s', (raw, country, e164, numberCountry) => {
    expect(normalizePhone(raw, country)).toEqual({ e164, country: numberCountry });
  });

  it.each([
    ['abc', 'US'],
    ['12', 'US'],
    ['', 'US'],
    ['   ', 'US'],
    ['555-555-5555', 'US'], // possible length, but no such area code
    ['4155552671', undefined], // national number and no country to read it in
    ['4155552671', 'XX'], // unknown default country is ignored
    ['+44 20 7946', undefined], // too short
    ['+1 415 555 26711234', undefined], // too long
    ['call me', 'GB'],
  ])('%j (%s) is invalid', (raw, country) => {
    expect(normalizePhone(raw, country)).toEqual({ error: 'invalid' });
  });
});
