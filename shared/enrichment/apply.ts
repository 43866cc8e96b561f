/**
 * Enrichment's answer onto a lead: it fills what the lead lacks and never overwrites what the
 * person typed, unless the config's `enrichment.overwrite` names the field (or is `true`).
 * Pure, so the Worker's admission and the late update of a stored lead apply it the same way.
 */
import type { RoutingConfig } from '../config/schema.ts';
import type { RoutableLead } from '../routing/types.ts';
import { ENRICHED_FIELDS, type EnrichedField, type EnrichmentMark, type Firmographics } from './types.ts';

/** Which fields enrichment may overwrite: a set of config field names (`intent` covers both intent fields). */
export interface EnrichmentPolicy {
  overwrite: ReadonlySet<string>;
}

const NONE: EnrichmentPolicy = { overwrite: new Set() };
const ALL: EnrichmentPolicy = { overwrite: new Set(['company', 'domain', 'employees', 'industry', 'country', 'tier', 'intent']) };

/** The config's precedence between what the person typed and what enrichment says. */
export function enrichmentPolicy(config: Pick<RoutingConfig, 'enrichment'>): EnrichmentPolicy {
  const overwrite = config.enrichment?.overwrite;
  if (overwrite === true) return ALL;
  if (!Array.isArray(overwrite) || overwrite.length === 0) return NONE;
  return { overwrite: new Set(overwrite) };
}

/** The config's name for a lead field (`intentTopics` and `intentStrength` are `intent`). */
function configName(field: EnrichedField): string {
  return field === 'intentTopics' || field === 'intentStrength' ? 'intent' : field;
}

/**
 * The lead with `found` applied, and `mark` (the provider, when, how it went) completed with the
 * fields filled, kept and replaced. A value the person gave wins unless the policy overwrites it;
 * the same value twice is neither filled nor kept.
 * @example
 * applyFirmographics(lead, { employees: 250, industry: 'Software' }, NONE, { by: 'Apollo', at, status: 'filled' })
 * // lead.employees 250 (when the form left it empty), lead.enriched.filled ['employees', 'industry']
 */
export function applyFirmographics(lead: RoutableLead, found: Firmographics, policy: EnrichmentPolicy, mark: EnrichmentMark): RoutableLead {
  const out: Record<string, unknown> = { ...lead };
  const filled: EnrichedField[] = [];
  const kept: EnrichedField[] = [];
  const replaced: Partial<Record<EnrichedField, string | number>> = { ...mark.replaced };
  for (const field of ENRICHED_FIELDS) {
    // A head count's upper bound goes with it: the person's "50" is never made "50–200".
    if (field === 'employeesMax') continue;
    const value = found[field];
    if (value === undefined) continue;
    const had = out[field];
    const take = had === undefined || (!same(had, value) && (enrichedBefore(lead, field) || policy.overwrite.has(configName(field))));
    if (!take) {
      if (!same(had, value)) kept.push(field);
      continue;
    }
    if (had !== undefined && !enrichedBefore(lead, field) && (typeof had === 'string' || typeof had === 'number')) replaced[field] = had;
    out[field] = value;
    filled.push(field);
    if (field === 'employees') {
      if (lead.employeesMax !== undefined && !enrichedBefore(lead, 'employeesMax') && had !== undefined) replaced.employeesMax = lead.employeesMax;
      if (found.employeesMax !== undefined) {
        out['employeesMax'] = found.employeesMax;
        filled.push('employeesMax');
      } else delete out['employeesMax'];
    }
  }
  const before = lead.enriched?.status === 'filled' ? (lead.enriched.filled ?? []) : [];
  const next: EnrichmentMark = { ...mark };
  const allFilled = [...new Set([...before, ...filled])];
  if (allFilled.length > 0) next.filled = allFilled;
  else delete next.filled;
  if (kept.length > 0) next.kept = kept;
  else delete next.kept;
  if (Object.keys(replaced).length > 0) next.replaced = replaced;
  else delete next.replaced;
  out['enriched'] = next;
  return out as unknown as RoutableLead;
}

/** True when the lead's value of `field` came from an earlier enrichment (not the person). */
function enrichedBefore(lead: RoutableLead, field: EnrichedField): boolean {
  return lead.enriched?.filled?.includes(field) === true;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (typeof a === 'string' && typeof b === 'string') return a.trim().toLowerCase() === b.trim().toLowerCase();
  return a === b;
}

/**
 * The fields a digest of what the person asked must leave out: those enrichment or the accounts
 * index put on the lead. A repeat whose enrichment came from the cache (or timed out) is still
 * the same request.
 */
export function foundFields(lead: RoutableLead): ReadonlySet<string> {
  return new Set<string>(['account', 'contactOwner', 'enriched', 'indexUnread', 'origin', ...(lead.enriched?.filled ?? [])]);
}

export { NONE as NO_OVERWRITE };
