/**
 * Enrichment that answered after the lead was routed: its fields go onto the stored lead (the
 * person's values still win), the timeline and the trace say so, and the CRM record is sent
 * again with them. The decision stands: a rep already has the lead, and a lead that moves
 * because a data provider was slow would be a surprise to everyone.
 */
import { applyFirmographics, enrichmentPolicy } from '../../shared/enrichment/apply.ts';
import { describeEnrichment } from '../../shared/enrichment/trace.ts';
import type { EnrichmentMark, Firmographics } from '../../shared/enrichment/types.ts';
import { crmTargetCount } from '../lead/deliveries.ts';
import type { LeadHouse } from '../lead/house.ts';
import { leadEnded } from '../lead/record.ts';

/** Applies a late answer to a lead kept in `house`; false when the lead is gone or its story is over. */
export function enrichStoredLead(house: LeadHouse, leadId: string, found: Firmographics, mark: EnrichmentMark): Promise<boolean> {
  return house.exclusive(async () => {
    const lead = house.leads.get(leadId);
    if (!lead || leadEnded(lead.record)) return false;
    const record = lead.record;
    const config = await house.liveConfig(mark.at);
    record.lead = applyFirmographics(record.lead, found, enrichmentPolicy(config), mark);
    const words = describeEnrichment(record.lead, record.lead.enriched!);
    record.trace = [...record.trace, { step: 'enriched', fields: record.lead.enriched?.filled ?? [], reason: `${words} (not used for this decision)` }];
    lead.event(mark.at, 'enriched', words);
    if (!lead.crmPending()) lead.enqueueCrm(mark.at, crmTargetCount(house.env));
    lead.save(house.store);
    await house.deliverSoon();
    return true;
  });
}
