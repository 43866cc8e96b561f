import { describe, it, expect } from 'vitest';
import { normalizeRegion, regionName } from '../../../shared/normalize/region.ts';

describe('normalizeRegion', () => {
  it.each([
    // US: names, codes, abbreviations
    ['California', 'US', 'CA'],
    ['california', 'US', 'CA'],
    ['calif.', 'US', 'CA'],
    ['ca', 'US', 'CA'],
    ['CA', 'US', 'CA'],
    ['New York', 'US', 'NY'],
    ['N.Y.', 'US', 'NY'],
    ['n. y.', 'US', 'NY'],
    ['Nueva York', 'US', 'NY'],
    ['District of Columbia', 'US', 'DC'],
    ['Washington DC', 'US', 'DC'],
    ['Washington, D.C.', 'US', 'DC'],
    ['D.C.', 'US', 'DC'],
    ['Washington', 'US', 'WA'],
    ['W. Va.', 'US', 'WV'],
    ['West Virginia', 'US', 'WV'],
    ['Puerto Rico', 'US', 'PR'],
    ['PR', 'US', 'PR'],
    ['Guam', 'US', 'GU'],
    ['U.S. Virgin Islands', 'US', 'VI'],
    ['Texas', 'us', 'TX'],
    ['  texas  ', 'US', 'TX'],
    // Canada: English and French names, codes
    ['Quebec', 'CA', 'QC'],
    ['Québec', 'CA', 'QC'],
    ['QUEBEC', 'CA', 'QC'],
    ['Ontario', 'CA', 'ON'],
    ['on', 'CA', 'ON'],
    ['British Columbia', 'CA', 'BC'],
    ['Colombie-Britannique', 'CA', 'BC'],
    ['B.C.', 'CA', 'BC'],
    ['Île-du-Prince-Édouard', 'CA', 'PE'],
    ['Prince Edward Island', 'CA', 'PE'],
    ['Nouvelle-Écosse', 'CA', 'NS'],
    ['Newfoundland', 'CA', 'NL'],
    ['Terre-Neuve-et-Labrador', 'CA', 'NL'],
    ['Northwest Territories', 'CA', 'NT'],
    ['Yukon', 'CA', 'YT'],
    ['CA', 'CA', 'CA'], // not a province: kept as typed
    // No country: US first, then Canada
    ['CA', undefined, 'CA'],
    ['California', undefined, 'CA'],
    ['Ontario', undefined, 'ON'],
    ['Québec', undefined, 'QC'],
    ['QC', undefined, 'QC'],
    ['Georgia', undefined, 'GA'],
    ['Georgia', '', 'GA'],
    // A country's own names only
    ['Ontario', 'US', 'Ontario'],
    ['California', 'CA', 'California'],
    // Other countries: tidied, as typed
    ['  Bavaria  ', 'DE', 'Bavaria'],
    ['Île-de-France', 'FR', 'Île-de-France'],
    ['Ciudad   de\tMéxico', 'MX', 'Ciudad de México'],
    ['CA', 'ES', 'CA'],
    ['Nowhere Land', 'US', 'Nowhere Land'],
    ['Nowhere   Land', undefined, 'Nowhere Land'],
    ['', 'US', ''],
    ['   ', undefined, ''],
  ])('%j in %s → %j', (raw, country, expected) => {
    expect(normalizeRegion(raw, country)).toBe(expected);
  });
});

describe('regionName', () => {
  it.each([
    ['US', 'CA', 'California'],
    ['us', 'dc', 'District of Columbia'],
    ['CA', 'QC', 'Quebec'],
    ['CA', 'ZZ', undefined],
    ['DE', 'BY', undefined],
  ])('%s %s → %s', (country, code, expected) => {
    expect(regionName(country, code)).toBe(expected);
  });
});
