/**
 * Postal codes in each country's canonical form, with the part routing uses ("district"):
 * US ZIP5, Canadian forward sortation area, UK outward code.
 */
import { INVALID, type Invalid } from './result.ts';
import { tidy } from './text.ts';

/** A canonical postal code and its routable district. */
export interface NormalizedPostalCode {
  /** `94107`, `94107-1234`, `K1A 0B1`, `SW1A 1AA`, or the code tidied for other countries. */
  postalCode: string;
  /** US ZIP5, Canadian FSA (`K1A`), UK outward code (`SW1A`); the whole code elsewhere. */
  district: string;
}

const US_ZIP = /^(\d{5})(?:[\s-]*(\d{4}))?$/;
// Canada Post never uses D F I O Q U (too like digits or each other); W and Z never lead.
const CA_POSTAL = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(\d[ABCEGHJ-NPRSTV-Z]\d)$/;
// Royal Mail: area letters never Q V X first or I J Z second; the inward unit letters never
// C I K M O V. Outward forms A9, A99, AA9, AA99, A9A, AA9A.
const UK_OUTWARD = '[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?';
const UK_FULL = new RegExp(`^(${UK_OUTWARD})(\\d[ABD-HJLNP-UW-Z]{2})$`);
const UK_OUTWARD_ONLY = new RegExp(`^${UK_OUTWARD}$`);
const UK_GIRO = 'GIR0AA'; // The one postcode outside the pattern (once Girobank's).
const SPACES_AND_HYPHENS = /[\s-]+/g;
const WHITESPACE = /\s+/g;
const OTHER_POSTAL = /^[A-Z0-9 -]{1,10}$/;

// Crown dependencies use Royal Mail postcodes (`GY1 1AA`, `JE2 3AB`, `IM1 1AA`).
const UK_FORMAT: ReadonlySet<string> = new Set(['GB', 'GG', 'JE', 'IM']);

/**
 * Checks and formats a postal code for `country` (ISO alpha-2): US ZIP / ZIP+4, Canadian
 * `A1A 1A1`, UK full postcodes or outward codes alone. Other (or unknown) countries: upper
 * case with single spaces, letters, digits, spaces and hyphens only, at most 10 characters.
 * Canadian codes must be complete: a lone FSA is too coarse to be what someone meant to type.
 */
export function normalizePostalCode(raw: string, country?: string): NormalizedPostalCode | Invalid {
  const countryCode = country === undefined ? '' : country.trim().toUpperCase();
  if (countryCode === 'US') return usZip(raw.trim());
  if (countryCode === 'CA') return canadian(raw.replace(SPACES_AND_HYPHENS, '').toUpperCase());
  if (UK_FORMAT.has(countryCode)) return ukPostcode(raw.replace(WHITESPACE, '').toUpperCase());
  const postalCode = tidy(raw).toUpperCase();
  return OTHER_POSTAL.test(postalCode) ? { postalCode, district: postalCode } : INVALID;
}

/** A US ZIP or ZIP+4 (`941071234` → `94107-1234`). */
function usZip(text: string): NormalizedPostalCode | Invalid {
  const match = US_ZIP.exec(text);
  if (match === null) return INVALID;
  const zip5 = match[1] ?? '';
  const plus4 = match[2];
  return { postalCode: plus4 === undefined ? zip5 : `${zip5}-${plus4}`, district: zip5 };
}

/** A Canadian postal code, given without spaces or hyphens. */
function canadian(compact: string): NormalizedPostalCode | Invalid {
  const match = CA_POSTAL.exec(compact);
  if (match === null) return INVALID;
  const fsa = match[1] ?? '';
  return { postalCode: `${fsa} ${match[2] ?? ''}`, district: fsa };
}

/** A Royal Mail postcode or outward code, given without spaces. */
function ukPostcode(compact: string): NormalizedPostalCode | Invalid {
  if (compact === UK_GIRO) return { postalCode: 'GIR 0AA', district: 'GIR' };
  const match = UK_FULL.exec(compact);
  if (match !== null) {
    const outward = match[1] ?? '';
    return { postalCode: `${outward} ${match[2] ?? ''}`, district: outward };
  }
  return UK_OUTWARD_ONLY.test(compact) ? { postalCode: compact, district: compact } : INVALID;
}
