/**
 * Countries to ISO 3166-1 alpha-2, from codes (`us`, `USA`) or names in English, Spanish,
 * French or German (`United States`, `Estados Unidos`, `États-Unis`, `Deutschland`, `U.K.`).
 */
import { COUNTRY_ALIASES, ISO_CODE_PAIRS } from './country-data.ts';
import { foldKey } from './text.ts';

const PAIRS = ISO_CODE_PAIRS.split(' ');

/** Every ISO 3166-1 alpha-2 code (plus `XK`, Kosovo), upper case, alphabetical. */
export const COUNTRY_CODES: readonly string[] = PAIRS.map((pair) => pair.slice(0, 2));

const ALPHA2: ReadonlySet<string> = new Set(COUNTRY_CODES);
const ALPHA3_TO_ALPHA2: ReadonlyMap<string, string> = new Map(PAIRS.map((pair) => [pair.slice(2), pair.slice(0, 2)]));

// Workers and Node both ship full ICU; without it only codes and the alias table work.
const HAS_DISPLAY_NAMES = typeof Intl === 'object' && typeof Intl.DisplayNames === 'function';
const NAME_LOCALES = ['en', 'es', 'fr', 'de'] as const;

const SPACES = / /g;
const LEADING_THE = /^the /;
const TRAILING_THE = / the$/;
const SAINT = /\bsainte?\b/g;
const NEEDS_REWRITE = /\bthe\b|\bsainte?\b/;

/** True when `code` is an alpha-2 code of {@link COUNTRY_CODES} (upper case). */
export function isCountryCode(code: string): boolean {
  return ALPHA2.has(code);
}

/**
 * The ISO alpha-2 code of a country given as an alpha-2 or alpha-3 code or a name, in any
 * case, with or without accents and punctuation; undefined when it is none we know.
 */
export function normalizeCountry(raw: string): string | undefined {
  const key = nameKey(raw);
  if (key === '') return undefined;
  // Codes first, so `CA` is Canada and `ESP` Spain, whatever a name table might say.
  const compact = key.includes(' ') ? key.replace(SPACES, '') : key;
  if (compact.length === 2) {
    const code = compact.toUpperCase();
    if (ALPHA2.has(code)) return code;
  } else if (compact.length === 3) {
    const code = ALPHA3_TO_ALPHA2.get(compact.toUpperCase());
    if (code !== undefined) return code;
  }
  return lookUpName(key) ?? (compact === key ? undefined : lookUpName(compact));
}

/** A name's lookup key: folded, without a leading or trailing "the", "Saint" as "St". */
function nameKey(name: string): string {
  const key = foldKey(name);
  if (!NEEDS_REWRITE.test(key)) return key;
  return key
    .replace(LEADING_THE, '')
    .replace(TRAILING_THE, '')
    .replace(SAINT, (word) => (word === 'saint' ? 'st' : 'ste'));
}

// Name key → alpha-2: the aliases, then CLDR names one language at a time, added only when a
// name is not found yet. The first `Intl.DisplayNames` costs ~13 ms of ICU loading and each
// language ~1 ms more, once per isolate; codes and aliases never pay it.
let namesByKey: Map<string, string> | undefined;
let localesAdded = 0;

/** The code for a name key, loading more languages' names until found or none are left. */
function lookUpName(key: string): string | undefined {
  namesByKey ??= new Map(COUNTRY_ALIASES.map(([name, code]) => [nameKey(name), code]));
  for (;;) {
    const code = namesByKey.get(key);
    if (code !== undefined || !addNextLocale(namesByKey)) return code;
  }
}

/** Adds the next language's CLDR country names (long and short forms); false when done. */
function addNextLocale(names: Map<string, string>): boolean {
  const locale = NAME_LOCALES[localesAdded];
  if (!HAS_DISPLAY_NAMES || locale === undefined) return false;
  localesAdded++;
  const add = (name: string | undefined, code: string): void => {
    if (name === undefined) return;
    const key = nameKey(name);
    // Aliases win over CLDR names, and earlier languages over later ones. Short forms can be
    // code-like (`UK`, Spanish `RU` for the UK): codes are handled apart, so skip those.
    if (key.length > 3 && !names.has(key)) names.set(key, code);
    // `Myanmar (Burma)`, `RAE de Hong Kong (China)`: the part before the bracket alone too.
    const bracket = name.indexOf('(');
    if (bracket > 0) add(name.slice(0, bracket), code);
  };
  for (const style of ['long', 'short'] as const) {
    const display = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
    for (const code of COUNTRY_CODES) add(display.of(code), code);
  }
  return true;
}
