/**
 * HubSpot as a source of leads: the contact-creation webhook's events
 * (https://developers.hubspot.com/docs/api/webhooks: a JSON array of `{ objectId, portalId,
 * subscriptionType: "contact.creation", … }`, or the newer `object.creation` with
 * `objectTypeId: "0-1"`), the contacts read in one CRM v3 batch read
 * (`POST /crm/v3/objects/contacts/batch/read`, up to 100 ids), and each contact as a lead. A
 * contact carrying `lead_router_id` is one we created ourselves (the CRM hand-off of a form
 * lead): it is never routed again.
 */
import type { LeadFields } from '../../shared/lead/types.ts';
import type { AppEnv } from '../app-env.ts';
import type { Admitted } from '../lead/admission.ts';
import { alreadyOurs } from './known.ts';
import { joinUrl } from '../providers/url.ts';
import type { SourceLead } from './admit.ts';

/** Lead field ← contact property (HubSpot's default properties); the first one set wins. */
const FIELDS: readonly [keyof LeadFields, string][] = [
  ['email', 'email'],
  ['firstName', 'firstname'],
  ['lastName', 'lastname'],
  ['phone', 'phone'],
  ['phone', 'mobilephone'],
  ['company', 'company'],
  ['jobTitle', 'jobtitle'],
  ['website', 'website'],
  ['country', 'country'],
  ['region', 'state'],
  ['city', 'city'],
  ['postalCode', 'zip'],
  ['employees', 'numemployees'],
  ['message', 'message'],
];

/** The contact properties read: what the lead is made of, its industry and owner, and our mark. */
export const CONTACT_PROPERTIES = [...FIELDS.map(([, property]) => property), 'industry', 'hubspot_owner_id', 'lead_router_id'];

/** A contact as the CRM v3 API answers it. */
export interface HubspotContact {
  id: string;
  properties: Record<string, string | null | undefined>;
}

/** The contact ids of creation events (each once, in order), and the portal they belong to. */
export function createdContacts(events: unknown): { ids: string[]; portal?: string } {
  const ids: string[] = [];
  let portal: string | undefined;
  for (const event of Array.isArray(events) ? events : []) {
    if (typeof event !== 'object' || event === null) continue;
    const e = event as Record<string, unknown>;
    const creation = e['subscriptionType'] === 'contact.creation' || (e['subscriptionType'] === 'object.creation' && e['objectTypeId'] === '0-1');
    const id = typeof e['objectId'] === 'number' || typeof e['objectId'] === 'string' ? String(e['objectId']) : undefined;
    if (!creation || id === undefined || !/^\d{1,20}$/.test(id)) continue;
    if (!ids.includes(id)) ids.push(id);
    if (portal === undefined && (typeof e['portalId'] === 'number' || typeof e['portalId'] === 'string')) portal = String(e['portalId']);
  }
  return portal === undefined ? { ids } : { ids, portal };
}

/** The batch read's outcome: the contacts found and the ids HubSpot does not hold; or why it failed. */
export type ContactsRead = { ok: true; contacts: HubspotContact[]; missing: string[] } | { ok: false; status: number; message: string; retryAfter?: string };

/** Reads the contacts, 100 ids a request (a webhook delivery holds at most 100 events). */
export async function readContacts(env: AppEnv, ids: string[]): Promise<ContactsRead> {
  const contacts: HubspotContact[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const inputs = ids.slice(i, i + 100).map((id) => ({ id }));
    let res: Response;
    try {
      res = await fetch(joinUrl(env.HUBSPOT_BASE_URL ?? 'https://api.hubapi.com', '/crm/v3/objects/contacts/batch/read'), {
        method: 'POST',
        headers: { Authorization: `Bearer ${env.HUBSPOT_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ properties: CONTACT_PROPERTIES, inputs }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      return { ok: false, status: 0, message: 'HubSpot did not answer the contacts read' };
    }
    const body = (await res.json().catch(() => undefined)) as { results?: HubspotContact[]; message?: string } | undefined;
    // 207: some ids were not found (deleted since); the others are in `results`.
    if (res.status !== 200 && res.status !== 207) {
      const retryAfter = res.headers.get('Retry-After');
      return {
        ok: false,
        status: res.status,
        message: `HubSpot answered ${res.status} to the contacts read${body?.message ? `: ${body.message.slice(0, 200)}` : ''}`,
        ...(retryAfter ? { retryAfter } : {}),
      };
    }
    contacts.push(...(body?.results ?? []));
  }
  return { ok: true, contacts, missing: ids.filter((id) => !contacts.some((c) => c.id === id)) };
}

/**
 * A contact as a lead (its portal keeps one portal's contact ids apart from another's); one
 * carrying `lead_router_id` is already ours (see known.ts).
 */
export async function contactLead(
  env: AppEnv,
  contact: HubspotContact,
  portal: string | undefined,
): Promise<SourceLead | { skip: string } | { known: Admitted }> {
  const p = contact.properties;
  const ours = p['lead_router_id'];
  if (ours) return alreadyOurs(env, ours, 'hubspot', contact.id);
  const fields: LeadFields = {};
  for (const [field, property] of FIELDS) {
    const value = p[property]?.trim();
    if (value && fields[field] === undefined) fields[field] = value;
  }
  return {
    origin: { system: 'hubspot', id: contact.id, ...(portal ? { name: `hubspot-${portal}` } : {}) },
    fields,
    ...(p['industry'] ? { industry: p['industry'] } : {}),
    ...(p['hubspot_owner_id'] ? { owner: `hubspot:${p['hubspot_owner_id']}` } : {}),
  };
}
