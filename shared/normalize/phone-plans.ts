/**
 * libphonenumber's "min" numbering plans with their patterns compiled once, and the two
 * decisions made from them: which country a national number belongs to, and whether it is a
 * valid number. Same data and same rules as libphonenumber-js; the difference is that the
 * library builds a `RegExp` from a pattern string on every test (the UK fixed-line pattern is
 * 1,400 characters and was built three times per UK number), which made the phone 60% of the
 * server CPU per lead. Here a country's patterns are compiled the first time it is seen.
 *
 * Read through the library's `Metadata` class, including accessors its README leaves
 * undocumented (`nationalNumberPattern`, `nationalPrefixForParsing`, `type`…): they are what
 * its own parser reads, and test/unit/normalize/phone-equivalence.test.ts compares the result
 * with the library's on every country, so a change there fails a test rather than a lead.
 */
import { Metadata } from 'libphonenumber-js/core';
import type { CountryCode } from 'libphonenumber-js/core';
import type { MetadataJson } from 'libphonenumber-js/core';
import { phoneMetadata } from './phone-metadata.ts';

/** A country's or non-geographic calling code's numbering plan, its patterns compiled. */
export interface NumberingPlan {
  /** E.g. `1` for US and CA. */
  readonly callingCode: string;
  /** Lengths a national (significant) number may have, ascending; absent means any. */
  readonly possibleLengths: readonly number[] | undefined;
  /** The international (IDD) prefix, unanchored as the library uses it (`011`, `00`). */
  readonly iddPrefix: RegExp;
  /** The national prefix for parsing, anchored at the start (`0`, `1`); absent when none. */
  readonly nationalPrefix: RegExp | undefined;
  /** The country's "leading digits" (unanchored, tested at index 0); absent for most. */
  readonly leadingDigits: RegExp | undefined;
  readonly nationalNumber: RegExp;
  /** The per-type patterns (fixed line, mobile…), present where a calling code is shared. */
  readonly types: readonly NumberType[] | undefined;
}

interface NumberType {
  readonly pattern: RegExp;
  readonly possibleLengths: readonly number[] | undefined;
}

