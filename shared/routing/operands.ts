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
  /** The config's territory ids. */
  readonly territories: readonly string[];
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

/** `value`, with `never` when `ok` is false. */
const operand = (value: string, ok: boolean, never: string): Operand => (ok ? { value } : { value, never });

/**
 * The config operand `raw` of a test on `field` (defined by `def`), normalised as the lead's
 * value is. `partial`: the operand is part of a value (`prefix`, `contains`), so it is only
 * folded, never checked as a whole value.
 */
export function normalizeOperand(field: string, def: RoutableField, raw: string, partial: boolean, ctx: OperandContext): Operand {
  const lower = raw.trim().toLowerCase();
  switch (def.compare) {
    case 'id': {
      // A reference written in another case resolves to the config's own id (it did before ids
      // were compared exactly, so a stored config keeps routing as it did); ids then compare exactly.
      const ids = field === 'formType' ? ctx.formTypes : ctx.territories;
      const same = ids.filter((id) => id.toLowerCase() === lower);
      const id = partial || ids.includes(raw) ? raw : same.length === 1 ? same[0]! : raw;
      return operand(id, partial || field !== 'formType' || ids.includes(id), `is not a form type (form types: ${ids.join(', ')})`);
    }
    case 'text': {
      const value = foldText(raw);
      const options = field === 'product' && !partial ? ctx.products : undefined;
      return operand(
        value,
        options === undefined || options.some((o) => foldText(o) === value),
        `is not a product option (${options?.join(', ') || 'no form type asks for product'})`,
      );
    }
    case 'country': {
      const code = partial ? undefined : normalizeCountry(raw);
      return operand(code ?? raw.trim().toUpperCase(), partial || code !== undefined, 'is not a country (write DE or Germany)');
    }
    case 'region':
      return regionOperand(raw, partial, ctx.countries);
    case 'postal': {
      const only = ctx.countries?.length === 1 && field === 'postalCode' && !partial ? ctx.countries[0]! : undefined;
      const postal = only === undefined ? undefined : normalizePostalCode(raw, only);
      if (postal === undefined || isInvalid(postal)) return operand(postalKey(tidy(raw)), postal === undefined, `is not a ${only} postal code`);
      return { value: postalKey(postal.postalCode) };
    }
    case 'domain': {
      // Email domains are kept whole; company domains and websites lose `www.` as leads' do.
      const bare = lower.replace(/^@/, '');
      const host = partial ? bare : normalizeWebsite(bare);
      return operand(field === 'emailDomain' ? bare : (host ?? bare), host !== undefined, 'is not a domain');
    }
    case 'email':
      return operand(lower, partial || EMAIL.test(lower), 'is not an email address');
    case 'phone': {
      const phone = raw.replace(NOT_PHONE_CHAR, '');
      return operand(phone, partial ? phone.startsWith('+') : E164.test(phone), 'is not an international phone number (+…)');
    }
    case 'language': {
      const end = lower.search(LOCALE_END);
      const language = partial || end < 0 ? lower : lower.slice(0, end);
      return operand(language, partial || LANGUAGE.test(language), 'is not a language code (leads carry codes like es)');
    }
    case 'enum':
      return operand(lower, partial || def.values!.includes(lower), `is not one of ${def.values!.join(', ')}`);
    default:
      return { value: lower };
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
  return { value, never: `is not a ${only} region (${only} leads' regions are two-letter codes)` };
}
