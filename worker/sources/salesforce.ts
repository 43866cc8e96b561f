/**
 * Salesforce as a source of leads: a record-triggered Flow (through an Apex action) or an Apex
 * trigger's Queueable posts the new Lead as `JSON.serialize` writes it — one Lead, a list of
 * them, or `{ "records": [...] }` — and each becomes a lead. A Lead carrying
 * `Lead_Router_Id__c` is already ours (worker/sources/known.ts): never a new lead.
 */
import type { LeadFields } from '../../shared/lead/types.ts';
import type { AppEnv } from '../app-env.ts';
import type { Admitted } from '../lead/admission.ts';
import { NOT_PROVIDED } from '../providers/salesforce.ts';
import { alreadyOurs } from './known.ts';
import type { SourceLead } from './admit.ts';

/** Lead field ← Lead field of Salesforce; the first one set wins. */
const FIELDS: readonly [keyof LeadFields, string][] = [
  ['firstName', 'FirstName'],
  ['lastName', 'LastName'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['phone', 'MobilePhone'],
  ['company', 'Company'],
  ['jobTitle', 'Title'],
  ['website', 'Website'],
  ['country', 'Country'],
  ['country', 'CountryCode'],
  ['region', 'State'],
  ['region', 'StateCode'],
  ['city', 'City'],
  ['postalCode', 'PostalCode'],
  ['employees', 'NumberOfEmployees'],
  ['message', 'Description'],
];

/** Most Leads one post may carry: an Apex trigger's batch. */
export const MAX_SALESFORCE_LEADS = 200;

/** The Lead records of a post, or undefined when it holds none (not JSON of Leads). */
export function postedLeads(body: unknown): Record<string, unknown>[] | undefined {
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body['records']) ? body['records'] : isRecord(body) ? [body] : undefined;
  if (list === undefined || list.length === 0 || list.length > MAX_SALESFORCE_LEADS || !list.every(isRecord)) return undefined;
  return list;
}

/** A Lead as a lead; or why it is skipped (no Id); one carrying `Lead_Router_Id__c` is already ours (see known.ts). */
export async function salesforceLead(env: AppEnv, record: Record<string, unknown>): Promise<SourceLead | { skip: string } | { known: Admitted }> {
  const id = typeof record['Id'] === 'string' && /^[A-Za-z0-9]{15,18}$/.test(record['Id']) ? record['Id'] : undefined;
  if (id === undefined) return { skip: 'no Salesforce Id (15 or 18 letters and digits)' };
  const ours = record['Lead_Router_Id__c'];
  if (typeof ours === 'string' && ours !== '') return alreadyOurs(env, ours, 'salesforce', id);
  const fields: LeadFields = {};
  for (const [field, name] of FIELDS) {
    const value = record[name];
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (text !== '' && text !== NOT_PROVIDED && fields[field] === undefined) fields[field] = text;
  }
  const owner = typeof record['OwnerId'] === 'string' && record['OwnerId'].startsWith('005') ? `salesforce:${record['OwnerId']}` : undefined;
  return {
    origin: { system: 'salesforce', id },
    fields,
    ...(typeof record['Industry'] === 'string' && record['Industry'] ? { industry: record['Industry'] } : {}),
    // A queue (00G…) or the integration user owns a new Lead by default: only a user who is a rep counts.
    ...(owner ? { owner } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
