/**
 * Completeness: which of the fields routing wants a lead lacks. Validation has already
 * enforced the required ones; these are the fields that decide how fast and by whom a lead can
 * be worked, and a lead without them takes the slower path.
 */
import type { LeadFieldName } from '../lead/fields.ts';
import type { NormalizedLead } from '../lead/types.ts';

/** True when the lead has no usable value for `field`; an unticked consent counts as none. */
export function isFieldMissing(lead: NormalizedLead, field: LeadFieldName): boolean {
  const value = lead[field];
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'boolean') return !value;
  return value === undefined || Number.isNaN(value);
}

/** The `wanted` fields `lead` lacks, in `wanted`'s order, each once. */
export function missingFields(lead: NormalizedLead, wanted: readonly LeadFieldName[] | undefined): LeadFieldName[] {
  const missing: LeadFieldName[] = [];
  if (wanted === undefined) return missing;
  for (const field of wanted) {
    if (isFieldMissing(lead, field) && !missing.includes(field)) missing.push(field);
  }
  return missing;
}
