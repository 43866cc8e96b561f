/**
 * Condition values, normalised like the lead's field they are compared with, so both sides of
 * every comparison went through the same rules: a config may say `"Germany"`, `"California"`,
 * `"https://www.acme.com"` or `"sw1a1aa"` and match leads normalised to `DE`, `CA`, `acme.com`
 * and `SW1A 1AA`. Done once per config, at compile time; the lead's side is normalised at
 * intake, and only free text, regions, postal codes and page paths are folded as they are read.
 *
 * A value no normalised lead can ever have (a form type the config does not define, a country
 * that is none, an urgency outside its enum) is kept as written and reported, so the config
 * check can warn about it instead of letting the route silently never match.
 */
import { normalizeCountry } from '../normalize/country.ts';
import { normalizePostalCode } from '../normalize/postal.ts';
import { normalizeRegion, regionName } from '../normalize/region.ts';
import { isInvalid } from '../normalize/result.ts';
import { foldKey, stripAccents, tidy } from '../normalize/text.ts';
import { normalizeWebsite } from '../normalize/website.ts';
import type { Compare, RoutableField } from './fields.ts';

/** What the config tells the operand normalisers. */
export interface OperandContext {
  /** The config's form type ids. */
  readonly formTypes: readonly string[];
  /** Every form's product options; undefined when some form takes product as free text. */
  readonly products: readonly string[] | undefined;
  /** The countries the same condition pins the lead to (`country: "US"`), if it does. */
  readonly countries?: readonly string[];
}

/** An operand normalised, and why no lead can have it (when none can). */
export interface Operand {
  value: string;
  /** Why no normalised lead can have this value, as the end of a sentence after the value. */
  never?: string;
}

const WHITESPACE = /\s+/g;
const LOCALE_END = /[-_]/;
const LANGUAGE = /^[a-z]{2,3}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const NOT_PHONE_CHAR = /[^\d+]/g;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The config operand `raw` of a test on `field` (defined by `def`), normalised as the lead's
 * value is. `partial`: the operand is part of a value (`prefix`, `contains`), so it is only
 * folded, never checked as a whole value.
 */
export function normalizeOperand(field: string, def: RoutableField, raw: string, partial: boolean, ctx: OperandContext): Operand {
  switch (def.compare) {
    case 'id':
      return partial || field !== 'formType' || ctx.formTypes.includes(raw) ? { value: raw } : { value: raw, never: notAFormType(raw, ctx.formTypes) };
    case 'text':
      return textOperand(field, raw, partial, ctx);
    case 'path':
      return { value: raw.trim().toLowerCase() };
    case 'country': {
      const code = partial ? undefined : normalizeCountry(raw);
      if (code !== undefined || partial) return { value: code ?? raw.trim().toUpperCase() };
      return { value: raw.trim().toUpperCase(), never: 'is not a country (write an ISO code like DE or a name like Germany)' };
    }
    case 'region':
      return regionOperand(raw, partial, ctx.countries);
    case 'postal':
      return postalOperand(field, raw, partial, ctx.countries);
    case 'domain': {
      const bare = raw.trim().toLowerCase().replace(/^@/, '');
      if (partial) return { value: bare };
      const host = normalizeWebsite(bare);
      if (host === undefined) return { value: bare, never: 'is not a domain (like acme.com)' };
      // Email domains are kept whole; company domains and websites lose `www.` as leads' do.
      return { value: field === 'emailDomain' ? bare : host };
    }
    case 'email': {
      const email = raw.trim().toLowerCase();
      return partial || EMAIL.test(email) ? { value: email } : { value: email, never: 'is not an email address' };
    }
    case 'phone': {
      const phone = raw.replace(NOT_PHONE_CHAR, '');
      return (partial ? phone.startsWith('+') : E164.test(phone)) ? { value: phone } : { value: phone, never: 'is not a phone number in international form (like +14155550123)' };
    }
    case 'language': {
      const lower = raw.trim().toLowerCase();
      const end = lower.search(LOCALE_END);
      const language = partial || end < 0 ? lower : lower.slice(0, end);
      if (partial || LANGUAGE.test(language)) return { value: language };
      return { value: language, never: "is not a language code (leads' languages are ISO 639 codes from the browser's locale, like es)" };
    }
    case 'enum': {
      const value = raw.trim().toLowerCase();
      const values = def.values ?? [];
      if (partial || values.includes(value)) return { value };
      return { value, never: `is not ${/^[aeiou]/i.test(field) ? 'an' : 'a'} ${field} (one of ${values.join(', ')})` };
    }
    default:
      return { value: raw.trim().toLowerCase() };
  }
}

