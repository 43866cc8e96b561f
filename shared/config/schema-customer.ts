/**
 * The config's customer-aware parts (issue 11): named accounts, the accounts index and its CRM
 * syncs, scores, leads from other sources and enrichment.
 */
import * as z from 'zod/mini';
import { Count, Duration, Id, opt, text, When } from './schema-parts.ts';

export const NamedAccount = z.union([Id, z.strictObject({ owner: Id, name: opt(text(120)) })]);

// --- Accounts, scores and intent (issue 11) ---
/** Points for leads meeting a condition; a part of the score is capped at `max` and never below 0. */
export const ScorePart = z.strictObject({
  max: opt(z.number().check(z.positive())),
  rules: z.array(z.strictObject({ when: When, points: z.number().check(z.minimum(-1000), z.maximum(1000)), label: opt(text(80)) })),
});
/** One CRM's account sync: which properties hold the tier and the customer-since date, and whether contacts come too. */
export const CrmSync = z.strictObject({ contacts: opt(z.boolean()), tier: opt(text(100)), customerSince: opt(text(100)) });
export const AccountIndex = z.strictObject({
  /** A name match below this is shown to the rep, never routed on (default 0.9). */
  minConfidence: opt(z.number().check(z.minimum(0.5), z.maximum(1))),
  hubspot: opt(CrmSync),
  salesforce: opt(CrmSync),
  /** A full sync (which also drops accounts deleted in the CRM) this often; incremental runs between (default 7d). */
  fullSyncEvery: opt(Duration),
});

// --- Leads from other sources and enrichment (issue 11, Deliver 5 and 6) ---
/** How one source's leads are taken: as which form type (its SLA, wanted fields, intent), confirmed or not. */
export const Source = z.strictObject({ formType: opt(Id), confirm: opt(z.boolean()) });
/** What enrichment may fill; `intent` stands for the intent topics and their strength. */
export const ENRICHMENT_FIELDS = ['company', 'domain', 'employees', 'industry', 'country', 'tier', 'intent'] as const;
export const Enrichment = z.strictObject({
  /** `http`: the generic contract (README "Enrichment"); `apollo`: Apollo's organization enrichment. */
  provider: z.enum(['http', 'apollo']),
  /** How long routing waits for the answer, in ms (default 300): past it the lead routes on what it has. */
  timeoutMs: opt(Count.check(z.minimum(20), z.maximum(5000))),
  /** Fields whose enriched value replaces what the person typed (`true`: all); by default the person's value wins. */
  overwrite: opt(z.union([z.boolean(), z.array(z.enum(ENRICHMENT_FIELDS))])),
  /** How long a company's answer is kept per domain (default 30d). */
  cacheFor: opt(Duration),
  /** Send the person's email to the provider (person-level lookup) when the lead has no company domain; off by default. */
  sendEmail: opt(z.boolean()),
});
