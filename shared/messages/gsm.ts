/**
 * SMS text in the GSM 03.38 alphabet. One SMS holds 160 GSM-7 characters but only 70 once a
 * single character falls outside it (then the whole message is sent as UCS-2), and Spanish
 * `á í ó ú` are outside it. So confirmations are folded into GSM-7 where a close letter exists
 * (`llamará` → `llamara`), which gateways do anyway, and measured the way carriers count.
 */

/** The GSM-7 basic character set (one septet each). */
const BASIC = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');

/** The extension table: an escape septet plus the character, so two each. */
const EXTENDED = new Set('^{}\\[~]|€\f');

/** Typographic characters people paste, with their plain GSM equivalents. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
  '\t': ' ',
};

function isGsm(char: string): boolean {
  return BASIC.has(char) || EXTENDED.has(char);
}

/**
 * Folds text into GSM-7 where it can: typographic punctuation to ASCII, accented letters the
 * alphabet lacks to their base letter (`á` → `a`, but `é`, `ñ`, `ü` are kept). Characters with
 * no equivalent (emoji, non-Latin scripts) are left as they are; {@link gsmLength} reports them.
 * @example toGsm('Te llamará mañana…') // 'Te llamara mañana...'
 */
export function toGsm(text: string): string {
  let out = '';
  for (const char of text) {
    if (isGsm(char)) {
      out += char;
      continue;
    }
    const replaced = REPLACEMENTS[char];
    if (replaced !== undefined) {
      out += replaced;
      continue;
    }
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += base !== '' && [...base].every(isGsm) ? base : char;
  }
  return out;
}

/**
 * The length of `text` in GSM-7 septets, as carriers count it (extension characters count
 * two); `undefined` when some character is not in GSM-7 and the message would go as UCS-2.
 * @example gsmLength('{ok}') // 6
 */
export function gsmLength(text: string): number | undefined {
  let length = 0;
  for (const char of text) {
    if (BASIC.has(char)) length += 1;
    else if (EXTENDED.has(char)) length += 2;
    else return undefined;
  }
  return length;
}
