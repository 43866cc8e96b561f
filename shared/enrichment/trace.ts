/**
 * What the trace says about what the Worker found out before routing: how enrichment went
 * (which fields it filled, which the person's values kept, or why there was none) and whether
 * the accounts index could be read. The fields enrichment filled are marked here, so a reader
 * of the trace knows which values the person never typed.
 */
import type { RoutableLead, TraceLine } from '../routing/types.ts';
import type { EnrichedField, EnrichmentMark } from './types.ts';

/** The trace lines of enrichment and the index lookup, in the order they happened. */
export function foundLines(lead: RoutableLead): TraceLine[] {
  const lines: TraceLine[] = [];
  if (lead.indexUnread !== undefined) lines.push({ step: 'note', reason: indexUnreadWords(lead.indexUnread) });
  if (lead.enriched !== undefined) lines.push(enrichmentLine(lead, lead.enriched));
  return lines;
}

/** Why the accounts index was not read, and what that means for the decision. */
export function indexUnreadWords(why: 'timeout' | 'unavailable'): string {
  return `the accounts index ${why === 'timeout' ? 'did not answer in time' : 'could not be read'}: only the config's named accounts were checked`;
}

/**
 * One line for an enrichment mark.
 * @example "enriched by Apollo (cached): employees 250, industry “Computer Software”; kept as typed: country (enrichment said US)"
 */
export function enrichmentLine(lead: RoutableLead, mark: EnrichmentMark): Extract<TraceLine, { step: 'enriched' }> {
  const fields = mark.filled ?? [];
  return { step: 'enriched', fields, reason: describeEnrichment(lead, mark) };
}

/** The words of {@link enrichmentLine}. */
export function describeEnrichment(lead: RoutableLead, mark: EnrichmentMark): string {
  const by = `${mark.by}${mark.cached ? ' (cached)' : ''}`;
  switch (mark.status) {
    case 'timed_out':
      return `enrichment by ${mark.by} did not answer within ${mark.detail ?? 'its time box'}: routed on what the lead gave; its answer is added to the lead when it comes`;
    case 'failed':
      return `enrichment by ${mark.by} failed (${mark.detail ?? 'no answer'}): routed on what the lead gave`;
    case 'unknown':
      return `enrichment by ${by} knows nothing of this company`;
    case 'filled': {
      const parts: string[] = [];
      const filled = (mark.filled ?? []).filter((f) => f !== 'employeesMax' && f !== 'intentStrength');
      parts.push(
        filled.length > 0
          ? `${mark.late ? 'after routing, ' : ''}enriched by ${by}: ${filled.map((f) => `${f} ${shown(lead, f)}`).join(', ')}`
          : `enriched by ${by}: nothing the lead lacked`,
      );
      if (mark.kept?.length) parts.push(`kept as typed: ${mark.kept.join(', ')}`);
      const replaced = Object.entries(mark.replaced ?? {});
      if (replaced.length > 0)
        parts.push(`replaced as the config says (enrichment.overwrite): ${replaced.map(([f, v]) => `${f} (typed ${JSON.stringify(v)})`).join(', ')}`);
      return parts.join('; ');
    }
  }
}

function shown(lead: RoutableLead, field: EnrichedField): string {
  if (field === 'employees') return lead.employeesMax !== undefined ? `${lead.employees}–${lead.employeesMax}` : String(lead.employees);
  if (field === 'intentTopics')
    return `${(lead.intentTopics ?? []).join(', ')}${lead.intentStrength !== undefined ? ` (strength ${lead.intentStrength})` : ''}`;
  const value = (lead as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' && field !== 'country' && field !== 'domain' ? `“${value}”` : String(value);
}
