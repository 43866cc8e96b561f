import { describe, expect, it } from 'vitest';
import { availabilityShares } from '../../../shared/routing/availability-share.ts';
import { loadConfig } from '../helpers.ts';
import { teamConfig } from './team.ts';

// Mondays to Fridays at 15:00 UTC (10:00 in New York): everyone works.
const weekday = (day: number) => Date.parse(`2027-03-${String(day).padStart(2, '0')}T15:00:00Z`);
const days = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12];

describe('fairness given availability', () => {
  it('says a rep who was away got fewer leads because they were away, not because of the rotation', () => {
    const c = teamConfig();
    c.reps.ben!.outOfOffice = [{ from: '2027-03-01', to: '2027-03-05' }];
    // Week 1 Ben is away, Ana takes all; week 2 they alternate.
    const leads = days.map((d, i) => ({ at: weekday(d), rep: i < 5 ? 'ana' : i % 2 === 0 ? 'ana' : 'ben' }));
    const [ana, ben] = availabilityShares(loadConfig(c), 'enterprise', leads);
    expect(ana).toMatchObject({ rep: 'ana', leads: 7, actual: 0.7, available: 1, expected: 0.75, verdict: 'fair' });
    expect(ben).toMatchObject({ rep: 'ben', leads: 3, actual: 0.3, available: 0.5, expected: 0.25, verdict: 'fair' });
  });

  it('says the rotation is unfair when an available rep is passed over', () => {
    const leads = days.map((d, i) => ({ at: weekday(d), rep: i < 9 ? 'ana' : 'ben' }));
    const [ana, ben] = availabilityShares(loadConfig(teamConfig()), 'enterprise', leads);
    expect(ana).toMatchObject({ actual: 0.9, expected: 0.5, verdict: 'more' });
    expect(ben).toMatchObject({ actual: 0.1, available: 1, expected: 0.5, verdict: 'fewer' });
  });

  it('weighs members of a weighted pool, and leaves inactive ones out', () => {
    const leads = days.map((d, i) => ({ at: weekday(d), rep: i % 3 === 0 ? 'chloe' : 'dan' }));
    const shares = availabilityShares(loadConfig(teamConfig()), 'smb', leads);
    // Dan weighs 2 to Chloe's 1, and Chloe is off on Fridays (2 of the 10 days): 8 × ⅓ / 10.
    expect(shares.map((s) => [s.rep, Math.round(s.expected * 100)])).toEqual([
      ['chloe', 27],
      ['dan', 73],
      ['eve', 0],
    ]);
  });
});
