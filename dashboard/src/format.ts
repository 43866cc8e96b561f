/** Number formats of the dashboard. */
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

/** An instant in the reader's time zone. */
export function when(at: number | undefined): string {
  return at === undefined ? '–' : new Date(at).toLocaleString();
}

/** `rep:dana` → Dana's name from the config, `queue:x` → the queue's name. */
export function ownerName(key: string, names: Record<string, string>): string {
  return names[key] ?? key.replace(/^(rep|queue):/, '');
}
