/**
 * Config values in plain words, the pieces {@link describeConfig} and {@link diffConfigs} build
 * sentences from: durations ("15 minutes"), lists ("Ana, Ben and Chloe"), working hours
 * ("Mon–Fri 9:00–17:30"), dates ("21 Dec 2026") and time zones ("New York time").
 *
 * One place for each wording, so the routing page, the printable document and the publish diff
 * say the same thing the same way.
 */
import { parseDuration } from '../time/duration.ts';
import type { WorkingHoursSpec } from './schema.ts';

const UNITS: [ms: number, one: string, many: string][] = [
  [86_400_000, 'day', 'days'],
  [3_600_000, 'hour', 'hours'],
  [60_000, 'minute', 'minutes'],
  [1_000, 'second', 'seconds'],
];

/**
 * A config duration in words.
 * @example durationWords('1h30m') // '1 hour 30 minutes'
 */
export function durationWords(text: string): string {
  const ms = parseDuration(text);
  if (ms === undefined) return text;
  if (ms === 0) return '0 minutes';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, one, many] of UNITS) {
    const n = Math.floor(rest / unit);
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
    rest -= n * unit;
  }
  return parts.join(' ');
}

/**
 * A list as people write it.
 * @example listWords(['Ana', 'Ben', 'Chloe']) // 'Ana, Ben and Chloe'
 * @example listWords(['US', 'CA'], 'or') // 'US or CA'
 */
export function listWords(items: readonly string[], last: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Words of identifiers that read as acronyms. */
const ACRONYMS = new Set(['ae', 'aes', 'ai', 'amer', 'apac', 'b2b', 'b2c', 'emea', 'eu', 'latam', 'na', 'sdr', 'sdrs', 'sf', 'smb', 'uk', 'us', 'vip']);

/** An identifier as a title: `mid-market-east` → `Mid-market east`, `same-day-sf` → `Same day SF`. */
export function titleOf(id: string): string {
  const words = id
    .replace(/[_.-]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase().replace(/S$/, 's') : w));
  const text = words.join(' ').replace(/\bmid market\b/gi, 'mid-market');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const DAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** `09:00` → `9:00`. */
function clock(time: string): string {
  return time.replace(/^0(\d)/, '$1');
}

/** `09:00-17:30` → `9:00–17:30`. */
function span(range: string): string {
  const [from = '', to = ''] = range.split('-');
  return `${clock(from)}–${clock(to)}`;
}

/** `mon-fri,sat` → `Mon–Fri, Sat`. */
function days(key: string): string {
  return key
    .split(',')
    .map((part) =>
      part
        .split('-')
        .map((d) => DAY_NAMES[d] ?? d)
        .join('–'),
    )
    .join(', ');
}

/**
 * Working hours in words, in the order written.
 * @example hoursWords({ 'mon-fri': '09:00-17:30', sat: ['10:00-12:00', '13:00-15:00'], sun: 'off' })
 * // 'Mon–Fri 9:00–17:30, Sat 10:00–12:00 and 13:00–15:00, Sun off'
 */
export function hoursWords(hours: WorkingHoursSpec | undefined): string {
  if (!hours || Object.keys(hours).length === 0) return 'any time';
  return Object.entries(hours)
    .map(([key, value]) => `${days(key)} ${value === 'off' ? 'off' : listWords([value].flat().map(span))}`)
    .join(', ');
}

/**
 * An IANA zone as people say it.
 * @example zoneWords('America/New_York') // 'New York time'
 */
export function zoneWords(zone: string): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const city = zone.split('/').pop() ?? zone;
  return `${city.replace(/_/g, ' ')} time`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A config date or instant in words, as written (no zone conversion: a date is a whole day in
 * the rep's zone, an instant keeps its offset).
 * @example dateWords('2026-12-21') // '21 Dec 2026'
 * @example dateWords('2026-12-24T13:00:00Z') // '24 Dec 2026 13:00 UTC'
 */
export function dateWords(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(text);
  if (!m) return text;
  const day = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  if (!m[4]) return day;
  return `${day} ${m[4]} ${m[5] === 'Z' ? 'UTC' : `UTC${m[5]}`}`;
}

/**
 * A date range in words, shortened when both ends share the year or month.
 * @example rangeWords('2026-12-21', '2027-01-01') // '21 Dec 2026 – 1 Jan 2027'
 * @example rangeWords('2027-01-04', '2027-01-08') // '4–8 Jan 2027'
 */
export function rangeWords(from: string, to: string): string {
  const a = dateWords(from);
  const b = dateWords(to);
  const [ad, am, ay, ...at] = a.split(' ');
  const [bd, bm, by, ...bt] = b.split(' ');
  if (at.length === 0 && bt.length === 0 && ay === by) {
    if (am === bm) return ad === bd ? a : `${ad}–${b}`;
    return `${ad} ${am} – ${b}`;
  }
  return `${a} – ${b}`;
}

/** `3` → `3rd`: positions of rules. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A number of things: `1 lead`, `3 leads`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
