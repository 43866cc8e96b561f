/** Number and time formats of the dashboard: one of each, in the reader's language and time zone. */
import { formatDuration } from '../../shared/time/duration.ts';

/** A share as a percentage, or a dash when there is nothing to divide. */
export function pct(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(value === 1 || value === 0 ? 0 : 1)} %`;
}

/** Milliseconds as people read them (40 ms, 2.5 s, 3 min, 2 h 5 min). */
export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (value < 1_000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${(value / 1_000).toFixed(value < 10_000 ? 1 : 0)} s`;
  return formatDuration(value);
}

const INSTANT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** An instant in the reader's time zone, the one way the dashboard writes times: "3 Dec 2026, 14:05". */
export function when(at: number | undefined): string {
  return at === undefined ? '–' : INSTANT.format(at);
}

/** A UTC day (`2026-12-03`, how figures are bucketed) as "3 Dec". */
export function dayLabel(day: string): string {
  return DAY.format(Date.parse(`${day}T00:00:00Z`));
}
