import { describe, it, expect } from 'vitest';
import { foldKey, stripAccents, tidy } from '../../../shared/normalize/text.ts';
import { INVALID, isInvalid } from '../../../shared/normalize/result.ts';

describe('tidy', () => {
  it.each([
    ['  a  b  ', 'a b'],
    ['a\t\nb', 'a b'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(tidy(raw)).toBe(expected);
  });
});

describe('stripAccents', () => {
  it.each([
    ['Québec', 'Quebec'],
    ['España', 'Espana'],
    ['Île-du-Prince-Édouard', 'Ile-du-Prince-Edouard'],
    ['plain', 'plain'],
  ])('%j → %j', (raw, expected) => {
    expect(stripAccents(raw)).toBe(expected);
  });
});

describe('foldKey', () => {
  it.each([
    ['U.S.A.', 'usa'],
    ['  United   States ', 'united states'],
    ['Côte d’Ivoire', 'cote divoire'],
    ["Côte d'Ivoire", 'cote divoire'],
    ['Trinidad & Tobago', 'trinidad and tobago'],
    ['Guinea-Bissau', 'guinea bissau'],
    ['Congo - Kinshasa', 'congo kinshasa'],
    ['(Spain)', 'spain'],
    ['---', ''],
  ])('%j → %j', (raw, expected) => {
    expect(foldKey(raw)).toBe(expected);
  });
});

describe('isInvalid', () => {
  it('tells the failure from a value', () => {
    expect(isInvalid(INVALID)).toBe(true);
    expect(isInvalid({ min: 1 })).toBe(false);
    expect(Object.isFrozen(INVALID)).toBe(true);
  });
});
