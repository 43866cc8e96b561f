import { describe, it, expect } from 'vitest';
import { normalizeName, splitFullName } from '../../../shared/normalize/name.ts';

describe('normalizeName', () => {
  it.each([
    // tidied
    ['  Dana  ', 'Dana'],
    ['Dana   Whitfield', 'Dana Whitfield'],
    ['Dana\tWhitfield\n', 'Dana Whitfield'],
    ['"Dana"', 'Dana'],
    ["'Dana'", 'Dana'],
    ['“Dana Whitfield”', 'Dana Whitfield'],
    ['--Dana--', 'Dana'],
    ['Dana,', 'Dana'],
    ['Dana.', 'Dana'],
    ['*Dana*', 'Dana'],
    // mixed case: kept as typed
    ['Dana Whitfield', 'Dana Whitfield'],
    ['danA', 'danA'],
    ['DeShawn', 'DeShawn'],
    ['Ludwig van Beethoven', 'Ludwig van Beethoven'],
    ['José ÁLVAREZ', 'José ÁLVAREZ'],
    ['Dana (Dee) Whitfield', 'Dana (Dee) Whitfield'],
    // one case: title-cased
    ['dana whitfield', 'Dana Whitfield'],
    ['DANA WHITFIELD', 'Dana Whitfield'],
    ["o'neil", "O'Neil"],
    ["O'NEIL", "O'Neil"],
    ['o’neil', 'O’Neil'],
    ["d'angelo", "D'Angelo"],
    ['mcdonald', 'McDonald'],
    ['MCDONALD', 'McDonald'],
    ['anne-marie', 'Anne-Marie'],
    ['ANNE-MARIE DUPONT-MCKAY', 'Anne-Marie Dupont-McKay'],
    ['ludwig van beethoven', 'Ludwig van Beethoven'],
    ['LUDWIG VON MISES', 'Ludwig von Mises'],
    ['juan de la cruz', 'Juan de la Cruz'],
    ['leonardo da vinci', 'Leonardo da Vinci'],
    ['rosa del castillo', 'Rosa del Castillo'],
    ['van dyke', 'Van Dyke'], // a particle that leads is capitalised
    ['de', 'De'],
    ['josé álvarez', 'José Álvarez'],
    ['ÉMILE ZOLA', 'Émile Zola'],
    ['martin luther king jr.', 'Martin Luther King Jr.'],
    ['dana j.', 'Dana J.'],
    ['mc', 'Mc'],
    // no cased letters at all
    ['王小明', '王小明'],
    ['', ''],
    ['   ', ''],
    ['""', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });
});

describe('splitFullName', () => {
  it.each([
    ['Dana Whitfield', { firstName: 'Dana', lastName: 'Whitfield' }],
    ['  dana   whitfield ', { firstName: 'Dana', lastName: 'Whitfield' }],
    ['Dana', { firstName: 'Dana' }],
    ['Whitfield, Dana', { firstName: 'Dana', lastName: 'Whitfield' }],
    ['Ludwig van Beethoven', { firstName: 'Ludwig', lastName: 'van Beethoven' }],
    ['María García López', { firstName: 'María', lastName: 'García López' }],
    ['Mary Anne Smith', { firstName: 'Mary', lastName: 'Anne Smith' }],
    ['Whitfield,', { firstName: 'Whitfield' }],
    ['', { firstName: '' }],
  ])('%j → %j', (raw, expected) => {
    expect(splitFullName(raw)).toEqual(expected);
  });
});
