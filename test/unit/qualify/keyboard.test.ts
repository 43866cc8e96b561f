import { describe, it, expect } from 'vitest';
import { hasKeyboardRun, KEYBOARD_TRIPLES } from '../../../shared/qualify/keyboard.ts';

describe('hasKeyboardRun', () => {
  it.each([
    'asdf',
    'fdsa',
    'sdfg',
    'hjkl',
    'jkl;',
    'lkjh',
    'zxcv',
    'vcxz',
    'cvbnm',
    'm,./',
    'qwerty',
    'ytrewq',
    'poiuyt',
    'qwertz',
    'azerty',
    'qsdf',
    'jklm',
    'yxcv',
    'wxcv',
    'my asdf',
    'xasdfx',
  ])('%s is a run', (text) => {
    expect(hasKeyboardRun(text)).toBe(true);
  });

  it.each(['', 'a', 'asd', 'as df', 'asdsa', 'sdsd', 'liberty', 'doherty', 'wertz', 'trewhella', 'yuiop', 'property', 'qwert', 'asdé', 'jkl', 'kjhjk'])(
    '%j is not a run',
    (text) => {
      expect(hasKeyboardRun(text)).toBe(false);
    },
  );

  it('holds three-key runs both ways', () => {
    for (const triple of ['asd', 'dsa', 'qwe', 'zxc', 'bnm', 'jkl']) {
      expect(KEYBOARD_TRIPLES.has(triple)).toBe(true);
    }
    expect(KEYBOARD_TRIPLES.has('tom')).toBe(false);
  });
});
