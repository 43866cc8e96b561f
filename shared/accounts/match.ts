/**
 * Picking a lead's account from what the index found for it: a known contact's account first,
 * then the most specific domain (the work email's before the website's), then the most similar
 * name. Pure: the Worker fetches the candidates in one round trip and calls this.
 */
import type { RoutingConfig } from '../config/schema.ts';
import { companyTokens } from './company-name.ts';
import { nameSimilarity } from './similarity.ts';
import type { IndexedAccount, LeadAccount, MatchedBy } from './types.ts';

/** What the index found for one lead. */
export interface MatchCandidates {
  /** The lead's company as typed. */
  company?: string;
  /** The lead's candidate domains, most specific first (see `leadDomainCandidates`). */
  domains: readonly string[];
  /** The known contact's account, when the lead's email is a known contact with one. */
  contactAccount?: IndexedAccount;
  /** Accounts holding one of `domains`. */
  byDomain: readonly { domain: string; account: IndexedAccount }[];
  /** Accounts whose names share a lookup key with the company's. */
  byName: readonly IndexedAccount[];
}

const SOURCE_RANK: Readonly<Record<IndexedAccount['source'], number>> = { config: 0, hubspot: 1, salesforce: 1, csv: 2 };

/** How close two names must be to count as "as alike" as the best (ambiguous). */
const AMBIGUITY_MARGIN = 0.02;

/**
 * The lead's account, or undefined when nothing matched at all. A name match comes back with
 * its similarity as confidence, however low: routing applies the threshold, the rep sees it.
 * @param owners maps an account's owner (rep id or `hubspot:<id>`) to a rep id; see {@link ownerResolver}
 */
export function pickAccount(found: MatchCandidates, owners: (owner: string | undefined) => string | undefined): LeadAccount | undefined {
  if (found.contactAccount) return leadAccount(found.contactAccount, 'contact', 1, found.contactAccount.name, owners);
  for (const domain of found.domains) {
    // Several accounts on one domain: the config's (hand-kept) first, then the CRM's, then a CSV's.
    const hit = found.byDomain
      .filter((d) => d.domain === domain)
      .sort((a, b) => SOURCE_RANK[a.account.source] - SOURCE_RANK[b.account.source] || a.account.id.localeCompare(b.account.id))[0];
    if (hit) return leadAccount(hit.account, 'domain', 1, domain, owners);
  }
  if (found.company === undefined || found.byName.length === 0) return undefined;
  const tokens = companyTokens(found.company);
  const scored = found.byName
    .map((account) => ({ account, score: nameSimilarity(tokens, companyTokens(account.name)) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.account.id.localeCompare(b.account.id));
  const best = scored[0];
  if (!best) return undefined;
  // Another account as alike, not of the same family, with another owner: the name alone
  // cannot tell them apart, so the match is not trusted (confidence lowered below any sane threshold).
  const rival = scored.find(
    (s, i) => i > 0 && s.score >= best.score - AMBIGUITY_MARGIN && !sameFamily(s.account, best.account) && s.account.owner !== best.account.owner,
  );
  const match = leadAccount(best.account, 'name', rival ? Math.round(best.score * 80) / 100 : best.score, found.company, owners);
  if (rival) match.alsoLike = rival.account.name;
  return match;
}

function sameFamily(a: IndexedAccount, b: IndexedAccount): boolean {
  return a.parent === b.id || b.parent === a.id || (a.parent !== undefined && a.parent === b.parent);
}

function leadAccount(
  account: IndexedAccount,
  matchedBy: MatchedBy,
  confidence: number,
  matchedOn: string,
  owners: (owner: string | undefined) => string | undefined,
): LeadAccount {
  const owner = owners(account.owner);
  const out: LeadAccount = { id: account.id, name: account.name, source: account.source, matchedBy, confidence, matchedOn };
  if (owner !== undefined) out.owner = owner;
  else if (account.owner !== undefined) out.ownerRef = account.owner;
  if (account.tier !== undefined) out.tier = account.tier;
  if (account.parent !== undefined) out.parent = account.parent;
  if (account.customer) out.customer = true;
  if (account.customerSince !== undefined) out.customerSince = account.customerSince;
  return out;
}

const resolvers = new WeakMap<RoutingConfig, (owner: string | undefined) => string | undefined>();

/**
 * Maps an owner as the index holds it to a rep of `config`: a rep id as is, a CRM owner id
 * (`hubspot:9001`, `salesforce:005…` in either id length) through `reps.<id>.crm`. Undefined for anyone else
 * (a CRM user who is no rep here, a rep since removed). Built once per config.
 */
export function ownerResolver(config: RoutingConfig): (owner: string | undefined) => string | undefined {
  let resolve = resolvers.get(config);
  if (!resolve) {
    const map = new Map<string, string>();
    for (const [id, rep] of Object.entries(config.reps)) {
      map.set(id, id);
      if (rep.crm?.hubspot) map.set(`hubspot:${rep.crm.hubspot}`, id);
      if (rep.crm?.salesforce) map.set(`salesforce:${rep.crm.salesforce.slice(0, 15)}`, id);
    }
    // Salesforce ids come in a 15-character and an 18-character form (3 characters of checksum).
    resolve = (owner) => (owner === undefined ? undefined : map.get(owner.startsWith('salesforce:') ? owner.slice(0, 26) : owner));
    resolvers.set(config, resolve);
  }
  return resolve;
}
