/**
 * The phone chunk's metadata (widget/phone-metadata.ts): the routing config's countries, the
 * main country of a shared calling code kept, per-type patterns only where still needed, and
 * the committed file what the build writes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AsYouType, parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';
import { describe, expect, it } from 'vitest';
import config from '../../../shared/config/examples/routing.json' with { type: 'json' };
import { ALPHA3_FILE, METADATA_FILE, alpha3Pairs, configCountries, reduceMetadata } from '../../../widget/phone-metadata.ts';

const full = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('libphonenumber-js/metadata.min.json'), 'utf8')) as MetadataJson;
const countries = (metadata: MetadataJson) => metadata.countries as unknown as Record<string, unknown[]>;

describe('configCountries', () => {
  it('finds every country the example config names: form types, territories, conditions', () => {
    expect(configCountries(config)).toEqual([
      'AE',
      'AR',
      'AT',
      'BE',
      'BR',
      'CH',
      'CL',
      'CO',
      'DE',
      'DK',
      'EC',
      'ES',
      'FI',
      'FR',
      'GB',
      'IE',
      'IT',
      'LU',
      'MX',
      'NL',
      'NO',
      'PE',
      'PL',
      'PT',
      'SE',
      'US',
      'UY',
      'ZA',
    ]);
  });

  it('reads codes under country keys only: a region code (CA, California) is no country', () => {
    const found = configCountries({
      formTypes: { a: { defaultCountry: 'CA' } },
      territories: { west: { country: 'US', region: ['CA', 'OR'] }, nordics: { country: { in: ['SE', 'NO'] } } },
      routes: [{ when: { country: { exists: false }, language: 'es' } }],
    });
    expect(found).toEqual(['CA', 'NO', 'SE', 'US']);
  });
});

describe('reduceMetadata', () => {
  it('keeps the main country of a shared calling code, and the per-type patterns that tell them apart', () => {
    const reduced = reduceMetadata(full, ['CA']);
    expect(reduced.country_calling_codes).toEqual({ 1: ['US', 'CA'] });
    expect(Object.keys(reduced.countries).sort()).toEqual(['CA', 'US']);
    // Toronto is +1 but not US: told apart by the types kept.
    expect(parsePhoneNumberFromString('+1 416 555 0123', reduced)?.country).toBe('CA');
    expect(new AsYouType('CA', reduced).input('4165550123')).toBe('(416) 555-0123');
  });

  it('drops the per-type patterns where a calling code keeps one country, and still formats and validates', () => {
    const reduced = reduceMetadata(full, ['US', 'GB', 'IT']);
    for (const country of ['US', 'GB', 'IT']) {
      expect(countries(full)[country]![11]).toBeTruthy();
      expect(countries(reduced)[country]![11]).toBeFalsy();
    }
    expect(parsePhoneNumberFromString('020 7946 0958', 'GB', reduced)?.isValid()).toBe(true);
    expect(parsePhoneNumberFromString('020 7946', 'GB', reduced)?.isValid()).toBe(false);
    expect(new AsYouType('IT', reduced).input('0612345678')).toBe('06 1234 5678');
  });

  it('leaves out countries libphonenumber does not know, and codes without a kept country', () => {
    const reduced = reduceMetadata(full, ['MX', 'XX']);
    expect(Object.keys(reduced.countries)).toEqual(['MX']);
    expect(reduced.country_calling_codes).toEqual({ 52: ['MX'] });
  });

  it('is what the committed phone-metadata.json holds for the example config', () => {
    expect(JSON.parse(readFileSync(METADATA_FILE, 'utf8'))).toEqual(reduceMetadata(full, configCountries(config)));
  });
});

describe('alpha3Pairs', () => {
  it('gives the alpha-3 code of each kept country, from the shared country data', () => {
    expect(alpha3Pairs(['MX', 'US', 'GB'])).toBe('GBGBR MXMEX USUSA');
  });

  it('is what the committed phone-alpha3.json holds for the example config', () => {
    const kept = Object.keys(reduceMetadata(full, configCountries(config)).countries);
    expect(JSON.parse(readFileSync(ALPHA3_FILE, 'utf8'))).toBe(alpha3Pairs(kept));
  });
});
