/**
 * A period of UTC days split into whole calendar months and the days at its edges. The metrics
 * store keeps each rollup by day and by month, so a year's figures read about a dozen month rows
 * and at most two months of day rows per key, rather than 365.
 */
import type { Day } from './types.ts';

/** The month rows and day ranges that together cover a period exactly once. */
export interface PeriodSplit {
  /** First and last month keys (`M2026-01`), when the period holds a whole month. */
  months?: [string, string];
  /** Ranges of days (both ends included) outside those months. */
  days: [Day, Day][];
}

/** The month key a day's rollups are also kept under: `M` + `YYYY-MM` (never between two days). */
export function monthKey(day: Day): string {
  return `M${day.slice(0, 7)}`;
}

const DAY_MS = 86_400_000;
const dayAt = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);

/**
 * Splits `from`–`to` (UTC days, both included) into whole months and edge days.
 * @example splitPeriod('2026-01-15', '2026-04-10') // months M2026-02…M2026-03, days 01-15…01-31 and 04-01…04-10
 */
export function splitPeriod(from: Day, to: Day): PeriodSplit {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (!(start <= end)) return { days: [] };
  const first = new Date(start);
  // The first month that starts on or after `from`, and the last that ends on or before `to`.
  const firstMonth = first.getUTCDate() === 1 ? start : Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1);
  const last = new Date(end);
  const lastMonthEnd = new Date(end + DAY_MS).getUTCDate() === 1 ? end : Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 0);
  if (firstMonth > lastMonthEnd) return { days: [[from, to]] };
  const days: [Day, Day][] = [];
  if (start < firstMonth) days.push([from, dayAt(firstMonth - DAY_MS)]);
  if (lastMonthEnd < end) days.push([dayAt(lastMonthEnd + DAY_MS), to]);
  return { months: [monthKey(dayAt(firstMonth)), monthKey(dayAt(lastMonthEnd))], days };
}
