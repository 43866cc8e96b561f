/**
 * Salesforce (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm):
 * upsert a Lead on the external id field `Lead_Router_Id__c` (a custom text field marked
 * External ID and Unique in the org). The first call creates the Lead (201), later ones update
 * it (200), so retries and reassignments touch the same Lead.
 */
import { definedOnly } from './defined.ts';
import type { CrmRecord, OutboundRequest } from './types.ts';
import { joinUrl } from './url.ts';

/** What a Salesforce upsert needs. */
export interface SalesforceConfig {
  /** `https://<domain>.my.salesforce.com`. */
  instanceUrl: string;
  /** An OAuth access token (session); it expires with the org's session timeout. */
  accessToken: string;
  /** REST API version, default `v61.0`. */
  apiVersion?: string;
}

/** Placeholder for fields Salesforce requires on a Lead that the lead did not give. */
export const NOT_PROVIDED = '[not provided]';

/** Builds the Salesforce request that creates or updates the record's Lead with its owner. */
export function salesforceRequest(record: CrmRecord, cfg: SalesforceConfig): OutboundRequest {
  const version = cfg.apiVersion ?? 'v61.0';
  if (record.origin?.system === 'salesforce') {
    // A Lead that came from Salesforce: its owner (and our id, so later updates find it) is
    // written onto that Lead by its Id; an upsert by our id would create a second Lead.
    return {
      channel: 'crm:salesforce',
      url: joinUrl(cfg.instanceUrl, `/services/data/${version}/sobjects/Lead/${encodeURIComponent(record.origin.id)}`),
      method: 'PATCH',
      headers: { Authorization: `Bearer ${cfg.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(definedOnly({ OwnerId: record.owner.salesforceOwnerId, Lead_Router_Id__c: record.leadId })),
    };
  }
  const path = `/services/data/${version}/sobjects/Lead/Lead_Router_Id__c/${encodeURIComponent(record.leadId)}`;
  // The external id is in the URL: Salesforce refuses it in the body of an upsert.
  const fields = definedOnly({
    FirstName: record.firstName,
    LastName: record.lastName ?? NOT_PROVIDED,
    Company: record.company ?? NOT_PROVIDED,
    Email: record.email,
    Phone: record.phone,
    Title: record.jobTitle,
    Website: record.website,
    Country: record.country,
    State: record.region,
    City: record.city,
    PostalCode: record.postalCode,
    // An integer field: Salesforce refuses a fraction.
    NumberOfEmployees: record.employees === undefined ? undefined : Math.round(record.employees),
    LeadSource: record.source,
    // Salesforce's Lead has no field for why: the relationship the rep must know rides with the message.
    Description: [record.message, record.relationship && `Lead router: ${record.relationship}`].filter(Boolean).join('\n\n') || undefined,
    OwnerId: record.owner.salesforceOwnerId,
  });
  return {
    channel: 'crm:salesforce',
    url: joinUrl(cfg.instanceUrl, path),
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${cfg.accessToken}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(fields),
  };
}
