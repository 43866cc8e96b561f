/**
 * Whether a rep can take a lead now: active, not out of office, inside working hours in their
 * own time zone, under their capacity.
 */
import type { CompiledRep } from './compile.ts';
import { Reason } from './trace.ts';

/**
 * {@link Reason.Taken} (0) when the rep is available, else why not. The order is the order a
 * person would give: away first, then the clock, then the workload.
 */
export function availability(rep: CompiledRep, now: number, load: Readonly<Record<string, number>>): number {
  if (!rep.active) return Reason.Inactive;
  if (outOfOffice(rep, now) !== undefined) return Reason.OutOfOffice;
  if (rep.week !== undefined && rep.week[rep.zone.minuteOfWeek(now)] === 0) return Reason.OffHours;
  if ((load[rep.id] ?? 0) >= rep.capacity) return Reason.AtCapacity;
  return Reason.Taken;
}

/** The out-of-office range the rep is in now, if any. */
export function outOfOffice(rep: CompiledRep, now: number): CompiledRep['outOfOffice'][number] | undefined {
  for (const range of rep.outOfOffice) {
    if (now >= range.from && now < range.to) return range;
  }
  return undefined;
}
