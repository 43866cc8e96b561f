/**
 * From a request body to a lead ready to route: validate (the same check the widget ran),
 * normalise, qualify. Pure, so the Worker's intake, the admin dry-run, the rules CLI and the
 * benchmark all prepare a lead the same way.
 */
import type { RoutingConfig } from '../config/schema.ts';
import { normalizeLead } from '../normalize/lead.ts';
import { qualify } from '../qualify/qualify.ts';
import type { Qualification, QualifyRules } from '../qualify/types.ts';
import type { RoutableLead } from '../routing/types.ts';
import { parseDuration } from '../time/duration.ts';
import type { FieldIssue, NormalizedLead } from './types.ts';
import { validateSubmission } from './validate.ts';

/** The outcome of {@link prepareLead}: the issues that refuse it, or the lead and its qualification. */
export type PreparedLead = { ok: false; issues: FieldIssue[] } | { ok: true; lead: RoutableLead; qualification: Qualification };

const rulesByConfig = new WeakMap<RoutingConfig, Partial<QualifyRules>>();

/**
 * Validates, normalises and qualifies a submission against a config's form types.
 * @example
 * const prepared = prepareLead(await c.req.json(), config);
 * if (!prepared.ok) return c.json({ issues: prepared.issues }, 400);
 * const decision = route(prepared.lead, config, state, Date.now());
 */
export function prepareLead(input: unknown, config: RoutingConfig): PreparedLead {
  const validation = validateSubmission(input, config.formTypes);
  if (!validation.ok) return validation;
  const submission = validation.submission;
  const formType = config.formTypes[submission.formType]!;
  // The form type's country: the lead's when none is typed; the phone's after the locale's.
  const { lead, issues } = normalizeLead(submission, formType.defaultCountry);
  if (issues.length > 0) return { ok: false, issues };
  const qualification = qualify(lead, formType, qualifyRules(config));
  return {
    ok: true,
    lead: { ...lead, status: qualification.status, urgency: qualification.urgency, intent: qualification.intent },
    qualification,
  };
}

/**
 * Qualifies a lead that is already normalised (a returning person's merged lead, a lead an
 * admin rescued from junk) with the config's rules for its form type.
 */
export function qualifyLead(lead: NormalizedLead, config: RoutingConfig): Qualification {
  const formType = config.formTypes[lead.formType] ?? { intent: 'low' as const };
  return qualify(lead, formType, qualifyRules(config));
}

function qualifyRules(config: RoutingConfig): Partial<QualifyRules> {
  let rules = rulesByConfig.get(config);
  if (!rules) {
    const q = config.qualification;
    rules = {};
    if (q.minFillTime !== undefined) rules.minFillMs = parseDuration(q.minFillTime)!;
    if (q.maxLinks !== undefined) rules.maxLinks = q.maxLinks;
    if (q.disposableIsJunk !== undefined) rules.disposableIsJunk = q.disposableIsJunk;
    rulesByConfig.set(config, rules);
  }
  return rules;
}
