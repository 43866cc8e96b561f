/**
 * People's names: tidied, and title-cased when typed all in one case (`DANA O'NEIL` →
 * `Dana O'Neil`); a name typed in mixed case is the person's own spelling and kept.
 */
import { tidy } from './text.ts';

/** A full name split into the two fields a lead has. */
export interface SplitName {
  firstName: string;
  lastName?: string;
}

// Quotes and stray punctuation around a name, never brackets or a final dot (`Jr.`, `J.`).
const LEADING_NOISE = /^[\s"'`´‘’“”„«»,;:!?*_#~|\\/.-]+/u;
const TRAILING_NOISE = /[\s"'`´‘’“”„«»,;:!?*_#~|\\/-]+$/u;
const TRAILING_DOTS = /\.+$/;
const APOSTROPHES = /['’]/;

/** Surname particles, lower case inside a name (`Ludwig van Beethoven`, `Juan de la Cruz`). */
const PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'von',
  'de',
  'da',
  'del',
  'della',
  'der',
  'den',
  'di',
  'du',
  'dos',
  'das',
  'do',
  'la',
  'le',
  'y',
  'ten',
  'ter',
]);

/**
 * Trims, collapses whitespace and strips quotes and punctuation around the name; title-cases
 * it when it is all lower or all upper case, respecting `O'Neil`, `McDonald`, `Anne-Marie`
 * and lower-case particles (`van`, `de`…) that are neither first nor last.
 */
export function normalizeName(raw: string): string {
  let name = tidy(raw).replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '');
  const dots = TRAILING_DOTS.exec(name);
  if (dots !== null) {
    // Keep one dot after an initial or an abbreviation (`J.`, `Jr.`), none after a word.
    const lastWord = name.slice(name.lastIndexOf(' ') + 1, dots.index);
    name = lastWord.length > 0 && lastWord.length <= 3 ? `${name.slice(0, dots.index)}.` : name.slice(0, dots.index).replace(TRAILING_NOISE, '');
  }
  const lower = name.toLowerCase();
  const upper = name.toUpperCase();
  // One case only (and some cased letters at all): typed without care, so we title-case it.
  if (lower !== upper && (name === lower || name === upper)) return titleCase(lower);
  return name;
}

/** Title-cases a lower-case name. */
function titleCase(lower: string): string {
  const words = lower.split(' ');
  const last = words.length - 1;
  return words.map((word, i) => (i > 0 && i < last && PARTICLES.has(word) ? word : word.split('-').map(capitalizePart).join('-'))).join(' ');
}

/** Capitalises one hyphen-free part: `o'neil` → `O'Neil`, `mcdonald` → `McDonald`. */
function capitalizePart(part: string): string {
  // A one-letter prefix before an apostrophe is a clan or article prefix: O', D'.
  if (part.length > 2 && APOSTROPHES.test(part.charAt(1))) {
    return part.charAt(0).toUpperCase() + part.charAt(1) + capitalizeWord(part.slice(2));
  }
  return capitalizeWord(part);
}

/** Capitalises a word, and the letter after a `Mc` prefix. */
function capitalizeWord(word: string): string {
  if (word.length > 3 && word.startsWith('mc')) return `Mc${upperFirst(word.slice(2))}`;
  return upperFirst(word);
}

/** Upper-cases the first character (a whole code point, for names outside the BMP). */
function upperFirst(word: string): string {
  const first = word.codePointAt(0);
  if (first === undefined) return word;
  const width = first > 0xffff ? 2 : 1;
  return word.slice(0, width).toUpperCase() + word.slice(width);
}

/**
 * Splits a full name typed into one field: `Dana Whitfield` → Dana / Whitfield, and the
 * `Whitfield, Dana` form too. The first word is the first name and the rest the last name, so
 * particles and the two surnames of Spanish names stay together (`María García López`);
 * a middle name lands in the last name, the lesser error for routing and greeting.
 */
export function splitFullName(full: string): SplitName {
  const name = normalizeName(full);
  const comma = name.indexOf(',');
  if (comma > 0 && comma === name.lastIndexOf(',')) {
    const firstName = name.slice(comma + 1).trim();
    const lastName = name.slice(0, comma).trim();
    if (firstName !== '') return { firstName, lastName };
  }
  const space = name.indexOf(' ');
  return space < 0 ? { firstName: name } : { firstName: name.slice(0, space), lastName: name.slice(space + 1) };
}
