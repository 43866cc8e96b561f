/**
 * Phone numbers to E.164, through libphonenumber's "min" metadata (valid number ranges per
 * country, without the per-type patterns of "max" that the widget cannot afford). Numbers typed
 * plainly are read on the metadata's patterns compiled once (phone-plans.ts), the rest by
 * libphonenumber-js itself; both give the library's answer.
 */
// The core entry with the min metadata passed in: what `libphonenumber-js/min` wraps, lighter.
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import type { CountryCode } from 'libphonenumber-js/core';
import { phoneMetadata } from './phone-metadata.ts';
import { INVALID, type Invalid } from './result.ts';
import { checkLength, countryOf, isKnownCallingCode, isKnownCountry, isValidNumber, numberingPlan, type NumberingPlan } from './phone-plans.ts';

/** A number in E.164 form and the country it belongs to, when it belongs to one. */
export interface NormalizedPhone {
  /** E.164: `+` and digits, e.g. `+14155552671`. Extensions are dropped. */
  e164: string;
  /** ISO 3166-1 alpha-2 of the number, absent for non-geographic numbers (`+800…`). */
  country?: string;
}

// `00` is the international prefix in most of the world; the library only understands it when
// the default country uses it, so `0044 …` without (or with a US) default gets a second try as `+44 …`.
const LEADING_00 = /^00[\s.-]*/;

/**
 * Parses a phone number as typed (`(415) 555-2671`, `+44 20 7946 0958`, `020 7946 0958`) into
 * E.164. National numbers need `defaultCountry` (ISO alpha-2, e.g. the lead's country).
 *
 * Valid means `isValid()`: the number falls in a range the country has actually allocated. We
 * keep that rather than the looser `isPossible()` (length only) because the min metadata
 * already accepts the fictional 555-01xx numbers used in tests and demos (`(415) 555-0123`),
 * while `isPossible()` lets through junk such as `555-555-5555`.
 */
export function normalizePhone(raw: string, defaultCountry?: string): NormalizedPhone | Invalid {
  const text = raw.trim();
  if (text === '') return INVALID;
  const country = supportedCountry(defaultCountry);
  let parsed = parse(text, country);
  if (parsed === INVALID && LEADING_00.test(text)) {
    parsed = parse(text.replace(LEADING_00, '+'), country);
  }
  return parsed;
}

/**
 * The valid number, or INVALID. Numbers typed with digits, spaces, `+ ( ) . - /` only (nearly
 * all) go through {@link parsePlain}; the rest (extensions, letters, other scripts' digits,
 * `tel:` URIs, the few national prefixes that carry a carrier code) through the library.
 */
function parse(text: string, country: CountryCode | undefined): NormalizedPhone | Invalid {
  const plain = PLAIN.test(text) ? parsePlain(text, country) : UNDECIDED;
  return plain === UNDECIDED ? parseWithLibrary(text, country) : plain;
}

function parseWithLibrary(text: string, country: CountryCode | undefined): NormalizedPhone | Invalid {
  // `extract: false`: the field holds a phone number, not prose to search for one; skipping
  // the search halves the cost of a US number.
  const parsed = parsePhoneNumberFromString(text, country === undefined ? { extract: false } : { defaultCountry: country, extract: false }, phoneMetadata());
  if (parsed === undefined || !parsed.isValid()) return INVALID;
  return parsed.country === undefined ? { e164: parsed.number } : { e164: parsed.number, country: parsed.country };
}

/*
 * The library's parse, for plain input, on compiled patterns (see phone-plans.ts for why).
 * Each step is the library's own rule, in its order; where a rule would need more than the
 * plain case (a national prefix that captures a carrier code), the answer is UNDECIDED and the
 * library decides. phone-equivalence.test.ts holds the two to the same answers.
 */

// A leading `+`, then ASCII digits, spaces (no-break too) and `( ) . - /`: all punctuation the
// library accepts. No letters (extensions, `tel:`), no `#`, `;` or `,` (its other extension
// markers), no tabs or line breaks (it refuses those), no full-width or Arabic digits.
const PLAIN = /^\+?[0-9 \u00a0().\-/]*$/;
const NON_DIGITS = /\D/g;
const UNDECIDED = Symbol('undecided');
type Undecided = typeof UNDECIDED;
// Lengths of a national (significant) number the library accepts at all.
const MIN_NATIONAL = 2;
const MAX_NATIONAL = 17;

