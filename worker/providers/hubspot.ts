/**
 * HubSpot CRM (https://developers.hubspot.com/docs/api/crm/contacts): one batch upsert creates
 * the contact or updates it, owner included, so retries and reassignments never duplicate.
 *
 * The portal needs the custom contact properties `lead_router_id`, `lead_router_route`,
 * `lead_router_reason` and `lead_router_urgency` (single-line text); HubSpot refuses unknown
 * properties. A lead without an email is upserted on `lead_router_id`, which then must be a
 * property with "unique values" set.
 */
import { definedOnly } from './defined.ts';
import type { CrmRecord, OutboundRequest } from './types.ts';
import { joinUrl } from './url.ts';

/** What a HubSpot upsert needs. */
export interface HubspotConfig {
  /** A private app token with `crm.objects.contacts.write`. */
  token: string;
  /** Defaults to `https://api.hubapi.com`. */
  baseUrl?: string;
}

/** Builds the HubSpot request that creates or updates the record's contact with its owner. */
export function hubspotRequest(record: CrmRecord, cfg: HubspotConfig): OutboundRequest {
  if (record.origin?.system === 'hubspot') return ownerWriteBack(record, record.origin.id, cfg);
  const properties = definedOnly({
    email: record.email,
    firstname: record.firstName,
    lastname: record.lastName,
    phone: record.phone,
    company: record.company,
    jobtitle: record.jobTitle,
    website: record.website,
    country: record.country,
    state: record.region,
    city: record.city,
    zip: record.postalCode,
    numemployees: record.employees === undefined ? undefined : employeeBand(record.employees),
    hubspot_owner_id: record.owner.kind === 'rep' ? record.owner.hubspotOwnerId : undefined,
    lead_router_id: record.leadId,
    lead_router_route: record.route,
    lead_router_reason: record.reason,
    lead_router_urgency: record.urgency,
    hs_lead_status: 'NEW',
  });
  const input =
    record.email !== undefined ? { idProperty: 'email', id: record.email, properties } : { idProperty: 'lead_router_id', id: record.leadId, properties };
  return {
    channel: 'crm:hubspot',
    url: joinUrl(cfg.baseUrl ?? 'https://api.hubapi.com', '/crm/v3/objects/contacts/batch/upsert'),
    method: 'POST',
    headers: {
      Authorization: `Bearer ${cfg.token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ inputs: [input] }),
  };
}

/**
 * A lead that came from a HubSpot contact: the owner and our fields are written onto that very
 * contact (`PATCH /crm/v3/objects/contacts/{id}`), never upserted by email (which a contact
 * without one would turn into a second copy); the rest of the contact is HubSpot's own.
 */
function ownerWriteBack(record: CrmRecord, contactId: string, cfg: HubspotConfig): OutboundRequest {
  const properties = definedOnly({
    hubspot_owner_id: record.owner.kind === 'rep' ? record.owner.hubspotOwnerId : undefined,
    lead_router_id: record.leadId,
    lead_router_route: record.route,
    lead_router_reason: record.reason,
    lead_router_urgency: record.urgency,
  });
  return {
    channel: 'crm:hubspot',
    url: joinUrl(cfg.baseUrl ?? 'https://api.hubapi.com', `/crm/v3/objects/contacts/${encodeURIComponent(contactId)}`),
    method: 'PATCH',
    headers: { Authorization: `Bearer ${cfg.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ properties }),
  };
}

/**
 * The option of HubSpot's default contact property `numemployees` for a head count: it is a
 * dropdown of ranges, not a number, and refuses any other value.
 */
export function employeeBand(employees: number): string | undefined {
  if (!(employees >= 1)) return undefined;
  if (employees <= 5) return '1-5';
  if (employees <= 25) return '5-25';
  if (employees <= 50) return '25-50';
  if (employees <= 100) return '50-100';
  if (employees <= 500) return '100-500';
  if (employees <= 1000) return '500-1000';
  return '1000+';
}
