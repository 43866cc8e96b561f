/**
 * Local time in a rep's own time zone, DST included, fast enough to ask for every candidate.
 *
 * `Intl` is the only correct source of zone rules here, but one call costs microseconds, so
 * each zone caches its UTC offset per quarter hour: offsets only change at transitions, and a
 * quarter hour whose two ends share an offset has that offset throughout.
 */
import type { WorkingHoursSpec } from '../config/schema.ts';

const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** A time zone with a cached offset. */
export class Zone {
  readonly name: string;
  readonly #format: Intl.DateTimeFormat;
  #bucket = Number.NaN;
  #offset = 0;

  constructor(name: string) {
    this.name = name;
    this.#format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds to add to a UTC instant to get the zone's wall clock. */
  offsetAt(epochMs: number): number {
    const bucket = Math.floor(epochMs / QUARTER_HOUR);
    if (bucket === this.#bucket) return this.#offset;
    const start = this.#exactOffset(bucket * QUARTER_HOUR);
    const end = this.#exactOffset(bucket * QUARTER_HOUR + QUARTER_HOUR - 1000);
    if (start !== end) return this.#exactOffset(epochMs);
    this.#bucket = bucket;
    this.#offset = start;
    return start;
  }

  /** The UTC instant of a wall-clock time in this zone (the later one when a time repeats). */
  instantOf(year: number, month: number, day: number, minutes = 0): number {
    const wall = Date.UTC(year, month - 1, day) + minutes * 60_000;
    const first = wall - this.offsetAt(wall);
    const second = wall - this.offsetAt(first);
    return second;
  }

  #exactOffset(epochMs: number): number {
    const whole = epochMs - (((epochMs % 1000) + 1000) % 1000);
    const parts = this.#format.formatToParts(whole);
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return wall - whole;
  }
}

/** Working hours as minute intervals per weekday (0 = Sunday), in local time. */
export type WeekHours = readonly (readonly number[])[];

/** Local weekday (0 = Sunday) and minute of day of an instant in a zone. */
export function localTime(zone: Zone, epochMs: number): { weekday: number; minute: number } {
  const local = epochMs + zone.offsetAt(epochMs);
  const day = Math.floor(local / DAY);
  return { weekday: (((day + 4) % 7) + 7) % 7, minute: Math.floor((local - day * DAY) / 60_000) };
}

/** True when the local time falls inside the week's hours. */
export function isWithinHours(week: WeekHours, weekday: number, minute: number): boolean {
  const spans = week[weekday]!;
  for (let i = 0; i < spans.length; i += 2) {
    if (minute >= spans[i]! && minute < spans[i + 1]!) return true;
  }
  return false;
}

/**
 * Compiles `{ "mon-fri": "09:00-17:30", "sat": "10:00-14:00" }` into per-day minute spans.
 * A span that ends before it starts runs past midnight into the next day. Days not named are off.
 */
export function compileHours(spec: WorkingHoursSpec): WeekHours {
  const week: number[][] = DAYS.map(() => []);
  for (const [dayKey, value] of Object.entries(spec)) {
    const ranges = value === 'off' ? [] : Array.isArray(value) ? value : [value];
    for (const day of expandDays(dayKey)) {
      for (const range of ranges) {
        const [start, end] = range.split('-').map(toMinutes) as [number, number];
        if (end > start) week[day]!.push(start, end);
        else {
          week[day]!.push(start, 1440);
          if (end > 0) week[(day + 1) % 7]!.push(0, end);
        }
      }
    }
  }
  return week;
}

function expandDays(key: string): number[] {
  const days: number[] = [];
  for (const part of key.split(',')) {
    const [from, to] = part.split('-') as [string, string | undefined];
    const start = DAYS.indexOf(from as (typeof DAYS)[number]);
    const end = to === undefined ? start : DAYS.indexOf(to as (typeof DAYS)[number]);
    for (let d = start; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === end) break;
    }
  }
  return days;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * The instant a config date or instant stands for: an ISO instant as written; a bare date is
 * the start of that day in `zone`, or with `endOfDay` the start of the next (dates are inclusive).
 */
export function toInstant(text: string, zone: Zone, endOfDay = false): number {
  if (text.length > 10) return Date.parse(text);
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return zone.instantOf(y, m, d + (endOfDay ? 1 : 0));
}
