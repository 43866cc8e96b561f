/**
 * The routing config's building blocks (zod/mini): ids, durations, hours, counts, text, and the
 * conditions routes, territories and scores are written in. `schema.ts` assembles the config
 * from them; they live apart so that file stays readable.
 */
import * as z from 'zod/mini';
import { parseDuration } from '../time/duration.ts';
import { issueMessage } from './issue-message.ts';

// Before any schema parses: every issue gets the house wording.
z.config({ localeError: issueMessage });

export const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** A short identifier for a rep, pool, queue, route, territory or form type. */
export const Id = z.string().check(z.regex(ID, 'use letters, digits, dot, dash or underscore (at most 64)'));

/** `15m`, `1h`, `1h30m`, `2d`. */
export const Duration = z.string().check(z.refine((s) => parseDuration(s) !== undefined, 'a duration like 90s, 15m, 1h, 1h30m or 2d'));

const TIME_RANGE = /^([01]\d|2[0-4]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
/** `09:00-17:30`, in the rep's own time zone; `22:00-06:00` runs past midnight. */
export const TimeRange = z.string().check(z.regex(TIME_RANGE, 'a time range like 09:00-17:30'));

const DAY_KEY = /^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?(,(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?)*$/;
/** Working hours: day or day range → time range(s) or `off`. `{ "mon-fri": "09:00-17:00" }` */
export const WorkingHours = z.record(
  z.string().check(z.regex(DAY_KEY, 'days like mon, mon-fri or sat,sun')),
  z.union([TimeRange, z.array(TimeRange), z.literal('off')]),
);

/** A date (`2026-12-24`, a whole day in the rep's zone) or an instant with offset. */
export const DateOrInstant = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/, 'a date like 2026-12-24 or an instant like 2026-12-24T13:00:00Z'));

export const TimeZone = z.string().check(z.refine(isTimeZone, 'an IANA time zone such as America/New_York or Europe/Madrid'));

/** True when the runtime knows `tz` as an IANA time zone. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const opt = z.optional;
/** A whole number of at least 0 (not `z.int()`, whose number-format module costs the Worker 0.4 KB gzip). */
export const Count = z.number().check(z.refine(Number.isInteger, 'a whole number'), z.minimum(0));
/** An email address (a plain pattern: zod's own costs the Worker its regex module). */
export const Email = z.string().check(z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address like dana@acme.com'));
/** A string of `min` to `max` characters. */
export const text = (max: number, min = 0) => (min > 0 ? z.string().check(z.minLength(min), z.maxLength(max)) : z.string().check(z.maxLength(max)));
/** A list of at least one. */
export const some = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1));

/** An ISO 639 language code, as leads carry it (from the browser's locale). */
export const Language = z.string().check(z.regex(/^[a-z]{2,3}$/, 'an ISO 639 language code, like en or es'));

export const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export const ScalarList = some(z.union([z.string(), z.number()]));
export const StringOrList = z.union([z.string(), some(z.string())]);

/** Tests on one field; several in one object must all hold. */
export const FieldTest = z.union([
  Scalar,
  ScalarList,
  z
    .strictObject({
      eq: opt(Scalar),
      ne: opt(Scalar),
      in: opt(ScalarList),
      notIn: opt(ScalarList),
      gt: opt(z.number()),
      gte: opt(z.number()),
      lt: opt(z.number()),
      lte: opt(z.number()),
      prefix: opt(StringOrList),
      contains: opt(StringOrList),
      exists: opt(z.boolean()),
    })
    .check(z.refine((t) => Object.keys(t).length > 0, 'at least one test: eq, ne, in, notIn, gt, gte, lt, lte, prefix, contains, exists')),
]);

/** Field → test. All must hold; a list of such objects holds when any one does. */
export const Condition = z.record(z.string(), FieldTest);
export const When = z.union([Condition, some(Condition)]);
