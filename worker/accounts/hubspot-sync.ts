/**
 * Reading HubSpot's companies (and contacts) for the accounts index, through the CRM v3 API:
 * a full run lists every record (`GET /crm/v3/objects/companies`, paged by `after`); an
 * incremental run searches those modified since the last run (`POST …/companies/search`,
 * `hs_lastmodifieddate` ≥ since, oldest first). A search stops at 10,000 results, so a long one
 * restarts from the last record's modification time. Owners stay HubSpot owner ids
 * (`hubspot:<id>`), mapped to reps through the config's `reps.<id>.crm.hubspot` at lookup.
 */
import { accountDomains } from '../../shared/accounts/domains.ts';
import type { IndexedAccount } from '../../shared/accounts/types.ts';
import type { HubspotConfig } from '../providers/hubspot.ts';
import { joinUrl } from '../providers/url.ts';
import { day, failure, instant, retryAfter, type PageOutcome, type PageQuery } from './crm-page.ts';
import type { ContactRow } from './store.ts';

/** Which company properties hold the tier and the customer-since date (the config's `accountIndex.hubspot`). */
export interface HubspotFields {
  tier?: string;
  customerSince?: string;
}

const PAGE = 100;
/** HubSpot's search refuses to page past 10,000 results. */
const SEARCH_LIMIT = 10_000;
const DEFAULT_TIER = 'hs_ideal_customer_profile';
const DEFAULT_CUSTOMER_SINCE = 'hs_lifecyclestage_customer_date';

interface HubspotRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
  updatedAt?: string;
}

/** Asks HubSpot for one page of companies or contacts and reads the answer. Never throws. */
export async function hubspotPage(cfg: HubspotConfig, fields: HubspotFields, q: PageQuery, fetcher: typeof fetch = fetch): Promise<PageOutcome> {
  const companies = q.stream === 'accounts';
  const object = companies ? 'companies' : 'contacts';
  const modifiedProp = companies ? 'hs_lastmodifieddate' : 'lastmodifieddate';
  const tier = fields.tier ?? DEFAULT_TIER;
  const since = fields.customerSince ?? DEFAULT_CUSTOMER_SINCE;
  const properties = companies
    ? ['name', 'domain', 'hs_additional_domains', 'hubspot_owner_id', 'hs_parent_company_id', 'lifecyclestage', modifiedProp, tier, since]
    : ['email', 'hubspot_owner_id', 'associatedcompanyid', modifiedProp];
  const base = cfg.baseUrl ?? 'https://api.hubapi.com';
  const headers = { Authorization: `Bearer ${cfg.token}`, 'Content-Type': 'application/json' };
  let res: Response;
  try {
    if (q.since === undefined) {
      const query = new URLSearchParams({ limit: String(PAGE), properties: properties.join(','), archived: 'false' });
      if (q.cursor !== undefined) query.set('after', q.cursor);
      res = await fetcher(`${joinUrl(base, `/crm/v3/objects/${object}`)}?${query}`, { headers });
    } else {
      const body = {
        filterGroups: [{ filters: [{ propertyName: modifiedProp, operator: 'GTE', value: String(q.since) }] }],
        sorts: [{ propertyName: modifiedProp, direction: 'ASCENDING' }],
        properties,
        limit: PAGE,
        ...(q.cursor === undefined ? {} : { after: q.cursor }),
      };
      res = await fetcher(joinUrl(base, `/crm/v3/objects/${object}/search`), { method: 'POST', headers, body: JSON.stringify(body) });
    }
  } catch (error) {
    return { kind: 'error', retry: true, why: `HubSpot unreachable: ${error instanceof Error ? error.message : 'network error'}` };
  }
  if (res.status === 429) {
    const body = (await res.json().catch(() => ({}))) as { policyName?: string; message?: string };
    // The daily limit resets at the portal's midnight; without knowing its zone, try hourly.
    const fallback = body.policyName === 'DAILY' ? 3_600_000 : 10_000;
    return {
      kind: 'wait',
      until: retryAfter(res, q.now, fallback),
      why: `HubSpot rate limit (${body.policyName ?? 'unknown policy'}): ${body.message ?? '429'}`,
    };
  }
  if (!res.ok) return failure(res, `HubSpot ${object}`);
  const json = (await res.json().catch(() => undefined)) as { results?: HubspotRecord[]; paging?: { next?: { after?: string } } } | undefined;
  if (!json || !Array.isArray(json.results)) return { kind: 'error', retry: true, why: `HubSpot ${object}: an answer without results` };
  const records = json.results;
  let modified: number | undefined;
  for (const r of records) modified = Math.max(modified ?? 0, instant(r.properties[modifiedProp] ?? r.updatedAt) ?? 0);
  const page = {
    accounts: companies ? records.map((r) => company(r, tier, since)) : [],
    contacts: companies ? [] : records.flatMap(contact),
    ...(modified === undefined ? {} : { modified }),
  };
  const next = json.paging?.next?.after;
  if (next === undefined) return { kind: 'page', page };
  // A search about to hit its 10,000-result wall starts again from where it got to.
  if (q.since !== undefined && Number(next) + PAGE > SEARCH_LIMIT && modified !== undefined) return { kind: 'page', page: { ...page, restartSince: modified } };
  return { kind: 'page', page: { ...page, next } };
}

function company(r: HubspotRecord, tierProp: string, sinceProp: string): IndexedAccount {
  const p = r.properties;
  const domains = accountDomains([p['domain'] ?? '', p['hs_additional_domains'] ?? '']);
  const account: IndexedAccount = { id: `hubspot:${r.id}`, source: 'hubspot', name: p['name']?.trim() || domains[0] || `HubSpot company ${r.id}`, domains };
  if (p['hubspot_owner_id']) account.owner = `hubspot:${p['hubspot_owner_id']}`;
  if (p['hs_parent_company_id']) account.parent = `hubspot:${p['hs_parent_company_id']}`;
  if (p[tierProp]) account.tier = p[tierProp]!;
  const since = day(p[sinceProp]);
  if (since !== undefined) account.customerSince = since;
  if (since !== undefined || p['lifecyclestage'] === 'customer') account.customer = true;
  return account;
}

function contact(r: HubspotRecord): ContactRow[] {
  const email = r.properties['email']?.trim().toLowerCase();
  if (!email) return [];
  const row: ContactRow = { email, source: 'hubspot' };
  if (r.properties['hubspot_owner_id']) row.owner = `hubspot:${r.properties['hubspot_owner_id']}`;
  if (r.properties['associatedcompanyid']) row.account = `hubspot:${r.properties['associatedcompanyid']}`;
  return [row];
}
