/**
 * Small text helpers the normalisers share: invisible characters removed, whitespace tidying,
 * and the folded keys that make lookups case-, accent- and punctuation-insensitive.
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

// Anything but printable ASCII, tab and newline: the only input worth a closer look.
const NOT_PLAIN = /[^\x20-\x7e\t\n]/;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
// Controls (C0 but tab and newline, DEL, C1) and format characters (bidi embeddings, overrides,
// isolates and marks, zero-width space and joiners, word joiner, BOM, soft hyphen…).
const INVISIBLE = /(?![\t\n])[\p{Cc}\p{Cf}]/gu;
const JOINERS = new Set(['\u200c', '\u200d']);
const ASCII = /^[\x00-\x7f]$/;

/**
 * Removes the characters a person cannot see but a screen obeys: NUL and other controls,
 * right-to-left overrides and other bidi controls, zero-width characters. Line breaks become
 * `\n`. A zero-width joiner or non-joiner stays only between two non-ASCII characters (Persian
 * and Indic words, emoji sequences need them), never inside Latin text, where it only hides.
 * @example stripInvisible('\u202eanaD\u202c') // 'anaD', shown as typed, not reversed
 */
export function stripInvisible(raw: string): string {
  if (!NOT_PLAIN.test(raw)) return raw;
  const text = raw.replace(LINE_BREAKS, '\n');
  return text.replace(INVISIBLE, (char: string, at: number) => {
    if (!JOINERS.has(char)) return '';
    const before = text.codePointAt(at - 1);
    const after = text.codePointAt(at + 1);
    const visible = (code: number | undefined) => code !== undefined && !ASCII.test(String.fromCodePoint(code)) && !JOINERS.has(String.fromCodePoint(code));
    return visible(before) && visible(after) ? char : '';
  });
}

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
  return stripAccents(lower).replace(AMPERSAND, ' and ').replace(SEPARATORS, ' ').replace(NOT_KEY_CHAR, '').replace(WHITESPACE_RUN, ' ').trim();
}
