/**
 * A lead from another source, admitted exactly as a form lead is: prepared (leniently, see
 * shared/sources/prepare.ts), looked up and enriched before routing, then admitted by its first
 * identity key's LeadObject (dedupe, routing, the record, confirmation when the source allows,
 * notices, CRM, SLA, audit). The source's record id is the submission's idempotency key, so a
 * repeat of the same record gets the same answer and makes no second lead.
 */
import { ownerResolver } from '../../shared/accounts/match.ts';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { canonicalEmail, identityKeys } from '../../shared/lead/identity.ts';
import type { FieldIssue, LeadContext, LeadFields } from '../../shared/lead/types.ts';
import { intentSignals } from '../../shared/routing/intent.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import { prepareSourceLead, sourceConfirms, sourceFormType } from '../../shared/sources/prepare.ts';
import type { LeadOrigin } from '../../shared/sources/types.ts';
import { parseDuration } from '../../shared/time/duration.ts';
import type { AppEnv } from '../app-env.ts';
import type { Admitted } from '../lead/admission.ts';
import { beforeRouting } from '../enrichment/before-routing.ts';
import { enrichLater } from '../enrichment/enrich.ts';
import { homeTag, identityObject } from '../lead/lead-id.ts';

/** One record of a source, as its adapter reads it. */
export interface SourceLead {
  origin: Omit<LeadOrigin, 'confirm'>;
  /** The lead's fields, named as the widget names them. */
  fields: LeadFields;
  /** The form type it is taken as, when the source says (signed JSON); else the config's for the source. */
  formType?: string;
  context?: LeadContext;
  /** Values no form asks for: the company's industry, the source's intent signals. */
  industry?: string;
  intent?: unknown;
  /** The record's owner in its CRM (`hubspot:<owner id>`, `salesforce:<user id>`): its rep, when it is one, is the lead's contact owner. */
  owner?: string;
}

/** The admission's answer, or why the record cannot be taken. */
export type SourceOutcome = ({ ok: true } & Admitted) | { ok: false; issues: FieldIssue[] };

/** Where the admission runs: the request's environment, its `waitUntil`, the public origin for links. */
export interface SourceContext {
  env: AppEnv;
  waitUntil: (work: Promise<unknown>) => void;
  publicUrl: string;
}

/** Admits one source record; repeats of its id get the first answer. */
export async function admitFromSource(ctx: SourceContext, config: RoutingConfig, item: SourceLead, receivedAt: number): Promise<SourceOutcome> {
  const { env } = ctx;
  const system = item.origin.system;
  // A CRM's leads have its name as their source; a signed post's, the name it gives itself (`intercom`).
  const label = system === 'webhook' ? (item.origin.name ?? system) : system;
  const utm = { source: label, medium: system === 'webhook' ? 'api' : 'crm', ...item.context?.utm };
  const prepared = prepareSourceLead(
    { formType: item.formType ?? sourceFormType(config, system), fields: item.fields, context: { ...item.context, utm } },
    config,
  );
  if (!prepared.ok) return prepared;
  const intent = intentSignals(item.intent);
  const given: RoutableLead = {
    ...prepared.lead,
    origin: { ...item.origin, confirm: sourceConfirms(config, system) },
    ...(item.industry ? { industry: item.industry.slice(0, 80) } : {}),
    ...intent,
  };
  const { lead: known, later } = await beforeRouting(env, given, config, receivedAt);
  // The record's own owner in its CRM is the current owner: it beats what the index last synced.
  const owner = ownerResolver(config)(item.owner);
  const lead: RoutableLead = owner !== undefined && known.status !== 'junk' ? { ...known, contactOwner: owner } : known;

  // The record's id within its system (and its HubSpot portal, or its poster): the idempotency key.
  const ref = `${system}:${item.origin.name ?? ''}:${item.origin.id}`.slice(0, 200);
  const [key = `source:${ref}`, ...others] = identityKeys(lead, config.dedupe.keys);
  const home = homeTag(env, key);
  const admitted = await identityObject(env, home).admit({
    home,
    key,
    others: others.map((other) => ({ key: other, home: homeTag(env, other) })),
    lead,
    qualification: prepared.qualification,
    ...(lead.email ? { email: canonicalEmail(lead.email) } : {}),
    windowMs: parseDuration(config.dedupe.window)!,
    site: `source:${label}`,
    receivedAt,
    // Confirmations are limited per person here: a source posts for many people from one place.
    client: `source:${lead.email ?? lead.phone ?? ref}`,
    publicUrl: ctx.publicUrl,
    idempotencyKey: ref,
  });
  if (later) ctx.waitUntil(enrichLater(env, admitted.leadId, later));
  return { ok: true, ...admitted };
}
