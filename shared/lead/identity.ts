/**
 * A lead's identity keys, for dedupe: the same person submitting twice, or three times at once,
 * must become one lead. Keys are normalised further than the lead's own fields, because
 * `Dana+demo@Gmail.com` and `d.ana@gmail.com` are one inbox.
 */
import type { NormalizedLead } from './types.ts';

/** The fields a config may dedupe on. */
export type IdentityField = 'email' | 'phone';

// Providers that ignore dots in the local part.
const DOTLESS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The identity keys of a lead, e.g. `['email:dana@gmail.com', 'phone:+14155550123']`.
 * @example identityKeys({ email: 'd.ana+x@gmail.com', … }, ['email']) // ['email:dana@gmail.com']
 */
export function identityKeys(lead: Pick<NormalizedLead, 'email' | 'phone'>, fields: readonly IdentityField[]): string[] {
  const keys: string[] = [];
  for (const field of fields) {
    if (field === 'email' && lead.email) keys.push(`email:${canonicalEmail(lead.email)}`);
    else if (field === 'phone' && lead.phone) keys.push(`phone:${lead.phone}`);
  }
  return keys;
}

/** The inbox an address delivers to: sub-address (`+tag`) dropped, dots dropped where the provider ignores them. */
export function canonicalEmail(email: string): string {
  const at = email.lastIndexOf('@');
  let local = email.slice(0, at).toLowerCase();
  const domain = email.slice(at + 1).toLowerCase();
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (DOTLESS.has(domain)) local = local.replaceAll('.', '');
  return `${local}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}
