/**
 * A lead from a source (a CRM record, a chat tool's post) prepared like a form lead — the same
 * validation, normalisation and qualification — but leniently: the record already exists in
 * its system, so a field the form would require makes it incomplete rather than refused, a free
 * address is taken on a work-email form, and a value that cannot be read (a malformed phone) is
 * left out and named, never a reason to lose the lead.
 */
import type { FormTypeSpec, RoutingConfig } from '../config/schema.ts';
import { LEAD_FIELD_NAMES, isLeadFieldName } from '../lead/fields.ts';
import { prepareLead, type PreparedLead } from '../lead/prepare.ts';
import type { FieldIssue, LeadContext, LeadFields } from '../lead/types.ts';
import type { SourceSystem } from './types.ts';

/** What a source gives: the form type it is taken as, its fields as typed there, and context. */
export interface SourceSubmission {
  formType: string;
  fields: LeadFields;
  context?: LeadContext;
}

/** A prepared source lead, with the values that had to be left out; or why it cannot be taken at all. */
export type PreparedSourceLead = (Extract<PreparedLead, { ok: true }> & { dropped: FieldIssue[] }) | { ok: false; issues: FieldIssue[] };

const lenientConfigs = new WeakMap<RoutingConfig, RoutingConfig>();

/** The config with every form type lenient: all fields read, none required (required ones wanted), any email. */
function lenient(config: RoutingConfig): RoutingConfig {
  let copy = lenientConfigs.get(config);
  if (!copy) {
    const formTypes: Record<string, FormTypeSpec> = {};
    for (const [id, spec] of Object.entries(config.formTypes)) {
      formTypes[id] = { ...spec, fields: LEAD_FIELD_NAMES, required: [], wanted: [...new Set([...(spec.wanted ?? []), ...spec.required])], workEmail: false };
    }
    lenientConfigs.set(config, (copy = { ...config, formTypes }));
  }
  return copy;
}

/**
 * Prepares a source's submission; values that fail their check are dropped (and listed), the rest
 * kept. Refused only when nothing of it can be read (an unknown form type).
 * @example prepareSourceLead({ formType: 'contact', fields: { email: 'ann@acme.com', phone: '12' } }, config)
 * // { ok: true, lead: { email: 'ann@acme.com', status: 'incomplete', … }, dropped: [{ field: 'phone', code: 'invalid', … }] }
 */
export function prepareSourceLead(submission: SourceSubmission, config: RoutingConfig): PreparedSourceLead {
  const loose = lenient(config);
  const fields: LeadFields = { ...submission.fields };
  const dropped: FieldIssue[] = [];
  // A few rounds at most: validation names what it cannot read, then normalisation may name more.
  for (let round = 0; round < 3; round++) {
    const prepared = prepareLead({ ...submission, fields }, loose);
    if (prepared.ok) return { ...prepared, dropped };
    const fixable = prepared.issues.filter((issue) => isLeadFieldName(issue.field) && fields[issue.field] !== undefined);
    if (fixable.length === 0) return prepared;
    for (const issue of fixable) {
      delete fields[issue.field as keyof LeadFields];
      dropped.push(issue);
    }
  }
  return { ok: false, issues: dropped };
}

/** The form type a source's leads are taken as: the config's `sources.<system>.formType`, else `contact`, else the first form type. */
export function sourceFormType(config: RoutingConfig, system: SourceSystem): string {
  const named = config.sources?.[system]?.formType;
  if (named !== undefined) return named;
  return Object.prototype.hasOwnProperty.call(config.formTypes, 'contact') ? 'contact' : Object.keys(config.formTypes)[0]!;
}

/** Whether a source's leads get the form type's confirmation: the config's `sources.<system>.confirm`, by default only signed JSON posts. */
export function sourceConfirms(config: RoutingConfig, system: SourceSystem): boolean {
  return config.sources?.[system]?.confirm ?? system === 'webhook';
}

const NAMES: Readonly<Record<SourceSystem, string>> = { hubspot: 'HubSpot', salesforce: 'Salesforce', webhook: 'signed JSON' };

/** Why a source lead gets no confirmation, for its record and timeline; undefined when it gets one. */
export function sourceConfirmationSkipped(origin: { system: SourceSystem; name?: string; confirm?: boolean } | undefined): string | undefined {
  if (origin === undefined || origin.confirm !== false) return undefined;
  return `a lead from ${origin.system === 'webhook' && origin.name ? origin.name : NAMES[origin.system]} is not confirmed by us (sources.${origin.system}.confirm)`;
}
