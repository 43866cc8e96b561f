/**
 * A lead's account and known contact, found before routing: one D1 round trip (a batch of up
 * to three reads: by domain, by name keys, by email), plus the config's own `accounts` in
 * memory, then `pickAccount` (shared/accounts/match.ts) chooses. What the index returned is
 * cached per isolate for a short while, so a burst of leads from one company reads it once.
 */
import { companyTokens, nameKeys } from '../../shared/accounts/company-name.ts';
import { accountDomains, leadDomainCandidates } from '../../shared/accounts/domains.ts';
import { ownerResolver, pickAccount, type MatchCandidates } from '../../shared/accounts/match.ts';
import type { IndexedAccount, LeadAccount } from '../../shared/accounts/types.ts';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import type { NormalizedLead } from '../../shared/lead/types.ts';
import { accountFromRow, type AccountRow } from './store.ts';

/** What the lookup adds to a lead before routing. */
export interface AccountLookup {
  account?: LeadAccount;
  /** The known contact's owner, when the lead's email is a known contact owned by a rep. */
  contactOwner?: string;
  /** Set when the index could not be read (D1 failed, or failed moments ago): only the config's accounts were checked. */
  indexUnread?: 'unavailable';
}

/** The lead fields the lookup reads. */
export type LookupLead = Pick<NormalizedLead, 'email' | 'emailDomain' | 'emailKind' | 'website' | 'company'>;

/** Candidates fetched per lead, best first by shared keys: enough for the right one to be there. */
const NAME_CANDIDATES = 40;
/** Weight of a shared key by kind: the whole name counts most, a word's ends least. */
const KEY_WEIGHT: Readonly<Record<string, number>> = { s: 4, t: 2, p: 1, q: 1 };
const CACHE_MS = 30_000;
const CACHE_ENTRIES = 2_000;
/** After a failed read, the index is left alone this long: a D1 that is down (or not migrated) is not asked once per lead. */
const DOWN_MS = 10_000;

const ACCOUNT_COLUMNS = 'a.id, a.source, a.name, a.owner, a.tier, a.parent, a.customer, a.customer_since, a.domains';
const BY_DOMAIN = `SELECT d.domain AS matched, ${ACCOUNT_COLUMNS} FROM account_domains d JOIN accounts a ON a.id = d.account_id WHERE d.domain IN (SELECT value FROM json_each(?1))`;
const BY_NAME = `SELECT ${ACCOUNT_COLUMNS} FROM (SELECT k.account_id AS id, sum(json_extract(q.value, '$[1]')) AS s FROM json_each(?1) q JOIN account_keys k ON k.key = json_extract(q.value, '$[0]') GROUP BY k.account_id ORDER BY s DESC LIMIT ${NAME_CANDIDATES}) t JOIN accounts a ON a.id = t.id`;
const BY_EMAIL = `SELECT c.owner AS contact_owner, c.account_id AS contact_account, ${ACCOUNT_COLUMNS} FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id WHERE c.email = ?1`;

/** What the index holds for one lead, as cached. */
interface Found {
  byDomain: { domain: string; account: IndexedAccount }[];
  byName: IndexedAccount[];
  contact?: { owner?: string; account?: IndexedAccount };
}

const cache = new Map<string, { at: number; found: Found }>();
let warned = false;
/** Until when this isolate leaves a failing index alone, and what it answers meanwhile. */
let downUntil = 0;
let downAnswer: Found | undefined;

/**
 * Looks a lead up in the accounts index and the config's accounts.
 * @param db the `ACCOUNTS_DB` binding; when undefined, or when D1 fails, only the config's accounts are used
 * @example
 * const { account, contactOwner } = await lookupAccount(env.ACCOUNTS_DB, prepared.lead, config);
 * const decision = route({ ...prepared.lead, account, contactOwner }, config, state, now);
 */
export async function lookupAccount(db: D1Database | undefined, lead: LookupLead, config: RoutingConfig, now = Date.now()): Promise<AccountLookup> {
  const domains = leadDomainCandidates(lead);
  const email = lead.email?.toLowerCase();
  const company = lead.company?.trim() || undefined;
  const keys = company === undefined ? [] : nameKeys(companyTokens(company));
  const found = db === undefined ? EMPTY : await fromIndex(db, domains, keys, email, now);
  const local = configAccounts(config);
  const candidates: MatchCandidates = {
    domains,
    // The config's accounts first: a hand-kept entry is meant to win over a synced one.
    byDomain: [...domains.flatMap((domain) => (local.byDomain.has(domain) ? [{ domain, account: local.byDomain.get(domain)! }] : [])), ...found.byDomain],
    byName: [...new Set(keys.flatMap((key) => local.byKey.get(key) ?? [])), ...found.byName],
  };
  if (company !== undefined) candidates.company = company;
  if (found.contact?.account) candidates.contactAccount = found.contact.account;
  const owners = ownerResolver(config);
  const result: AccountLookup = found === UNREAD ? { indexUnread: 'unavailable' } : {};
  const account = pickAccount(candidates, owners);
  if (account) result.account = account;
  const contactOwner = owners(found.contact?.owner);
  if (contactOwner !== undefined) result.contactOwner = contactOwner;
  return result;
}

