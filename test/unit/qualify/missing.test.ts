import { describe, it, expect } from 'vitest';
import type { LeadFieldName } from '../../../shared/lead/fields.ts';
import { isFieldMissing, missingFields } from '../../../shared/qualify/missing.ts';
import { lead } from './leads.ts';

describe('isFieldMissing', () => {
  it.each<[string, Parameters<typeof lead>[0], LeadFieldName, boolean]>([
    ['absent phone', {}, 'phone', true],
    ['present phone', { phone: '+14155550123' }, 'phone', false],
    ['empty company', { company: '' }, 'company', true],
    ['blank company', { company: '   ' }, 'company', true],
    ['present company', {}, 'company', false],
    ['employees 0 is a value', { employees: 0 }, 'employees', false],
    ['employees absent', {}, 'employees', true],
    ['consent given', { consent: true }, 'consent', false],
    ['consent refused', { consent: false }, 'consent', true],
    ['message absent', { message: undefined }, 'message', true],
  ])('%s', (_name, overrides, field, missing) => {
    expect(isFieldMissing(lead(overrides), field)).toBe(missing);
  });
});

describe('missingFields', () => {
  it('lists wanted fields the lead lacks, in the wanted order, once each', () => {
    const l = lead({ phone: undefined, website: '', city: 'Madrid' });
    expect(missingFields(l, ['website', 'city', 'phone', 'website', 'email'])).toEqual(['website', 'phone']);
  });

  it.each([undefined, []])('wants nothing when wanted is %j', (wanted) => {
    expect(missingFields(lead({ phone: undefined }), wanted)).toEqual([]);
  });
});
