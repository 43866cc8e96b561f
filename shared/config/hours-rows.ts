/**
 * Working hours as one row per weekday, for a form, and back: `{ "mon-fri": "09:00-17:30" }`
 * is Monday to Friday "09:00-17:30", Saturday and Sunday off; the rows give back the same
 * compact JSON a person would write, consecutive days with the same hours joined.
 */
import type { WorkingHoursSpec } from './schema.ts';

/** The weekdays, in order, as the config names them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A weekday. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Each weekday's spans as text (`09:00-12:00, 13:00-17:00`), or '' when off. */
export type HourRows = Record<Weekday, string>;

/** The rows of a working-hours spec (days it does not name are off). */
export function hourRowsOf(spec: WorkingHoursSpec | undefined): HourRows {
  const rows = Object.fromEntries(WEEKDAYS.map((d) => [d, ''])) as HourRows;
  for (const [key, value] of Object.entries(spec ?? {})) {
    const text = value === 'off' ? '' : [value].flat().join(', ');
    for (const part of key.split(',')) {
      const [from, to = from] = part.split('-') as [Weekday, Weekday?];
      const a = WEEKDAYS.indexOf(from);
      const b = WEEKDAYS.indexOf(to);
      for (let i = a; i >= 0 && i <= b; i++) rows[WEEKDAYS[i]!] = text;
    }
  }
  return rows;
}

/**
 * The spec of some rows, consecutive days with the same hours joined (`mon-fri`); days off are
 * left out.
 * @example hoursOfRows({ mon: '09:00-17:30', …, fri: '09:00-17:30', sat: '', sun: '' }) // { 'mon-fri': '09:00-17:30' }
 */
export function hoursOfRows(rows: HourRows): WorkingHoursSpec {
  const spec: WorkingHoursSpec = {};
  let start = 0;
  for (let i = 1; i <= WEEKDAYS.length; i++) {
    const text = rows[WEEKDAYS[start]!].trim();
    if (i < WEEKDAYS.length && rows[WEEKDAYS[i]!].trim() === text) continue;
    if (text !== '') {
      const spans = text
        .split(',')
        .map((s) =>
          s
            .trim()
            .replace(/\s*[–-]\s*/, '-')
            .replace(/(^|-)(\d):/g, (_, at: string, hour: string) => `${at}0${hour}:`),
        )
        .filter(Boolean);
      const key = i - 1 === start ? WEEKDAYS[start]! : `${WEEKDAYS[start]}-${WEEKDAYS[i - 1]}`;
      spec[key] = spans.length === 1 ? spans[0]! : spans;
    }
    start = i;
  }
  return spec;
}
