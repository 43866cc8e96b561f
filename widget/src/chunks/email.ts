/**
 * The `email` chunk (`widget-email.js`), fetched when the email field is first used: the
 * shared free-mail list (a work-email form refuses those at the keyboard, see free-mail.ts)
 * and "Did you mean …@gmail.com?", the main rule of the shared `normalizeEmail` (a domain one
 * edit away from a popular one, unless it is a known real domain), with the shared data. Its
 * typo table, `.con` rule and disposable list stay server-side: they would cost 2 KB more.
 */
import { NOT_TYPOS, POPULAR_DOMAINS } from '../../../shared/normalize/email-typos.ts';
import { isFreeMailDomain } from '../../../shared/normalize/free-domains.ts';

export { isFreeMailDomain };

/** `text` without its character at `i`. */
const cut = (text: string, i: number) => text.slice(0, i) + text.slice(i + 1);

/**
 * One insertion, deletion, substitution or swap of neighbours apart, as the shared
 * `withinOneEdit`, written for bytes rather than speed: it runs on one blur, over five domains.
 */
function oneEdit(a: string, b: string): boolean {
  for (let i = 0; i <= a.length; i++) {
    if (cut(a, i) === b || cut(b, i) === a || cut(a, i) === cut(b, i) || a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2) === b) return a !== b;
  }
  return false;
}

/**
 * The address the person probably meant, when its domain looks like a typo of a popular one.
 * @example suggestEmail('dana@gmial.com') // 'dana@gmail.com'
 */
export function suggestEmail(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  // Known free domains are real ones, never "corrected" (ymail.com is one edit from gmail.com).
  if (at < 1 || isFreeMailDomain(domain) || NOT_TYPOS.has(domain)) return undefined;
  const intended = POPULAR_DOMAINS.find((popular) => oneEdit(domain, popular));
  return intended && `${email.slice(0, at).trim()}@${intended}`;
}
