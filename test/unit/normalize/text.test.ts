import { describe, it, expect } from 'vitest';
import { foldKey, stripAccents, stripInvisible, tidy } from '../../../shared/normalize/text.ts';
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

describe('stripInvisible', () => {
  it.each([
    ['plain ASCII', 'Dana Whitfield', 'Dana Whitfield'],
    ['NUL and other controls', 'Da\u0000na\u0007\u001b[31m', 'Dana[31m'],
    ['C1 controls', 'Da\u0085na\u009b', 'Dana'],
    ['a right-to-left override', '\u202eanaD\u202c', 'anaD'],
    ['bidi isolates and marks', '\u2066Dana\u2069\u200f\u061c', 'Dana'],
    ['zero-width space, word joiner, BOM, soft hyphen', 'Da\u200bna\u2060\ufeff Whit\u00adfield', 'Dana Whitfield'],
    ['a zero-width joiner between Latin letters', 'Da\u200dna', 'Dana'],
    ['line breaks of every kind, as \\n', 'a\r\nb\rc\u2028d\u2029e', 'a\nb\nc\nd\ne'],
    ['a tab', 'a\tb', 'a\tb'],
    ['accents, other scripts and emoji', 'Québec 北京 Ελλάδα 👍🏽', 'Québec 北京 Ελλάδα 👍🏽'],
    ['a zero-width non-joiner in Persian', 'می\u200cخواهم', 'می\u200cخواهم'],
    ['a joiner inside an emoji sequence', '👩\u200d💻', '👩\u200d💻'],
  ])('%s', (_name, raw, expected) => {
    expect(stripInvisible(raw)).toBe(expected);
  });
});

describe('isInvalid', () => {
  it('tells the failure from a value', () => {
    expect(isInvalid(INVALID)).toBe(true);
    expect(isInvalid({ min: 1 })).toBe(false);
    expect(Object.isFrozen(INVALID)).toBe(true);
  });
});
