/**
 * Whether a rep can take a lead now: active, able (speaks the language, has the skills the
 * route requires), not out of office, inside working hours in their own time zone, under their
 * capacity (open leads) and their daily capacity (new leads today, in their own zone).
 */
import type { CompiledRep } from './compile.ts';
import { missingSkill, type Need } from './team.ts';
import { Reason } from './trace.ts';
import type { RoutingState } from './types.ts';

/**
 * {@link Reason.Taken} (0) when the rep is available, else why not. The order is the order a
 * person would give: gone first, then what the rep cannot do, then away, the clock, the workload.
 * @param need what the route requires of the rep for this lead, if anything
 */
export function availability(rep: CompiledRep, now: number, state: RoutingState, need?: Need): number {
  if (!rep.active) return Reason.Inactive;
  if (need !== undefined) {
    if (need.language !== undefined && !rep.languages.includes(need.language)) return Reason.NoLanguage;
    if (missingSkill(rep, need) !== undefined) return Reason.NoSkill;
  }
  if (outOfOffice(rep, now) !== undefined) return Reason.OutOfOffice;
  if (rep.week !== undefined && rep.week[rep.zone.minuteOfWeek(now)] === 0) return Reason.OffHours;
  if ((state.load[rep.id] ?? 0) >= rep.capacity) return Reason.AtCapacity;
  if (rep.dailyCapacity !== Number.POSITIVE_INFINITY && newToday(rep, now, state) >= rep.dailyCapacity) return Reason.AtDailyCap;
  return Reason.Taken;
}

/** New leads the rep was given today, on their own wall clock (a count of another day is 0). */
export function newToday(rep: CompiledRep, now: number, state: RoutingState): number {
  const daily = state.daily?.[rep.id];
  return daily !== undefined && daily.day === rep.zone.dayNumber(now) ? daily.count : 0;
}

/** The out-of-office range the rep is in now, if any. */
export function outOfOffice(rep: CompiledRep, now: number): CompiledRep['outOfOffice'][number] | undefined {
  for (const range of rep.outOfOffice) {
    if (now >= range.from && now < range.to) return range;
  }
  return undefined;
}
