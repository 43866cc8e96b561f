/**
 * The lead's account and known contact as routing sees them: the match the Worker found before
 * routing counts when it is sure enough (`accountIndex.minConfidence`), else the config's named
 * accounts by domain, at any sub-domain depth. And what to say about either in a trace.
 */
import type { LeadAccount } from '../accounts/types.ts';
import type { CompiledConfig } from './compile.ts';
import type { RoutableLead } from './types.ts';

/** The lead's matched account when it is sure enough to route on. */
export function usableAccount(c: CompiledConfig, lead: RoutableLead): LeadAccount | undefined {
  const a = lead.account;
  return a !== undefined && a.confidence >= c.minConfidence ? a : undefined;
}

/**
 * The rep index owning the lead's account, or -1: the matched account's owner when that is a
 * rep, else the config's named account for the lead's domain or a parent of it.
 */
export function accountOwner(c: CompiledConfig, lead: RoutableLead): number {
  const owner = usableAccount(c, lead)?.owner;
  const rep = owner === undefined ? undefined : c.repIndex.get(owner);
  return rep ?? configAccountOwner(c, lead.domain);
}

/** The config's named account holding `domain` or its nearest parent: its owner's rep index, or -1. */
export function configAccountOwner(c: CompiledConfig, domain: string | undefined): number {
  const d = configAccountDomain(c, domain);
  return d === undefined ? -1 : c.accounts[d]!;
}

/** The config's named-account domain that `domain` falls under (itself or a parent), if any. */
export function configAccountDomain(c: CompiledConfig, domain: string | undefined): string | undefined {
  if (domain === undefined || c.accountCount === 0) return undefined;
  for (let d = domain; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) {
    if (c.accounts[d] !== undefined) return d;
  }
  return undefined;
}

/** The rep index of the known contact's owner, or -1. */
export function contactOwner(c: CompiledConfig, lead: RoutableLead): number {
  return lead.contactOwner === undefined ? -1 : (c.repIndex.get(lead.contactOwner) ?? -1);
}

const SOURCES: Readonly<Record<string, string>> = { hubspot: 'HubSpot', salesforce: 'Salesforce', csv: 'the CSV import', config: 'the config' };

/**
 * What the trace says about the lead's matched account: how it matched and how sure, who owns
 * it, its tier, since when it is a customer; or why it is not used.
 * @example "matched 'US Bancorp' by name, 0.93 ('U.S. Bank'), from Salesforce; owner Lee Okafor; tier_1; customer since 2019-05-01"
 */
export function describeAccount(c: CompiledConfig, account: LeadAccount): string {
  const a = account;
  if (a.confidence < c.minConfidence) {
    const also = a.alsoLike ? ` (as much as '${a.alsoLike}')` : '';
    return `'${a.matchedOn}' resembles '${a.name}'${also}, ${a.confidence}, below ${c.minConfidence}: shown to the rep, not routed on`;
  }
  const how =
    a.matchedBy === 'name'
      ? `by name, ${a.confidence} ('${a.matchedOn}')`
      : a.matchedBy === 'domain'
        ? `by domain ${a.matchedOn}`
        : 'as the known contact’s account';
  const owner =
    a.owner !== undefined
      ? `owner ${c.reps[c.repIndex.get(a.owner) ?? -1]?.name ?? a.owner}`
      : a.ownerRef !== undefined
        ? `owner ${a.ownerRef} is no rep in the config`
        : 'no owner';
  const parts = [`matched '${a.name}' ${how}, from ${SOURCES[a.source] ?? a.source}`, owner];
  if (a.tier !== undefined) parts.push(a.tier);
  if (a.customerSince !== undefined) parts.push(`customer since ${a.customerSince}`);
  else if (a.customer) parts.push('existing customer');
  return parts.join('; ');
}