// The parts of the library's `Metadata` this module reads. Its typings declare only the
// documented subset; these accessors are on the same object and used by its own parser.
interface LibraryPlan {
  callingCode(): string;
  possibleLengths(): number[] | undefined;
  IDDPrefix(): string;
  nationalPrefixForParsing(): string | 0 | undefined;
  leadingDigits(): string | 0 | undefined;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(type: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

// Every type libphonenumber distinguishes: a number is valid if it is any of them.
const TYPES = ['FIXED_LINE', 'MOBILE', 'TOLL_FREE', 'PREMIUM_RATE', 'PERSONAL_NUMBER', 'VOICEMAIL', 'UAN', 'PAGER', 'VOIP', 'SHARED_COST'];

const plans = new Map<string, NumberingPlan>();
// The library's view of the metadata, made on first use (the metadata is handed in at run time).
let loaded: MetadataJson | undefined;
let library: Metadata | undefined;

/** The metadata and the library's view of it, made again if other metadata was handed in. */
function current(): { json: MetadataJson; metadata: Metadata } {
  const json = phoneMetadata();
  if (json !== loaded) {
    loaded = json;
    library = new Metadata(json);
    plans.clear();
  }
  return { json, metadata: library! };
}

/** Whether libphonenumber knows the country (`US`, upper case), as its `isSupportedCountry`. */
export function isKnownCountry(code: string): code is CountryCode {
  return Object.hasOwn(current().json.countries, code);
}

/** Whether `code` is a country calling code libphonenumber knows (`1`, `44`, `800`). */
export function isKnownCallingCode(code: string): boolean {
  const { json } = current();
  return Object.hasOwn(json.country_calling_codes, code) || Object.hasOwn(json.nonGeographic, code);
}

/**
 * The numbering plan of a country (`US`) or, for a calling code (`1`, `800`), of the first
 * country listed for it or its non-geographic plan. The caller checks the key is known.
 */
export function numberingPlan(countryOrCallingCode: string): NumberingPlan {
  let plan = plans.get(countryOrCallingCode);
  if (plan === undefined) {
    // A shared calling code's plan is its first country's: compile that once, under both keys.
    const first = current().json.country_calling_codes[countryOrCallingCode]?.[0];
    plan = first === undefined ? compile(libraryPlan(countryOrCallingCode)) : numberingPlan(first);
    plans.set(countryOrCallingCode, plan);
  }
  return plan;
}

function libraryPlan(countryOrCallingCode: string): LibraryPlan {
  const selected = current().metadata.selectNumberingPlan(countryOrCallingCode as never) as unknown as { numberingPlan: LibraryPlan };
  return selected.numberingPlan;
}

function compile(source: LibraryPlan): NumberingPlan {
  const nationalPrefix = source.nationalPrefixForParsing();
  const leadingDigits = source.leadingDigits();
  let types: NumberType[] | undefined;
  if (source.hasTypes()) {
    types = [];
    for (const name of TYPES) {
      const type = source.type(name);
      // An empty pattern marks a type removed as a duplicate of another: it matches nothing.
      if (type !== undefined && type.pattern()) types.push({ pattern: entire(type.pattern()), possibleLengths: type.possibleLengths() || undefined });
    }
  }
  return {
    callingCode: source.callingCode(),
    possibleLengths: source.possibleLengths() || undefined,
    iddPrefix: new RegExp(source.IDDPrefix()),
    nationalPrefix: nationalPrefix ? new RegExp(`^(?:${nationalPrefix})`) : undefined,
    leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
    nationalNumber: entire(source.nationalNumberPattern()),
    types,
  };
}

function entire(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/**
 * The country a national number with this calling code belongs to: the only one when the
 * code has one; else, in the library's order, the first whose leading digits start the
 * number or, for those without, whose number types include it. Undefined for
 * non-geographic codes and when no country claims the number.
 */
export function countryOf(callingCode: string, nationalNumber: string): string | undefined {
  const countries = current().json.country_calling_codes[callingCode];
  if (countries === undefined) return undefined;
  if (countries.length === 1) return countries[0]!.length === 3 ? undefined : countries[0]; // `001`: non-geographic
  for (const country of countries) {
    const plan = numberingPlan(country);
    if (plan.leadingDigits !== undefined) {
      if (nationalNumber !== '' && nationalNumber.search(plan.leadingDigits) === 0) return country;
    } else if (plan.types !== undefined && isOfSomeType(plan, plan.types, nationalNumber)) {
      return country;
    }
  }
  return undefined;
}

/**
 * libphonenumber's `isValid()` for a national number in a plan: one of its number types when
 * the plan has types (shared calling codes), else its national number pattern.
 */
export function isValidNumber(plan: NumberingPlan, nationalNumber: string): boolean {
  return plan.types === undefined ? plan.nationalNumber.test(nationalNumber) : isOfSomeType(plan, plan.types, nationalNumber);
}

function isOfSomeType(plan: NumberingPlan, types: readonly NumberType[], nationalNumber: string): boolean {
  if (!plan.nationalNumber.test(nationalNumber)) return false;
  for (const type of types) {
    // A type's own lengths when it has them (the library's accessor falls back to the plan's).
    if (type.possibleLengths !== undefined && !type.possibleLengths.includes(nationalNumber.length)) continue;
    if (type.pattern.test(nationalNumber)) return true;
  }
  return false;
}

/** How a national number's length compares with a plan's possible lengths. */
export type LengthCheck = 'possible' | 'too_short' | 'too_long' | 'invalid_length';

/** libphonenumber's length check of a national number against a plan's general lengths. */
export function checkLength(plan: NumberingPlan, nationalNumber: string): LengthCheck {
  const lengths = plan.possibleLengths;
  if (lengths === undefined) return 'possible';
  const length = nationalNumber.length;
  const shortest = lengths[0];
  const longest = lengths[lengths.length - 1];
  if (shortest === length) return 'possible';
  if (shortest !== undefined && shortest > length) return 'too_short';
  if (longest !== undefined && longest < length) return 'too_long';
  return lengths.includes(length) ? 'possible' : 'invalid_length';
}
