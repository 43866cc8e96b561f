/**
 * Local time in a rep's own time zone, DST included, fast enough to ask for every candidate.
 *
 * `Intl` is the only correct source of zone rules here, but one call costs microseconds, so
 * each zone caches its UTC offset per six-hour window: offsets only change at transitions, and
 * a window whose two ends share an offset has that offset throughout (no zone in the tz
 * database changes its offset and back within six hours). A window holding a transition is
 * not cached: each instant in it is computed exactly.
 */
import type { WorkingHoursSpec } from '../config/schema.ts';

const WINDOW = 6 * 3_600_000;
const DAY = 86_400_000;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** A time zone with a cached offset. */
export class Zone {
  readonly name: string;
  readonly #format: Intl.DateTimeFormat;
  #bucket = Number.NaN;
  #offset = 0;
  #lastInstant = Number.NaN;
  #lastMinuteOfWeek = 0;

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
    const bucket = Math.floor(epochMs / WINDOW);
    if (bucket === this.#bucket) return this.#offset;
    const start = this.#exactOffset(bucket * WINDOW);
    const end = this.#exactOffset(bucket * WINDOW + WINDOW - 1000);
    if (start !== end) return this.#exactOffset(epochMs);
    this.#bucket = bucket;
    this.#offset = start;
    return start;
  }

  /**
   * Minutes since Sunday 00:00 on the zone's wall clock. Cached for the last instant asked:
   * one decision asks it for every candidate rep, and reps share zones.
   */
  minuteOfWeek(epochMs: number): number {
    if (epochMs === this.#lastInstant) return this.#lastMinuteOfWeek;
    const local = epochMs + this.offsetAt(epochMs);
    const day = Math.floor(local / DAY);
    this.#lastInstant = epochMs;
    this.#lastMinuteOfWeek = ((((day + 4) % 7) + 7) % 7) * 1440 + Math.floor((local - day * DAY) / 60_000);
    return this.#lastMinuteOfWeek;
  }

  /** Whole days since 1970-01-01 on the zone's wall clock: the "today" of daily caps. */
  dayNumber(epochMs: number): number {
    return Math.floor((epochMs + this.offsetAt(epochMs)) / DAY);
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

/** Working hours: one byte per minute of the week from Sunday 00:00 local, 1 when working. */
export type WeekHours = Uint8Array;

const MINUTES_PER_WEEK = 7 * 1440;

/** Local weekday (0 = Sunday) and minute of day of an instant in a zone. */
export function localTime(zone: Zone, epochMs: number): { weekday: number; minute: number } {
  const local = epochMs + zone.offsetAt(epochMs);
  const day = Math.floor(local / DAY);
  return { weekday: (((day + 4) % 7) + 7) % 7, minute: Math.floor((local - day * DAY) / 60_000) };
}

/**
 * Compiles `{ "mon-fri": "09:00-17:30", "sat": "10:00-14:00" }` into a minute-of-week table
 * (10 KB, shared by reps with the same hours): the availability check is then one array read.
 * A span that ends before it starts runs past midnight into the next day. Days not named are off.
 */
export function compileHours(spec: WorkingHoursSpec): WeekHours {
  const week = new Uint8Array(MINUTES_PER_WEEK);
  for (const [dayKey, value] of Object.entries(spec)) {
    const ranges = value === 'off' ? [] : Array.isArray(value) ? value : [value];
    for (const day of expandDays(dayKey)) {
      for (const range of ranges) {
        const [start, end] = range.split('-').map(toMinutes) as [number, number];
        // A span ending at or before its start runs past midnight into the next day.
        const length = end > start ? end - start : 1440 - start + end;
        for (let m = 0; m < length; m++) week[(day * 1440 + start + m) % MINUTES_PER_WEEK] = 1;
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
