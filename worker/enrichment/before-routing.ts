/**
 * What the Worker finds out about a lead before it is routed, for every source alike (the
 * widget's intake, the CRMs' webhooks, signed JSON posts): its account and known contact in the
 * accounts index (worker/accounts/lookup.ts) and, when the config names a provider, its
 * company's firmographics (worker/enrichment/enrich.ts). Both run side by side, each in its own
 * time box, so a slow D1 or a slow provider never holds a lead: past the box the lead routes on
 * what it has. Junk is neither looked up nor enriched.
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { applyFirmographics, enrichmentPolicy } from '../../shared/enrichment/apply.ts';
import type { Firmographics } from '../../shared/enrichment/types.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import type { AppEnv } from '../app-env.ts';
import { lookupAccount, type AccountLookup } from '../accounts/lookup.ts';
import { enrichLead, type LateEnrichment } from './enrich.ts';
import { within } from './time-box.ts';

/** How long the accounts index has to answer before the lead routes on the config's accounts alone. */
export const LOOKUP_TIMEOUT_MS = 200;

/** The lead as routing gets it, and the enrichment still on its way when the time box closed. */
export interface Known {
  lead: RoutableLead;
  /** Resolves with the provider's answer after routing; give it to `enrichLater` with the lead's id. */
  later?: LateEnrichment;
}

/**
 * Looks the lead up and enriches it, each within its time box; never throws.
 * @example
 * const known = await beforeRouting(c.env, prepared.lead, config, receivedAt);
 * const admitted = await stub.admit({ ...admission, lead: known.lead });
 * if (known.later) c.executionCtx.waitUntil(enrichLater(c.env, admitted.leadId, known.later));
 */
export async function beforeRouting(env: AppEnv, lead: RoutableLead, config: RoutingConfig, now: number): Promise<Known> {
  if (lead.status === 'junk') return { lead };
  const [found, enrichment] = await Promise.all([lookupWithin(env, lead, config, now), enrichLead(env, lead, config, now)]);
  let known: RoutableLead = { ...lead, ...found };
  if (enrichment.found !== undefined || enrichment.mark !== undefined) {
    known = applyFirmographics(known, enrichment.found ?? {}, enrichmentPolicy(config), enrichment.mark!);
    // Enrichment named the company where the lead gave none (free mail, no company): look again.
    const found = enrichment.found;
    if (found !== undefined && known.account === undefined && known.indexUnread === undefined && addsCompany(lead, found)) {
      known = { ...known, ...(await lookupWithin(env, { ...known, website: lead.website ?? found.domain }, config, now)) };
    }
  }
  return enrichment.later ? { lead: known, later: enrichment.later } : { lead: known };
}

/** The index's answer within {@link LOOKUP_TIMEOUT_MS}; past it, the config's accounts alone. */
async function lookupWithin(
  env: AppEnv,
  lead: RoutableLead,
  config: RoutingConfig,
  now: number,
): Promise<Omit<AccountLookup, 'indexUnread'> & Pick<RoutableLead, 'indexUnread'>> {
  const found = await within(lookupAccount(env.ACCOUNTS_DB, lead, config, now), LOOKUP_TIMEOUT_MS);
  if (found !== undefined) return found;
  return { ...(await lookupAccount(undefined, lead, config, now)), indexUnread: 'timeout' };
}

/** True when enrichment gives a domain or company name the lead lacked: something new to match on. */
function addsCompany(lead: RoutableLead, found: Firmographics): boolean {
  return (lead.domain === undefined && found.domain !== undefined) || (lead.company === undefined && found.company !== undefined);
}
