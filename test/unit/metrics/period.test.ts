import { describe, expect, it } from 'vitest';
import { monthKey, splitPeriod } from '../../../shared/metrics/period.ts';

/** Every day a split covers, months expanded, to check it covers the period exactly once. */
function coveredDays(from: string, to: string): string[] {
  const split = splitPeriod(from, to);
  const out: string[] = [];
  const each = (a: string, b: string, keep: (day: string) => boolean) => {
    for (let t = Date.parse(a); t <= Date.parse(b); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (keep(day)) out.push(day);
    }
  };
  for (const [a, b] of split.days) each(a, b, () => true);
  if (split.months) each('2020-01-01', '2030-12-31', (day) => monthKey(day) >= split.months![0] && monthKey(day) <= split.months![1]);
  return out.sort();
}

describe('splitPeriod', () => {
  it('splits into whole months and edge days', () => {
    expect(splitPeriod('2026-01-15', '2026-04-10')).toEqual({ months: ['M2026-02', 'M2026-03'], days: [['2026-01-15', '2026-01-31'], ['2026-04-01', '2026-04-10']] });
    expect(splitPeriod('2026-02-01', '2026-02-28')).toEqual({ months: ['M2026-02', 'M2026-02'], days: [] });
    expect(splitPeriod('2026-11-20', '2026-11-22')).toEqual({ days: [['2026-11-20', '2026-11-22']] });
    expect(splitPeriod('2026-11-22', '2026-11-20')).toEqual({ days: [] });
  });

  it('covers every day of any period exactly once', () => {
    const cases = [
      ['2025-11-23', '2026-11-22'],
      ['2026-10-24', '2026-11-22'],
      ['2024-02-01', '2024-02-29'],
      ['2025-12-31', '2026-01-01'],
      ['2026-03-01', '2026-03-31'],
      ['2026-01-31', '2026-03-01'],
    ] as const;
    for (const [from, to] of cases) {
      const expected: string[] = [];
      for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) expected.push(new Date(t).toISOString().slice(0, 10));
      expect(coveredDays(from, to)).toEqual(expected);
    }
  });
});