function parsePlain(text: string, defaultCountry: CountryCode | undefined): NormalizedPhone | Invalid | Undecided {
  // Over 250 characters the library refuses the input; under 3 digits it is "not a number" or
  // a 2-digit edge case. Both rare: the library's to judge.
  if (text.length > 250) return UNDECIDED;
  let digits = text.replace(NON_DIGITS, '');
  if (digits.length < 3) return UNDECIDED;

  let national = false;
  let callingCode: string | undefined;
  let rest = digits;
  if (text[0] !== '+') {
    if (defaultCountry === undefined) return INVALID; // a national number with no country to read it in
    const plan = numberingPlan(defaultCountry);
    // The default country's international prefix (`011` in the US) makes it international
    // when a calling code can follow (something that does not start with 0)…
    const idd = plan.iddPrefix.exec(digits);
    const afterIdd = idd !== null && idd.index === 0 ? digits.slice(idd[0].length) : digits;
    if (afterIdd !== digits && afterIdd !== '' && afterIdd[0] !== '0') {
      digits = afterIdd;
    } else {
      // …and so does its calling code typed without the `+` (`1 415 555 2671` in the US)…
      const withoutPlus = digits.startsWith(plan.callingCode) && hasCallingCodeWithoutPlus(digits, plan);
      if (withoutPlus === UNDECIDED) return UNDECIDED;
      callingCode = plan.callingCode;
      if (withoutPlus) rest = digits.slice(callingCode.length);
      else national = true; // …else it is national.
    }
  }
  if (callingCode === undefined) {
    if (digits[0] === '0') return INVALID; // no calling code starts with 0
    for (let length = 1; length <= 3 && length <= digits.length; length++) {
      const code = digits.slice(0, length);
      if (isKnownCallingCode(code)) {
        callingCode = code;
        rest = digits.slice(length);
        break;
      }
    }
    if (callingCode === undefined) return INVALID;
  }
  if (rest === '') return INVALID;

  // National input is read in the default country's plan, international in the calling code's.
  const nationalNumber = nationalNumberOf(rest, numberingPlan(national ? defaultCountry! : callingCode));
  if (nationalNumber === UNDECIDED) return UNDECIDED;
  if (nationalNumber.length < MIN_NATIONAL || nationalNumber.length > MAX_NATIONAL) return INVALID;
  const country = countryOf(callingCode, nationalNumber) ?? (national ? defaultCountry : undefined);
  if (!isValidNumber(numberingPlan(country ?? callingCode), nationalNumber)) return INVALID;
  const e164 = `+${callingCode}${nationalNumber}`;
  return country === undefined ? { e164 } : { e164, country };
}

/**
 * Whether digits starting with the default country's calling code are that code typed without
 * its `+`: the library says so when the whole is not a valid national number but the rest is,
 * or when the whole is too long to be national.
 */
function hasCallingCodeWithoutPlus(digits: string, plan: NumberingPlan): boolean | Undecided {
  const whole = nationalNumberOf(digits, plan);
  const shorter = nationalNumberOf(digits.slice(plan.callingCode.length), plan);
  if (whole === UNDECIDED || shorter === UNDECIDED) return UNDECIDED;
  return (!plan.nationalNumber.test(whole) && plan.nationalNumber.test(shorter)) || checkLength(plan, whole) === 'too_long';
}

/**
 * The national (significant) number: `digits` without the plan's national prefix (the UK's
 * `0`), unless stripping it would leave a number of an impossible length, or turn a number
 * that fits the plan's pattern into one that does not. UNDECIDED when the prefix pattern
 * captures (carrier codes, digit rewriting), which only the library handles.
 */
function nationalNumberOf(digits: string, plan: NumberingPlan): string | Undecided {
  if (digits === '' || plan.nationalPrefix === undefined) return digits;
  const match = plan.nationalPrefix.exec(digits);
  if (match === null) return digits;
  if (match.length > 1 && match[match.length - 1]) return UNDECIDED;
  const stripped = digits.slice(match[0].length);
  if (stripped === digits) return digits;
  if (plan.nationalNumber.test(digits) && !plan.nationalNumber.test(stripped)) return digits;
  if (plan.possibleLengths !== undefined) {
    // Judged by the lengths of the country the stripped number belongs to, else the plan's.
    const country = countryOf(plan.callingCode, stripped);
    const check = checkLength(country === undefined ? plan : numberingPlan(country), stripped);
    if (check === 'too_short' || check === 'invalid_length') return digits;
  }
  return stripped;
}

/** `code` upper-cased when libphonenumber knows the country, else undefined. */
function supportedCountry(code: string | undefined): CountryCode | undefined {
  if (code === undefined) return undefined;
  const upper = code.trim().toUpperCase();
  return isKnownCountry(upper) ? upper : undefined;
}
