/** Working hours in each rep's own zone (DST included), out of office with backup, capacity. */
import { describe, expect, it } from 'vitest';
import { explain } from '../../../shared/routing/explain.ts';
import { route } from '../../../shared/routing/route.ts';
import { emptyState, loadConfig, routable, tinyConfig } from '../helpers.ts';

function repConfig(rep: Record<string, unknown>) {
  return loadConfig(
    tinyConfig({
      reps: { ann: { name: 'Ann', ...rep } },
      routes: [{ id: 'to-ann', to: { rep: 'ann' } }],
    }),
  );
}

const owner = (config: ReturnType<typeof repConfig>, at: string, load: Record<string, number> = {}) =>
  route(routable(), config, { cursors: {}, load }, Date.parse(at)).owner.id;

describe("working hours in the rep's own time zone", () => {
  const newYork = repConfig({ timeZone: 'America/New_York', hours: { 'mon-fri': '09:00-17:00' } });
  const london = repConfig({ timeZone: 'Europe/London', hours: { 'mon-fri': '09:00-17:00' } });
  const sydney = repConfig({ timeZone: 'Australia/Sydney', hours: { 'mon-fri': '09:00-17:00' } });
  const nightShift = repConfig({ timeZone: 'America/Chicago', hours: { 'mon-fri': '22:00-06:00' } });

  it.each([
    // US DST began Sunday 2026-03-08: 13:30 UTC is 08:30 EST on Friday, 09:30 EDT on Monday.
    ['New York, Friday before DST, 08:30 EST', newYork, '2026-03-06T13:30:00Z', 'triage'],
    ['New York, Monday after DST, 09:30 EDT', newYork, '2026-03-09T13:30:00Z', 'ann'],
    // EU summer time began Sunday 2026-03-29: 08:30 UTC is 08:30 GMT on Friday, 09:30 BST on Monday.
    ['London, Friday before BST, 08:30 GMT', london, '2026-03-27T08:30:00Z', 'triage'],
    ['London, Monday after BST, 09:30 BST', london, '2026-03-30T08:30:00Z', 'ann'],
    // US DST ended Sunday 2026-11-01: 21:30 UTC is 17:30 EDT on Friday, 16:30 EST on Monday.
    ['New York, Friday before DST ends, 17:30 EDT', newYork, '2026-10-30T21:30:00Z', 'triage'],
    ['New York, Monday after DST ends, 16:30 EST', newYork, '2026-11-02T21:30:00Z', 'ann'],
    // Southern hemisphere: Sydney leaves DST on Sunday 2026-04-05 (UTC+11 → UTC+10).
    // 22:30 UTC is 09:30 AEDT on Friday, 08:30 AEST on Monday.
    ['Sydney, Friday in DST, 09:30 AEDT', sydney, '2026-04-02T22:30:00Z', 'ann'],
    ['Sydney, Monday after DST, 08:30 AEST', sydney, '2026-04-05T22:30:00Z', 'triage'],
    ['weekend is off', newYork, '2026-11-21T15:00:00Z', 'triage'],
    ['night shift: Monday 23:00 Chicago', nightShift, '2026-11-17T05:00:00Z', 'ann'],
    ['night shift: runs into Tuesday 05:00', nightShift, '2026-11-17T11:00:00Z', 'ann'],
    ['night shift: Tuesday noon is off', nightShift, '2026-11-17T18:00:00Z', 'triage'],
  ])('%s', (_name, config, at, expected) => {
    expect(owner(config, at)).toBe(expected);
  });

  it('a rep without hours is always available', () => {
    expect(owner(repConfig({}), '2026-11-22T03:00:00Z')).toBe('ann');
  });

  it("explains off hours in the rep's local time", () => {
    const decision = route(routable(), newYork, emptyState(), Date.parse('2026-03-06T13:30:00Z'));
    const lines = explain(decision, routable(), newYork);
    expect(lines).toContainEqual(
      expect.objectContaining({ step: 'candidate', rep: 'ann', reason: 'off_hours', detail: 'off hours (Fri 08:30 in America/New_York)' }),
    );
  });
});

describe('out of office', () => {
  const config = loadConfig(
    tinyConfig({
      reps: {
        ann: { name: 'Ann', timeZone: 'Europe/Madrid', outOfOffice: [{ from: '2026-12-24', to: '2026-12-26', backup: 'bob' }] },
        bob: { name: 'Bob' },
        cat: { name: 'Cat', outOfOffice: [{ from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }] },
      },
      routes: [
        { id: 'to-ann', when: { company: 'ann' }, to: { rep: 'ann' } },
        { id: 'to-cat', when: { company: 'cat' }, to: { rep: 'cat' } },
      ],
    }),
  );
  const ownerOf = (company: string, at: string) => route(routable({ company }), config, emptyState(), Date.parse(at));

  it.each([
    ['before the range (23:59 Madrid on the 23rd)', 'ann', '2026-12-23T22:59:00Z', 'ann', 'direct'],
    ['first day starts at local midnight', 'ann', '2026-12-23T23:00:00Z', 'bob', 'backup'],
    ['last date is inclusive', 'ann', '2026-12-26T22:59:00Z', 'bob', 'backup'],
    ['back after the last date', 'ann', '2026-12-26T23:00:00Z', 'ann', 'direct'],
    ['instants: exclusive end', 'cat', '2026-12-02T00:00:00Z', 'cat', 'direct'],
    ['no backup → next route, then fallback', 'cat', '2026-12-01T12:00:00Z', 'triage', 'fallback'],
  ])('%s', (_name, company, at, expected, strategy) => {
    const decision = ownerOf(company, at);
    expect(decision.owner.id).toBe(expected);
    expect(decision.strategy).toBe(strategy);
  });

  it('explains the absence and who covers', () => {
    const decision = ownerOf('ann', '2026-12-25T12:00:00Z');
    const lines = explain(decision, routable({ company: 'ann' }), config);
    expect(lines).toContainEqual(
      expect.objectContaining({ rep: 'ann', reason: 'out_of_office', detail: 'out of office until 2026-12-27 00:00 Europe/Madrid, backup Bob' }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ rep: 'bob', taken: true, detail: 'covering as out-of-office backup' }));
  });
});

describe('capacity and inactive reps', () => {
  const config = loadConfig(
    tinyConfig({
      reps: { ann: { name: 'Ann', capacity: 2 }, bob: { name: 'Bob', active: false }, cat: { name: 'Cat', capacity: 0 } },
      pools: { all: { strategy: 'round_robin', members: ['ann', 'bob', 'cat'] } },
      routes: [{ id: 'pool', to: { pool: 'all' } }],
    }),
  );

  it('takes a rep under capacity', () => {
    expect(route(routable(), config, { cursors: {}, load: { ann: 1 } }, 0).owner.id).toBe('ann');
  });

  it('passes over reps at capacity and inactive reps, and says why', () => {
    const decision = route(routable(), config, { cursors: {}, load: { ann: 2 } }, 0);
    expect(decision.owner.id).toBe('triage');
    const reasons = explain(decision, routable(), config).flatMap((l) => (l.step === 'candidate' ? [`${l.rep}:${l.reason}`] : []));
    expect(reasons).toEqual(['ann:at_capacity', 'bob:inactive', 'cat:at_capacity']);
  });
});
