/**
 * SLA clocks that run only in working hours: "respond within 2 hours" for a lead that arrives
 * at 17:00 on Friday means by 11:00 on Monday for a 9-to-5 rep, in the rep's own time zone.
 */
import type { WeekHours, Zone } from './clock.ts';

const MINUTE = 60_000;
/** Two weeks: a week table with no working minute at all gives up after this. */
const SEARCH_LIMIT_MINUTES = 14 * 24 * 60;

/**
 * The instant `durationMs` of working time after `start`, counting only minutes inside `week`
 * in `zone`. With no working hours in the next two weeks, the wall clock is used instead.
 * @example addWorkingTime(friday5pm, 2 * 3_600_000, weekdays9to5, newYork) // Monday 11:00
 */
export function addWorkingTime(start: number, durationMs: number, week: WeekHours, zone: Zone): number {
  let remaining = Math.ceil(durationMs / MINUTE);
  if (remaining <= 0) return start;
  // Step a minute at a time from `start`; a minute counts when it begins inside working hours.
  let t = start;
  for (let searched = 0; searched < SEARCH_LIMIT_MINUTES + remaining; searched++) {
    if (week[zone.minuteOfWeek(t)] === 1 && --remaining === 0) return t + MINUTE;
    t += MINUTE;
  }
  return start + durationMs;
}
