/**
 * Company size as people type it (`50`, `50-200`, `1k+`, `less than 10`, `just me`, and the
 * Spanish `más de 500`) to a lower bound and, when stated, an upper bound.
 */
import { INVALID, type Invalid } from './result.ts';
import { stripAccents, tidy } from './text.ts';

/** A head-count: at least `min`, and at most `max` when a range or ceiling was given. */
export interface EmployeeCount {
  min: number;
  max?: number;
}

/** Larger than the largest employer on earth: anything above is a typo, not a company. */
const MAX_EMPLOYEES = 10_000_000;

const DASHES = /[‐‑‒–—―−]/g;
// Words that say nothing about the number: `50 employees`, `about 50`, `~50`, `unos 50`.
const NOISE =
  /\b(?:employees?|empleados?|people|persons?|personas?|staff|workers?|trabajadores|colaboradores|ppl|emps?|headcount|ftes?|approx(?:imately)?|about|around|roughly|circa|ca|aprox(?:imadamente)?|unos|alrededor de)\b|[~≈.]+$|[~≈]/g;
const SOLO =
  /^(?:me|myself|solo|yo|freelancer?|autonomo|independiente|1 ?\(?just me\)?)$|\b(?:self[ -]*employed|just me|only me|solo yo|sole (?:trader|proprietor))\b/;

// A number with optional thousands separators or decimals, and an optional multiplier.
const N = String.raw`(\d+(?:[.,]\d+)*)\s*(k|thousand|millions?|millon(?:es)?|mil|mm|m)?`;
const RANGE = new RegExp(String.raw`^(?:between |entre |from |de )?${N}\s*(?:-|to|a|y|and|till|until|hasta)\s*${N}$`);
const OR_MORE = new RegExp(
  String.raw`^(?:(?:at least|min(?:imum)?|al menos|>=|=>|≥)\s*${N}|${N}\s*(?:\+|or more|or above|and (?:up|above|over|more)|plus|o mas|y mas))$`,
);
const MORE_THAN = new RegExp(String.raw`^(?:more than|over|above|greater than|>|mas de|mas que)\s*${N}$`);
const LESS_THAN = new RegExp(String.raw`^(?:less than|fewer than|under|below|<|menos de|menos que)\s*${N}$`);
const UP_TO = new RegExp(String.raw`^(?:(?:up to|at most|max(?:imum)?|<=|=<|≤|hasta)\s*${N}|${N}\s*(?:or (?:less|fewer)|o menos))$`);
const SINGLE = new RegExp(String.raw`^${N}$`);
const SEPARATOR = /[.,]/;

/**
 * Parses a stated company size. Conventions:
 * - `50` → min 50 (a single figure is a floor, whatever the real number is);
 * - `50-200`, `50 to 200`, `5k-10k`, `5-10k` (the unit applies to both) → min 50, max 200;
 * - `1k+`, `1,000+`, `1.000+`, `1000 or more`, `at least 1000` → min 1000;
 * - `more than 500`, `over 500` → min 501 (strictly more);
 * - `<10`, `less than 10`, `under 10` → min 1, max 9 (strictly less);
 *   `up to 10`, `10 or fewer` → min 1, max 10;
 * - `self-employed`, `just me` → min 1, max 1.
 * A company has at least one person: zero alone, negatives, text without a number, and
 * figures above ten million are `invalid`. `1,000` and `1.000` are thousands; `1.5k` is 1500.
 */
export function parseEmployees(raw: string | number): EmployeeCount | Invalid {
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && raw >= 1 && raw <= MAX_EMPLOYEES ? { min: raw } : INVALID;
  }
  const text = tidy(stripAccents(raw).toLowerCase().replace(DASHES, '-').replace(NOISE, ' '));
  if (text === '') return INVALID;
  if (SOLO.test(text)) return { min: 1, max: 1 };

  let match = SINGLE.exec(text);
  if (match !== null) return atLeast(toCount(match[1], match[2]));
  match = RANGE.exec(text);
  if (match !== null) return range(match);
  match = OR_MORE.exec(text);
  if (match !== null) return atLeast(toCount(match[1] ?? match[3], match[2] ?? match[4]));
  match = MORE_THAN.exec(text);
  if (match !== null) return atLeast(toCount(match[1], match[2]) + 1);
  match = LESS_THAN.exec(text);
  if (match !== null) return atMost(toCount(match[1], match[2]) - 1);
  match = UP_TO.exec(text);
  if (match !== null) return atMost(toCount(match[1] ?? match[3], match[2] ?? match[4]));
  return INVALID;
}

/** `{ min }` when the floor is a plausible head-count. */
function atLeast(min: number): EmployeeCount | Invalid {
  return min >= 1 && min <= MAX_EMPLOYEES ? { min } : INVALID;
}

/** `{ min: 1, max }` when the ceiling is a plausible head-count. */
function atMost(max: number): EmployeeCount | Invalid {
  return max >= 1 && max <= MAX_EMPLOYEES ? { min: 1, max } : INVALID;
}

/** `{ min, max }` from a matched range, the unit of the upper bound applying to both. */
function range(match: RegExpExecArray): EmployeeCount | Invalid {
  const [, lowDigits, lowUnit, highDigits, highUnit] = match;
  const high = toCount(highDigits, highUnit);
  let low = toCount(lowDigits, lowUnit);
  // `5-10k` is 5,000 to 10,000; but `500-1k` is 500 to 1,000.
  if (lowUnit === undefined && highUnit !== undefined) {
    const scaled = toCount(lowDigits, highUnit);
    if (scaled < high) low = scaled;
  }
  // `0-10` is a company of up to ten; nobody has zero employees.
  if (low === 0) low = 1;
  if (!(low >= 1 && high >= low && high <= MAX_EMPLOYEES)) return INVALID;
  return { min: low, max: high };
}

/** The integer a number token and its multiplier stand for, NaN when it is not a whole count. */
function toCount(digits: string | undefined, unit: string | undefined): number {
  if (digits === undefined) return Number.NaN;
  const multiplier = unit === undefined ? 1 : unit === 'k' || unit === 'thousand' || unit === 'mil' ? 1e3 : 1e6;
  let value: number;
  if (!SEPARATOR.test(digits)) {
    value = Number(digits);
  } else {
    const groups = digits.split(SEPARATOR);
    const first = groups[0] ?? '';
    const thousands = first.length <= 3 && groups.slice(1).every((group) => group.length === 3);
    // `1,000` / `1.000` are thousands; `1.5k` / `2,5k` are decimals. Without a multiplier only
    // thousands make sense (`1,00` is a slip, not one person); with one, a single separator is
    // a decimal (`1.500k` is read as 1.5k): nobody writes 1,500 thousand.
    if (thousands && (unit === undefined || groups.length > 2)) {
      value = Number(groups.join(''));
    } else if (unit !== undefined && groups.length === 2) {
      value = Number(`${first}.${groups[1] ?? ''}`);
    } else {
      return Number.NaN;
    }
  }
  const count = Math.round(value * multiplier);
  // Rounding only absorbs float noise (`1.1k`); `2.5` people is not a head-count.
  return Math.abs(count - value * multiplier) < 1e-6 ? count : Number.NaN;
}
