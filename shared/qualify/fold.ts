/**
 * Folding text to the form the word lists are written in: lower case, Latin accents removed.
 * "Mañana", "MANANA" and "mañana" all become "manana"; "Ørsted" becomes "orsted".
 */

const NON_ASCII = /[^\u0000-\u007f]/;
/** Latin-1, Latin Extended-A/B and Vietnamese: the accented letters leads are typed with. */
const ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/g;
/** Combining diacritics only: stripping every mark would also strip Indic and Thai vowel signs. */
const COMBINING = /[\u0300-\u036f]/;
const COMBINING_ALL = /[\u0300-\u036f]/g;
/** Letters NFD does not decompose, but people type for their plain cousins. */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Each accented letter's plain form, worked out once here: a table lookup per accent is several
 * times cheaper than normalising every message.
 */
const PLAIN: ReadonlyMap<string, string> = (() => {
  const plain = new Map<string, string>();
  const ranges: readonly (readonly [number, number])[] = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const letter = String.fromCharCode(code).toLowerCase();
      const folded = UNDECOMPOSED[letter] ?? letter.normalize('NFD').replace(COMBINING_ALL, '');
      plain.set(String.fromCharCode(code), folded);
    }
  }
  return plain;
})();

function toPlain(letter: string): string {
  return PLAIN.get(letter) ?? letter;
}

/**
 * Lower-cases `text` and removes Latin diacritics. Lengths may change (`ß` → `ss`), so indexes
 * into the result do not map back to `text`.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  const plain = lower.replace(ACCENTED, toPlain);
  // Text typed decomposed (a letter, then its accent) is rare; only it pays for NFD.
  return COMBINING.test(plain) ? plain.normalize('NFD').replace(COMBINING_ALL, '') : plain;
}
