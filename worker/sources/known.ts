/**
 * A source record that already carries our lead id (`lead_router_id` in HubSpot,
 * `Lead_Router_Id__c` in Salesforce) is already ours: either the lead it came in as — the source
 * sending it again after we wrote the owner back — answered as that lead stands, or the record of
 * a lead that came another way (our CRM hand-off of a form lead), never taken as a new lead.
 */
import type { SourceSystem } from '../../shared/sources/types.ts';
import type { AppEnv } from '../app-env.ts';
import type { Admitted } from '../lead/admission.ts';
import { isLeadId, leadObject } from '../lead/lead-id.ts';

/** The answer for a record carrying our lead id `ours`. */
export async function alreadyOurs(env: AppEnv, ours: string, system: SourceSystem, recordId: string): Promise<{ known: Admitted } | { skip: string }> {
  const record = isLeadId(ours) ? (await leadObject(env, ours).view(ours))?.record : undefined;
  const origin = record?.lead.origin;
  if (record && origin?.system === system && origin.id === recordId)
    return { known: { leadId: record.id, owner: record.owner, slaMs: record.decision.slaMs, junk: record.lead.status === 'junk' } };
  return { skip: `already a lead of the router (${ours}), which wrote this record: not routed again` };
}
