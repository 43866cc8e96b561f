import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseEmployees } from '../../../shared/normalize/employees.ts';

describe('parseEmployees', () => {
  it.each([
    // single figures: a floor
    ['50', { min: 50 }],
    [50, { min: 50 }],
    [' 50 ', { min: 50 }],
    ['50 employees', { min: 50 }],
    ['~50', { min: 50 }],
    ['about 50 people', { min: 50 }],
    ['10k', { min: 10_000 }],
    ['10K', { min: 10_000 }],
    ['1.5k', { min: 1500 }],
    ['2,5k', { min: 2500 }],
    ['10 mil', { min: 10_000 }],
    ['2m', { min: 2_000_000 }],
    ['1,000', { min: 1000 }],
    ['1.000', { min: 1000 }],
    ['1,000,000', { min: 1_000_000 }],
    // ranges
    ['50-200', { min: 50, max: 200 }],
    ['50 - 200', { min: 50, max: 200 }],
    ['50 – 200', { min: 50, max: 200 }],
    ['50—200', { min: 50, max: 200 }],
    ['1-10', { min: 1, max: 10 }],
    ['0-10', { min: 1, max: 10 }],
    ['500 to 1000', { min: 500, max: 1000 }],
    ['between 50 and 200', { min: 50, max: 200 }],
    ['5k-10k', { min: 5000, max: 10_000 }],
    ['5-10k', { min: 5000, max: 10_000 }],
    ['500-1k', { min: 500, max: 1000 }],
    ['1,001-5,000', { min: 1001, max: 5000 }],
    ['10,000-50,000 employees', { min: 10_000, max: 50_000 }],
    ['50-50', { min: 50, max: 50 }],
    ['entre 50 y 200', { min: 50, max: 200 }],
    ['de 50 a 200 empleados', { min: 50, max: 200 }],
    // open-ended above
    ['1k+', { min: 1000 }],
    ['1,000+', { min: 1000 }],
    ['1.000+', { min: 1000 }],
    ['10000+', { min: 10_000 }],
    ['10,000 +', { min: 10_000 }],
    ['50+ employees', { min: 50 }],
    ['1000 or more', { min: 1000 }],
    ['at least 1000', { min: 1000 }],
    ['more than 500', { min: 501 }],
    ['over 500', { min: 501 }],
    ['> 500', { min: 501 }],
    ['más de 500', { min: 501 }],
    // bounded above: strictly less → n-1; up to → n
    ['<10', { min: 1, max: 9 }],
    ['< 10', { min: 1, max: 9 }],
    ['less than 10', { min: 1, max: 9 }],
    ['Under 10', { min: 1, max: 9 }],
    ['fewer than 10', { min: 1, max: 9 }],
    ['menos de 10', { min: 1, max: 9 }],
    ['up to 10', { min: 1, max: 10 }],
    ['10 or fewer', { min: 1, max: 10 }],
    ['<=10', { min: 1, max: 10 }],
    // one person
    ['self-employed', { min: 1, max: 1 }],
    ['Self employed', { min: 1, max: 1 }],
    ['just me', { min: 1, max: 1 }],
    ['1 (just me)', { min: 1, max: 1 }],
    ['solo yo', { min: 1, max: 1 }],
    ['1', { min: 1 }],
  ] as const)('%j → %j', (raw, expected) => {
    expect(parseEmployees(raw)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    'lots',
    'a few',
    'employees',
    '0',
    0,
    '00',
    '-5',
    -5,
    '-5-10',
    '1.5',
    1.5,
    '50.5',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '200-50',
    '0-0',
    '<1',
    'less than 1',
    '99999999999',
    100_000_000,
    '50-',
    '-',
    '+',
    '5 0 0',
    '1,00',
  ])('%j is invalid', (raw) => {
    expect(parseEmployees(raw)).toEqual({ error: 'invalid' });
  });

  it('never gives a floor below one or a ceiling below the floor', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (raw) => {
        const result = parseEmployees(raw);
        if ('error' in result) return;
        expect(Number.isInteger(result.min) && result.min >= 1).toBe(true);
        if (result.max !== undefined) expect(result.max).toBeGreaterThanOrEqual(result.min);
      }),
    );
  });

  it('reads any whole positive count as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => {
        expect(parseEmployees(String(n))).toEqual({ min: n });
        expect(parseEmployees(n)).toEqual({ min: n });
      }),
    );
  });
});