/**
 * How the lead's value of a field is folded as it is read, when normalisation at intake does
 * not already leave it in the operands' form; undefined when it does (no work per lead).
 */
export function leadFold(compare: Compare | undefined): ((value: string) => string) | undefined {
  switch (compare) {
    case 'text':
      return foldText;
    case 'path':
      return lower;
    case 'region':
      return regionKey;
    case 'postal':
      return postalKey;
    default:
      return undefined;
  }
}

// Text that is already folded once lower-cased (printable ASCII, single inner spaces): most of it.
const NEEDS_FOLDING = /[^\x20-\x7e]|\s\s|^\s|\s$/;

/** Free text for comparison: lower case, no accents, single spaces (`Nómina  Pro` → `nomina pro`). */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NEEDS_FOLDING.test(lower) ? tidy(stripAccents(lower)) : lower;
}

function lower(text: string): string {
  return text.toLowerCase();
}

/**
 * A region for comparison: codes (`NY`, `QC`, Bavaria's `BY`) in upper case, names folded
 * (`Île-de-France` → `ile de france`), the same for the lead and the config.
 */
export function regionKey(region: string): string {
  const key = foldKey(region);
  return key.length <= 3 && !key.includes(' ') ? key.toUpperCase() : key;
}

/** A postal code for comparison: upper case without spaces (`SW1A 1AA` → `SW1A1AA`). */
export function postalKey(code: string): string {
  const upper = code.toUpperCase();
  return upper.includes(' ') ? upper.replace(WHITESPACE, '') : upper;
}

function textOperand(field: string, raw: string, partial: boolean, ctx: OperandContext): Operand {
  const value = foldText(raw);
  if (partial || field !== 'product' || ctx.products === undefined) return { value };
  if (ctx.products.some((option) => foldText(option) === value)) return { value };
  const options = ctx.products.length > 0 ? ctx.products.join(', ') : 'no form type asks for product';
  return { value, never: `is not a product option of any form (${options})` };
}

/**
 * US and Canadian regions are stored as codes, so a name in the config becomes its code
 * (`California` → `CA`); other countries' regions are kept as typed, so both sides are folded.
 */
function regionOperand(raw: string, partial: boolean, countries: readonly string[] | undefined): Operand {
  const coded = countries === undefined || countries.some((c) => c === 'US' || c === 'CA');
  const only = countries?.length === 1 ? countries[0] : undefined;
  const normalized = coded && !partial ? normalizeRegion(raw, only === 'US' || only === 'CA' ? only : undefined) : raw;
  const value = regionKey(normalized);
  if (partial || (only !== 'US' && only !== 'CA') || regionName(only, normalized) !== undefined) return { value };
  const [what, whose, example] = only === 'US' ? ['a US state or territory', 'US', 'CA'] : ['a Canadian province or territory', 'Canadian', 'ON'];
  return { value, never: `is not ${what} (${whose} leads' regions are stored as two-letter codes, like ${example})` };
}

/** A whole postal code is normalised for the one country the condition pins, if it pins one. */
function postalOperand(field: string, raw: string, partial: boolean, countries: readonly string[] | undefined): Operand {
  const only = countries?.length === 1 ? countries[0]! : undefined;
  if (partial || field !== 'postalCode' || only === undefined) return { value: postalKey(tidy(raw)) };
  const postal = normalizePostalCode(raw, only);
  if (isInvalid(postal)) return { value: postalKey(tidy(raw)), never: `is not a ${only} postal code` };
  return { value: postalKey(postal.postalCode) };
}

function notAFormType(raw: string, formTypes: readonly string[]): string {
  const guess = formTypes.find((id) => id.toLowerCase() === raw.toLowerCase());
  return `is not a form type of this config (form types: ${formTypes.join(', ')}${guess ? `; did you mean "${guess}"?` : ''})`;
}