const EMPTY: Found = { byDomain: [], byName: [] };
/** The index could not be read: nothing found, and the lead says so. */
const UNREAD: Found = { byDomain: [], byName: [] };

async function fromIndex(db: D1Database, domains: string[], keys: string[], email: string | undefined, now: number): Promise<Found> {
  if (domains.length === 0 && keys.length === 0 && email === undefined) return EMPTY;
  const cacheKey = `${email ?? ''}|${domains.join(',')}|${keys.join(',')}`;
  const hit = cache.get(cacheKey);
  if (hit && now - hit.at < CACHE_MS) return hit.found;
  if (now < downUntil && downAnswer) return downAnswer;
  const statements: D1PreparedStatement[] = [];
  const domainAt = domains.length > 0 ? statements.push(db.prepare(BY_DOMAIN).bind(JSON.stringify(domains))) - 1 : -1;
  const nameAt = keys.length > 0 ? statements.push(db.prepare(BY_NAME).bind(JSON.stringify(keys.map((k) => [k, KEY_WEIGHT[k[0]!] ?? 1])))) - 1 : -1;
  const emailAt = email !== undefined ? statements.push(db.prepare(BY_EMAIL).bind(email)) - 1 : -1;
  let results: D1Result<Record<string, unknown>>[];
  try {
    results = await db.batch<Record<string, unknown>>(statements);
  } catch (error) {
    // The index is an aid: without it (not migrated yet, D1 down) leads route on the config alone.
    if (!warned)
      console.warn(`accounts index unavailable (${error instanceof Error ? error.message.slice(0, 120) : 'error'}): routing on the config's accounts`);
    warned = true;
    downUntil = now + DOWN_MS;
    // Tables missing: the index was never set up (migrations not applied), which is no index, not
    // an outage; any other failure marks the leads it leaves routed on the config alone.
    downAnswer = error instanceof Error && /no such table/i.test(error.message) ? EMPTY : UNREAD;
    return downAnswer;
  }
  const rows = (at: number) => (at < 0 ? [] : (results[at]!.results as unknown as (AccountRow & Record<string, unknown>)[]));
  const found: Found = {
    byDomain: rows(domainAt).map((row) => ({ domain: row['matched'] as string, account: accountFromRow(row) })),
    byName: rows(nameAt).map(accountFromRow),
  };
  const contact = rows(emailAt)[0];
  if (contact) {
    found.contact = {};
    if (contact['contact_owner'] !== null) found.contact.owner = contact['contact_owner'] as string;
    if (contact.id !== null) found.contact.account = accountFromRow(contact);
  }
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, { at: now, found });
  return found;
}

/** Forgets cached lookups (after an import, so the next lead sees it at once in this isolate) and a failure remembered. */
export function clearLookupCache(): void {
  cache.clear();
  downUntil = 0;
}

const configIndexes = new WeakMap<RoutingConfig, { byDomain: Map<string, IndexedAccount>; byKey: Map<string, IndexedAccount[]> }>();

/** The config's `accounts` as index entries, by domain and by name key (built once per config). */
function configAccounts(config: RoutingConfig): { byDomain: Map<string, IndexedAccount>; byKey: Map<string, IndexedAccount[]> } {
  let index = configIndexes.get(config);
  if (!index) {
    index = { byDomain: new Map(), byKey: new Map() };
    for (const [domain, entry] of Object.entries(config.accounts)) {
      const d = accountDomains(domain)[0] ?? domain.toLowerCase();
      const account: IndexedAccount = {
        id: `config:${d}`,
        source: 'config',
        name: typeof entry === 'string' ? d : (entry.name ?? d),
        domains: [d],
        owner: typeof entry === 'string' ? entry : entry.owner,
      };
      index.byDomain.set(d, account);
      if (typeof entry !== 'string' && entry.name)
        for (const key of nameKeys(companyTokens(entry.name))) index.byKey.set(key, [...(index.byKey.get(key) ?? []), account]);
    }
    configIndexes.set(config, index);
  }
  return index;
}
