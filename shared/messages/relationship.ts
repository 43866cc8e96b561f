/**
 * The lead's prior relationship in one line, for the rep's notice and the CRM record
 * (seeds/000: context travels with the handoff, "prior customer relationship if one exists"):
 * the account the Worker matched and since when it is a customer, a known contact, or a
 * company name that only resembles an account (shown to the rep, never routed on).
 */
import type { RoutableLead } from '../routing/types.ts';
import { oneLine } from './text.ts';

/**
 * What is known of the lead's relationship with us; undefined when nothing is.
 * @param minConfidence the config's `accountIndex.minConfidence`: a name match below it is only shown
 * @example relationshipText(lead, 0.9) // "existing customer of Pied Piper, Inc. since 2022-02-01"
 * @example relationshipText(lead, 0.9) // "the company resembles Vandelay Industries (0.63): shown, not routed on"
 */
export function relationshipText(lead: Pick<RoutableLead, 'account' | 'contactOwner'>, minConfidence: number): string | undefined {
  const a = lead.account;
  const parts: string[] = [];
  if (lead.contactOwner !== undefined) parts.push('a known contact in the CRM');
  if (a !== undefined) {
    const name = oneLine(a.name);
    if (a.confidence < minConfidence) parts.push(`the company resembles ${name} (${a.confidence}): shown, not routed on`);
    else if (a.customer && a.customerSince) parts.push(`existing customer of ${name} since ${a.customerSince}`);
    else if (a.customer) parts.push(`existing customer of ${name}`);
    else parts.push(`account ${name}${a.tier ? ` (${oneLine(a.tier)})` : ''}`);
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}
