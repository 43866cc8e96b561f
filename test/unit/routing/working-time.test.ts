/** SLA time counted in working hours, in the owner's zone, across weekends and DST. */
import { describe, expect, it } from 'vitest';
import { Zone, compileHours } from '../../../shared/routing/clock.ts';
import { route } from '../../../shared/routing/route.ts';
import { addWorkingTime } from '../../../shared/routing/working-time.ts';
import { emptyState, loadConfig, routable, tinyConfig } from '../helpers.ts';

const newYork = new Zone('America/New_York');
const nineToFive = compileHours({ 'mon-fri': '09:00-17:00' });
const H = 3_600_000;

describe('addWorkingTime', () => {
  it.each([
    ['inside hours: plain addition', '2026-11-17T15:30:00Z', 1 * H, '2026-11-17T16:30:00.000Z'],
    ['Friday 17:00 + 2 h → Monday 11:00', '2026-11-20T22:00:00Z', 2 * H, '2026-11-23T16:00:00.000Z'],
    ['Friday 16:00 + 2 h → 1 h Friday, 1 h Monday', '2026-11-20T21:00:00Z', 2 * H, '2026-11-23T15:00:00.000Z'],
    ['across the DST change: Friday 16:00 EST + 2 h → Monday 10:00 EDT', '2026-03-06T21:00:00Z', 2 * H, '2026-03-09T14:00:00.000Z'],
    ['night arrival waits for the morning', '2026-11-18T03:00:00Z', 30 * 60_000, '2026-11-18T14:30:00.000Z'],
    ['a whole working day spans to the next day', '2026-11-17T19:00:00Z', 8 * H, '2026-11-18T19:00:00.000Z'],
  ])('%s', (_name, start, duration, expected) => {
    expect(new Date(addWorkingTime(Date.parse(start), duration, nineToFive, newYork)).toISOString()).toBe(expected);
  });

  it('falls back to the wall clock when the week has no working hours', () => {
    const never = compileHours({});
    expect(addWorkingTime(0, H, never, newYork)).toBe(H);
  });
});

describe('the decision names its SLA clock', () => {
  it('takes it from the route, then the form type, then the defaults', () => {
    const config = loadConfig(
      tinyConfig({
        defaults: { slaClock: 'working_hours' },
        routes: [
          { id: 'wall', when: { country: 'US' }, to: { rep: 'ann' }, slaClock: 'wall' },
          { id: 'default', to: { rep: 'bob' } },
        ],
      }),
    );
    expect(route(routable({ country: 'US' }), config, emptyState(), 0).slaClock).toBe('wall');
    expect(route(routable({ country: 'CA' }), config, emptyState(), 0).slaClock).toBe('working_hours');
  });
});
