/**
 * Enriching a lead before routing, within a time box (the config's `enrichment.timeoutMs`,
 * default 300 ms): the company's answer from the per-domain cache, else from the provider. Past
 * the box the lead routes on what it has, and the answer, when it comes, is added to the lead's
 * record afterwards (`enrichLater`, run by the request's `waitUntil`). A provider that answers
 * 429 is not asked again in this isolate until its Retry-After has passed.
 */
import { leadDomainCandidates } from '../../shared/accounts/domains.ts';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import type { EnrichmentMark, Firmographics } from '../../shared/enrichment/types.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import { parseDuration } from '../../shared/time/duration.ts';
import type { AppEnv } from '../app-env.ts';
import { leadObject } from '../lead/lead-id.ts';
import { cacheAnswer, cachedAnswer } from './cache.ts';
import { askProvider, enrichmentProvider, type EnrichmentProvider, type EnrichmentQuery } from './provider.ts';
import { within } from './time-box.ts';

/** How long routing waits for enrichment by default. */
export const DEFAULT_ENRICHMENT_TIMEOUT_MS = 300;
/** How long an answer past the time box is still awaited (in the request's `waitUntil`, which allows 30 s). */
export const LATE_ANSWER_MS = 10_000;
/** How long a company's answer is cached by default. */
export const DEFAULT_CACHE_FOR = '30d';

/** How enrichment went: what it found, and the mark the lead carries. */
export interface EnrichOutcome {
  found?: Firmographics;
  mark: EnrichmentMark;
}

/** An answer still on its way when the time box closed. */
export type LateEnrichment = Promise<EnrichOutcome>;

/** Enrichment's part of what the Worker knows before routing. */
export interface Enrichment {
  found?: Firmographics;
  mark?: EnrichmentMark;
  later?: LateEnrichment;
}

/** Until when (epoch ms) this isolate leaves a rate-limited provider alone. */
let pausedUntil = 0;

/**
 * Enriches `lead` within the config's time box; `{}` when the config names no provider or the
 * lead offers nothing to ask about (no company domain, and no email or `sendEmail` off). Never throws.
 */
export async function enrichLead(env: AppEnv, lead: RoutableLead, config: RoutingConfig, now: number): Promise<Enrichment> {
  const spec = config.enrichment;
  if (spec === undefined) return {};
  const query = queryOf(lead, spec.sendEmail === true);
  if (query === undefined) return {};
  const provider = enrichmentProvider(spec.provider, env);
  if (typeof provider === 'string')
    return { mark: { by: spec.provider === 'apollo' ? 'Apollo' : 'the enrichment service', at: now, status: 'failed', detail: provider } };
  const timeoutMs = spec.timeoutMs ?? DEFAULT_ENRICHMENT_TIMEOUT_MS;
  const work = ask(env, provider, query, parseDuration(spec.cacheFor ?? DEFAULT_CACHE_FOR)!);
  const outcome = await within(work, timeoutMs);
  if (outcome !== undefined) return outcome;
  return { mark: { by: provider.label, at: now, status: 'timed_out', detail: `${timeoutMs} ms` }, later: work };
}

/**
 * Puts an answer that came after routing onto the lead's record (its object applies it:
 * the person's values still win, the CRM record is updated). Run it in `waitUntil`.
 */
export async function enrichLater(env: AppEnv, leadId: string, later: LateEnrichment): Promise<void> {
  try {
    const outcome = await later;
    if (outcome.found === undefined) return;
    await leadObject(env, leadId).enrich(leadId, outcome.found, { ...outcome.mark, late: true });
  } catch (error) {
    // The lead is routed and kept; only the late fields are lost. Log the kind, never lead data.
    console.warn(`late enrichment not applied (${error instanceof Error ? error.name : 'error'})`);
  }
}

/**
 * What to ask about: the company's domain (the work email's, else the website's, climbed to its
 * registered name: `mail.eu.acme.com` → `acme.com`, as the accounts index climbs); the person's
 * email only where allowed and no domain is known.
 */
function queryOf(lead: RoutableLead, sendEmail: boolean): EnrichmentQuery | undefined {
  const query: EnrichmentQuery = {};
  const domain = companyDomain(lead);
  if (domain !== undefined) query.domain = domain;
  else if (sendEmail && lead.email !== undefined) query.email = lead.email;
  else return undefined;
  if (lead.company !== undefined) query.company = lead.company;
  return query;
}

function companyDomain(lead: RoutableLead): string | undefined {
  const fromEmail =
    lead.emailKind === 'work' && lead.emailDomain !== undefined ? leadDomainCandidates({ emailDomain: lead.emailDomain, emailKind: 'work' }).at(-1) : undefined;
  return fromEmail ?? (lead.website !== undefined ? leadDomainCandidates({ website: lead.website }).at(-1) : undefined);
}

async function ask(env: AppEnv, provider: EnrichmentProvider, query: EnrichmentQuery, cacheForMs: number): Promise<EnrichOutcome> {
  const domain = query.domain;
  // Apollo's organization enrichment needs a domain; a lookup by email goes to the generic contract only.
  if (provider.kind === 'apollo' && domain === undefined) return { mark: { by: provider.label, at: Date.now(), status: 'unknown' } };
  if (domain !== undefined) {
    const cached = await cachedAnswer(env.LEADS_KV, provider.kind, domain);
    if (cached !== undefined) return outcomeOf(provider, cached.found ?? undefined, true);
  }
  if (Date.now() < pausedUntil)
    return { mark: { by: provider.label, at: Date.now(), status: 'failed', detail: `rate-limited until ${new Date(pausedUntil).toISOString()}` } };
  const answer = await askProvider(provider, query, LATE_ANSWER_MS);
  if (answer.kind === 'failed') {
    if (answer.retryAfterMs !== undefined) pausedUntil = Date.now() + answer.retryAfterMs;
    return { mark: { by: provider.label, at: Date.now(), status: 'failed', detail: answer.detail } };
  }
  const found = answer.kind === 'found' ? answer.found : undefined;
  if (domain !== undefined) await cacheAnswer(env.LEADS_KV, provider.kind, domain, found, cacheForMs, Date.now());
  return outcomeOf(provider, found, false);
}

function outcomeOf(provider: EnrichmentProvider, found: Firmographics | undefined, cached: boolean): EnrichOutcome {
  const mark: EnrichmentMark = { by: provider.label, at: Date.now(), status: found ? 'filled' : 'unknown', ...(cached ? { cached: true as const } : {}) };
  return found ? { found, mark } : { mark };
}

/** Forgets a rate limit (tests, and a config change of provider). */
export function resetEnrichmentPause(): void {
  pausedUntil = 0;
}
