/**
 * Phone numbers to E.164, through libphonenumber's "min" metadata (valid number ranges per
 * country, without the per-type patterns of "max" that the widget cannot afford).
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/min';
import { INVALID, type Invalid } from './result.ts';

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
  if (parsed === undefined && LEADING_00.test(text)) {
    parsed = parse(text.replace(LEADING_00, '+'), country);
  }
  if (parsed === undefined) return INVALID;
  return parsed.country === undefined
    ? { e164: parsed.number }
    : { e164: parsed.number, country: parsed.country };
}

/** The parsed number when it is valid, else undefined. */
function parse(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  // `extract: false`: the field holds a phone number, not prose to search for one; skipping
  // the search halves the cost of a US number.
  const parsed = parsePhoneNumberFromString(text, country === undefined ? { extract: false } : { defaultCountry: country, extract: false });
  return parsed !== undefined && parsed.isValid() ? parsed : undefined;
}

/** `code` upper-cased when libphonenumber knows the country, else undefined. */
function supportedCountry(code: string | undefined): CountryCode | undefined {
  if (code === undefined) return undefined;
  const upper = code.trim().toUpperCase();
  return isSupportedCountry(upper) ? upper : undefined;
}
