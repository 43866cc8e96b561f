import { describe, it, expect } from 'vitest';
import { COUNTRY_CODES, isCountryCode, normalizeCountry } from '../../../shared/normalize/country.ts';

describe('normalizeCountry', () => {
  it.each([
    // alpha-2, any case
    ['US', 'US'],
    ['us', 'US'],
    [' gb ', 'GB'],
    ['De', 'DE'],
    ['XK', 'XK'],
    // alpha-3
    ['USA', 'US'],
    ['GBR', 'GB'],
    ['DEU', 'DE'],
    ['ESP', 'ES'],
    ['MEX', 'MX'],
    ['can', 'CA'],
    ['fra', 'FR'],
    // English names and common forms
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['U.S.', 'US'],
    ['U.S.A.', 'US'],
    ['America', 'US'],
    ['united   states', 'US'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['uk', 'GB'],
    ['United Kingdom', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['Wales', 'GB'],
    ['Northern Ireland', 'GB'],
    ['Holland', 'NL'],
    ['Netherlands', 'NL'],
    ['The Netherlands', 'NL'],
    ['Germany', 'DE'],
    ['Spain', 'ES'],
    ['Mexico', 'MX'],
    ['Canada', 'CA'],
    ['France', 'FR'],
    ['Brazil', 'BR'],
    ['South Korea', 'KR'],
    ['Korea', 'KR'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ['Czech Republic', 'CZ'],
    ['Czechia', 'CZ'],
    ['Russia', 'RU'],
    ['Vietnam', 'VN'],
    ['Viet Nam', 'VN'],
    ['Ivory Coast', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d’Ivoire', 'CI'],
    ['Hong Kong', 'HK'],
    ['Burma', 'MM'],
    ['Myanmar', 'MM'],
    ['UAE', 'AE'],
    ['United Arab Emirates', 'AE'],
    ['Bahamas, The', 'BS'],
    ['the gambia', 'GM'],
    ['Saint Lucia', 'LC'],
    ['St. Lucia', 'LC'],
    ['St Kitts and Nevis', 'KN'],
    ['Trinidad & Tobago', 'TT'],
    ['Trinidad and Tobago', 'TT'],
    ['Bosnia and Herzegovina', 'BA'],
    ['Guinea-Bissau', 'GW'],
    ['Guinea Bissau', 'GW'],
    ['DR Congo', 'CD'],
    ['Kosovo', 'XK'],
    // Spanish, French, German, with or without accents
    ['Deutschland', 'DE'],
    ['España', 'ES'],
    ['Espana', 'ES'],
    ['México', 'MX'],
    ['Brasil', 'BR'],
    ['Estados Unidos', 'US'],
    ['EE.UU.', 'US'],
    ['EEUU', 'US'],
    ['Reino Unido', 'GB'],
    ['Alemania', 'DE'],
    ['Francia', 'FR'],
    ['Canadá', 'CA'],
    ['CANADA', 'CA'],
    ['Países Bajos', 'NL'],
    ['Japón', 'JP'],
    ['États-Unis', 'US'],
    ['Etats Unis', 'US'],
    ['Royaume-Uni', 'GB'],
    ['Allemagne', 'DE'],
    ['Vereinigte Staaten', 'US'],
    ['Österreich', 'AT'],
    ['Schweiz', 'CH'],
    ['Suiza', 'CH'],
    ['Perú', 'PE'],
    // punctuation and whitespace around
    ['  "Germany".  ', 'DE'],
    ['(Spain)', 'ES'],
  ])('%j → %s', (raw, code) => {
    expect(normalizeCountry(raw)).toBe(code);
  });

  it.each(['', '   ', 'Atlantis', 'XX', 'ZZ', 'EU', 'ABC', '12', 'U', 'United', '---'])('%j → undefined', (raw) => {
    expect(normalizeCountry(raw)).toBeUndefined();
  });

  it('knows the name of every code it lists', () => {
    for (const code of COUNTRY_CODES) {
      const english = new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? '';
      expect(normalizeCountry(english), `${code} ${english}`).toBe(code);
    }
  });
});

describe('COUNTRY_CODES', () => {
  it('holds the 249 ISO 3166-1 codes plus XK, unique, upper case, sorted', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    expect(new Set(COUNTRY_CODES).size).toBe(250);
    expect(COUNTRY_CODES.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
  });

  it.each([
    ['US', true],
    ['GB', true],
    ['UK', false],
    ['us', false],
    ['EU', false],
  ])('isCountryCode(%s) → %s', (code, expected) => {
    expect(isCountryCode(code)).toBe(expected);
  });
});
