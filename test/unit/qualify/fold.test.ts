import { describe, it, expect } from 'vitest';
import { foldText } from '../../../shared/qualify/fold.ts';

describe('foldText', () => {
  it.each([
    ['Mañana', 'manana'],
    ['MAÑANA', 'manana'],
    ['mismo Día', 'mismo dia'],
    ['Ørsted', 'orsted'],
    ['Æbleskiver', 'aebleskiver'],
    ['Straße', 'strasse'],
    ['Skłodowska', 'sklodowska'],
    ['Þórunn Guðrún', 'thorunn gudrun'],
    ['Yıldız', 'yildiz'],
    ['İstanbul', 'istanbul'],
    ['Nguyễn Thị', 'nguyen thi'],
    ['Dvořák', 'dvorak'],
    ['man\u0303ana', 'manana'],
    ['plain ascii', 'plain ascii'],
    ['张伟', '张伟'],
    ['प्रिया', 'प्रिया'],
    ['Иванов', 'иванов'],
  ])('%s → %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});
