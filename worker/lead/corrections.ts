/**
 * Correcting a lead's data and routing it again: what RevOps does with a misroute that came from
 * wrong data ("the company has 800 people, not 80"). The lead's fields are written back as a form
 * would send them, the corrections laid over them, and the whole normalised again by the shared
 * normaliser — one way to read a field, whether a person typed it or an admin corrected it. The
 * attribution stays the first visit's.
 */
import { LEAD_FIELD_NAMES, type LeadFieldName } from '../../shared/lead/fields.ts';
import type { FieldIssue, LeadFields } from '../../shared/lead/types.ts';
import { normalizeLead } from '../../shared/normalize/lead.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';

/** Attribution and visit data: never corrected, never recomputed. */
const KEPT = [
  'source',
  'medium',
  'campaign',
  'pagePath',
  'pageUrl',
  'referrer',
  'timeOnFormMs',
  'honeypot',
  'language',
  'autofilled',
  'pasted',
  'keysTyped',
  'consentText',
] as const;

/** The lead's fields as a form would send them. */
export function fieldsOf(lead: RoutableLead): LeadFields {
  const fields: LeadFields = {};
  for (const name of LEAD_FIELD_NAMES) {
    if (name === 'employees') {
      if (lead.employees !== undefined)
        fields.employees =
          lead.employeesMax !== undefined && lead.employeesMax !== lead.employees ? `${lead.employees}-${lead.employeesMax}` : String(lead.employees);
      continue;
    }
    const value = (lead as unknown as Record<string, unknown>)[name];
    if (typeof value === 'string' || typeof value === 'boolean') fields[name] = value;
  }
  return fields;
}

/** The corrections a request may make: known field names with text (or true/false for consent) values; anything else is an issue. */
export function readCorrections(raw: unknown): { ok: true; fields: LeadFields } | { ok: false; issues: FieldIssue[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, issues: [{ field: 'fields', code: 'invalid', message: 'Send { fields: { employees: "800", … } }' }] };
  const fields: LeadFields = {};
  const issues: FieldIssue[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (!(LEAD_FIELD_NAMES as string[]).includes(name)) issues.push({ field: name, code: 'not_allowed', message: `${name} is not a lead field` });
    else if (typeof value === 'string' || typeof value === 'boolean') fields[name as LeadFieldName] = typeof value === 'string' ? value.slice(0, 5000) : value;
    else issues.push({ field: name, code: 'invalid', message: `${name} must be text` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, fields };
}

/** The lead with the corrections normalised in, or the issues of a value the normaliser cannot read. */
export function correctLead(
  lead: RoutableLead,
  corrections: LeadFields,
): { ok: true; lead: RoutableLead; changed: string[] } | { ok: false; issues: FieldIssue[] } {
  const { lead: normal, issues } = normalizeLead({ formType: lead.formType, fields: { ...fieldsOf(lead), ...corrections } });
  if (issues.length > 0) return { ok: false, issues };
  const next: Record<string, unknown> = { ...normal, status: lead.status, urgency: lead.urgency, intent: lead.intent };
  for (const key of KEPT) {
    const value = (lead as unknown as Record<string, unknown>)[key];
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  const changed = Object.keys(corrections).filter((name) => fieldsOf(lead)[name as LeadFieldName] !== corrections[name as LeadFieldName]);
  return { ok: true, lead: next as unknown as RoutableLead, changed };
}
