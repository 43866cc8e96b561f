/**
 * Small text helpers the normalisers share: whitespace tidying and the folded keys
 * that make lookups case-, accent- and punctuation-insensitive.
 */

// Compiled once: these run on every lead.
const WHITESPACE_RUN = /\s+/g;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;
const AMPERSAND = /&/g;
const SEPARATORS = /[-_/\\–—]+/g;
const NOT_KEY_CHAR = /[^\p{L}\p{N} ]+/gu;
// Already a key once lower-cased (most input): skip the five replacements.
const PLAIN_KEY = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** Trims and collapses every run of whitespace to one space. */
export function tidy(raw: string): string {
  return raw.trim().replace(WHITESPACE_RUN, ' ');
}

/** Removes accents (`Québec` → `Quebec`); ASCII input skips the costly Unicode normalisation. */
export function stripAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(COMBINING_MARKS, '') : text;
}

/**
 * The lookup key of a name: lower case, no accents, `&` as `and`, separators as spaces,
 * other punctuation removed (so `U.S.A.` → `usa`, `Côte d’Ivoire` → `cote divoire`), one space
 * between words.
 */
export function foldKey(raw: string): string {
  const lower = raw.trim().toLowerCase();
  if (PLAIN_KEY.test(lower)) return lower;
  return stripAccents(lower)
    .replace(AMPERSAND, ' and ')
    .replace(SEPARATORS, ' ')
    .replace(NOT_KEY_CHAR, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}
