/**
 * Reading Salesforce Accounts (and Contacts) for the accounts index, through the REST query
 * API: `SELECT … FROM Account [WHERE LastModifiedDate >= since] ORDER BY LastModifiedDate`,
 * then each `nextRecordsUrl` until `done`. Owners stay Salesforce user ids
 * (`salesforce:<OwnerId>`), mapped to reps through the config's `reps.<id>.crm.salesforce`.
 * The org's daily API limit answers 403 `REQUEST_LIMIT_EXCEEDED`: the sync waits an hour.
 */
import { accountDomains } from '../../shared/accounts/domains.ts';
import type { IndexedAccount } from '../../shared/accounts/types.ts';
import type { SalesforceConfig } from '../providers/salesforce.ts';
import { joinUrl } from '../providers/url.ts';
import { day, failure, instant, retryAfter, type PageOutcome, type PageQuery } from './crm-page.ts';
import type { ContactRow } from './store.ts';

/** Which Account fields hold the tier and the customer-since date (custom fields; the config's `accountIndex.salesforce`). */
export interface SalesforceFields {
  tier?: string;
  customerSince?: string;
}

const FIELD = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The SOQL query of a stream's first page. */
export function soql(stream: 'accounts' | 'contacts', fields: SalesforceFields, since: number | undefined): string {
  const extra = [fields.tier, fields.customerSince].filter((f): f is string => f !== undefined && FIELD.test(f));
  const where = since === undefined ? '' : ` LastModifiedDate >= ${new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
  if (stream === 'accounts')
    return `SELECT Id, Name, Website, OwnerId, ParentId, Type, LastModifiedDate${extra.map((f) => `, ${f}`).join('')} FROM Account${where ? ` WHERE${where}` : ''} ORDER BY LastModifiedDate`;
  return `SELECT Id, Email, OwnerId, AccountId, LastModifiedDate FROM Contact WHERE Email != null${where ? ` AND${where}` : ''} ORDER BY LastModifiedDate`;
}

/** Asks Salesforce for one page of Accounts or Contacts and reads the answer. Never throws. */
export async function salesforcePage(cfg: SalesforceConfig, fields: SalesforceFields, q: PageQuery, fetcher: typeof fetch = fetch): Promise<PageOutcome> {
  const version = cfg.apiVersion ?? 'v61.0';
  const url =
    q.cursor !== undefined
      ? joinUrl(cfg.instanceUrl, q.cursor)
      : `${joinUrl(cfg.instanceUrl, `/services/data/${version}/query`)}?q=${encodeURIComponent(soql(q.stream, fields, q.since))}`;
  let res: Response;
  try {
    res = await fetcher(url, { headers: { Authorization: `Bearer ${cfg.accessToken}`, Accept: 'application/json' } });
  } catch (error) {
    return { kind: 'error', retry: true, why: `Salesforce unreachable: ${error instanceof Error ? error.message : 'network error'}` };
  }
  if (res.status === 403 || res.status === 429) {
    const body = await res
      .clone()
      .json()
      .catch(() => undefined);
    const code = Array.isArray(body) ? (body[0] as { errorCode?: string } | undefined)?.errorCode : undefined;
    if (code === 'REQUEST_LIMIT_EXCEEDED' || res.status === 429)
      return { kind: 'wait', until: retryAfter(res, q.now, 3_600_000), why: `Salesforce API limit: ${code ?? res.status}` };
  }
  if (!res.ok) return failure(res, `Salesforce ${q.stream === 'accounts' ? 'Account' : 'Contact'} query`);
  const json = (await res.json().catch(() => undefined)) as { records?: Record<string, unknown>[]; nextRecordsUrl?: string; done?: boolean } | undefined;
  if (!json || !Array.isArray(json.records)) return { kind: 'error', retry: true, why: 'Salesforce query: an answer without records' };
  let modified: number | undefined;
  for (const r of json.records) modified = Math.max(modified ?? 0, instant(r['LastModifiedDate']) ?? 0);
  const page = {
    accounts: q.stream === 'accounts' ? json.records.map((r) => account(r, fields)) : [],
    contacts: q.stream === 'contacts' ? json.records.flatMap(contact) : [],
    ...(modified === undefined ? {} : { modified }),
  };
  return { kind: 'page', page: json.done === false && json.nextRecordsUrl ? { ...page, next: json.nextRecordsUrl } : page };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function account(r: Record<string, unknown>, fields: SalesforceFields): IndexedAccount {
  const domains = accountDomains(text(r['Website']));
  const out: IndexedAccount = {
    id: `salesforce:${r['Id']}`,
    source: 'salesforce',
    name: text(r['Name']) ?? domains[0] ?? `Salesforce account ${r['Id']}`,
    domains,
  };
  if (text(r['OwnerId'])) out.owner = `salesforce:${r['OwnerId']}`;
  if (text(r['ParentId'])) out.parent = `salesforce:${r['ParentId']}`;
  const tier = fields.tier ? r[fields.tier] : undefined;
  if (tier !== undefined && tier !== null) out.tier = String(tier);
  const since = fields.customerSince ? day(r[fields.customerSince]) : undefined;
  if (since !== undefined) out.customerSince = since;
  if (since !== undefined || text(r['Type'])?.startsWith('Customer')) out.customer = true;
  return out;
}

function contact(r: Record<string, unknown>): ContactRow[] {
  const email = text(r['Email'])?.toLowerCase();
  if (!email) return [];
  const row: ContactRow = { email, source: 'salesforce' };
  if (text(r['OwnerId'])) row.owner = `salesforce:${r['OwnerId']}`;
  if (text(r['AccountId'])) row.account = `salesforce:${r['AccountId']}`;
  return [row];
}
