/**
 * Email addresses: syntax check, free / disposable / work classification, and a suggested
 * correction when the domain looks like a typo of a popular provider (`gmial.com`).
 */
import type { EmailKind } from '../lead/types.ts';
import { isDisposableDomain } from './disposable-domains.ts';
import { COM_TYPOS, DOMAIN_TYPOS, NOT_TYPOS, POPULAR_DOMAINS } from './email-typos.ts';
import { isFreeMailDomain } from './free-domains.ts';
import { INVALID, type Invalid } from './result.ts';

export { isDisposableDomain } from './disposable-domains.ts';
export { isFreeMailDomain } from './free-domains.ts';

/** A well-formed address, what kind it is, and possibly the address the person meant. */
export interface NormalizedEmail {
  /** Trimmed, lower-cased address. */
  email: string;
  /** The part after `@`. */
  domain: string;
  kind: EmailKind;
  /** The full corrected address, when the domain looks like a typo of a popular one. */
  suggestion?: string;
}

// RFC 5321's practical subset: dot-atoms (no quoted local parts, no IP-literal domains), which
// every real sign-up address uses. Letters and digits may be any script (internationalised mail),
// but nearly every address is ASCII, which the cheaper non-Unicode patterns settle first.
const LOCAL_ASCII = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
// Labels of letters, digits and inner hyphens; the top-level label alphabetic or punycode.
const DOMAIN_ASCII = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/**
 * Trims, lower-cases and checks an address; classifies its domain and suggests a fix for a
 * typo'd popular domain. `{ error: 'invalid' }` when it is not an address.
 */
export function normalizeEmail(raw: string): NormalizedEmail | Invalid {
  let email = raw.trim().toLowerCase();
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@') || email.length > 254) return INVALID;
  const local = email.slice(0, at);
  let domain = email.slice(at + 1);
  // A trailing dot is a fully-qualified domain name, not a mistake worth rejecting.
  if (domain.endsWith('.')) {
    domain = domain.slice(0, -1);
    email = email.slice(0, -1);
  }
  if (local.length > 64 || domain.length > 253) return INVALID;
  if (!(LOCAL_ASCII.test(local) || LOCAL_PART.test(local))) return INVALID;
  if (!(DOMAIN_ASCII.test(domain) || DOMAIN.test(domain))) return INVALID;

  const kind: EmailKind = isDisposableDomain(domain) ? 'disposable' : isFreeMailDomain(domain) ? 'free' : 'work';
  // Known free and disposable domains are real ones: never "corrected".
  const intended = kind === 'work' ? suggestDomain(domain) : undefined;
  return intended === undefined ? { email, domain, kind } : { email, domain, kind, suggestion: `${local}@${intended}` };
}

/**
 * The popular domain `domain` is probably a typo of, if any. Only called for domains that are
 * not known free or disposable ones.
 */
function suggestDomain(domain: string): string | undefined {
  const listed = DOMAIN_TYPOS.get(domain);
  if (listed !== undefined) return listed;
  if (NOT_TYPOS.has(domain)) return undefined;

  const dot = domain.lastIndexOf('.');
  if (COM_TYPOS.has(domain.slice(dot + 1))) {
    const dotCom = `${domain.slice(0, dot)}.com`;
    if (isFreeMailDomain(dotCom)) return dotCom;
  }
  for (const popular of POPULAR_DOMAINS) {
    if (withinOneEdit(domain, popular)) return popular;
  }
  return undefined;
}

/**
 * True when `a` and `b` differ by exactly one insertion, deletion, substitution or swap of
 * neighbouring characters (the optimal-string-alignment distance is 1). Linear, no allocation.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  const shorter = la < lb ? la : lb;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === shorter) return la !== lb; // equal, or one has one extra character at the end
  if (la > lb) return sameTail(a, i + 1, b, i);
  if (lb > la) return sameTail(a, i, b, i + 1);
  return sameTail(a, i + 1, b, i + 1) || (a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameTail(a, i + 2, b, i + 2));
}

/** True when `a` from `ai` and `b` from `bi` are the same characters to the end. */
function sameTail(a: string, ai: number, b: string, bi: number): boolean {
  if (a.length - ai !== b.length - bi) return false;
  for (; ai < a.length; ai++, bi++) {
    if (a.charCodeAt(ai) !== b.charCodeAt(bi)) return false;
  }
  return true;
}
