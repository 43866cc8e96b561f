/**
 * Qualification: is this lead real, complete, and how soon does it need a person?
 * The verdict sends junk to review (never dropped), incomplete leads to a slower path, and
 * hot leads to someone now; routing makes those moves, this only decides.
 */
import type { NormalizedLead } from '../lead/types.ts';
import { foldText } from './fold.ts';
import { leadIntent } from './intent.ts';
import { junkFindings } from './junk.ts';
import { missingFields } from './missing.ts';
import { suspectFindings } from './suspect.ts';
import { DEFAULT_QUALIFY_RULES } from './types.ts';
import type { LeadStatus, Qualification, QualifyFormType, QualifyRules } from './types.ts';
import { detectFoldedUrgency, maxUrgency } from './urgency.ts';

/** The routing config's overrides on the defaults; an `undefined` override is no override. */
function withDefaults(rules: Partial<QualifyRules> | undefined): QualifyRules {
  return {
    minFillMs: rules?.minFillMs ?? DEFAULT_QUALIFY_RULES.minFillMs,
    maxLinks: rules?.maxLinks ?? DEFAULT_QUALIFY_RULES.maxLinks,
    disposableIsJunk: rules?.disposableIsJunk ?? DEFAULT_QUALIFY_RULES.disposableIsJunk,
  };
}

/**
 * Qualifies `lead`, which came in through a form of type `formType`.
 *
 * Status: `junk` if any junk signal fired, else `incomplete` if a wanted field is missing,
 * else `qualified`; suspicions (a fast fill nothing explains) never change it. Urgency: the higher of the form type's floor and the message's phrases.
 * Never throws on any string content.
 */
export function qualify(lead: NormalizedLead, formType: QualifyFormType, rules?: Partial<QualifyRules>): Qualification {
  // Folded once: the urgency phrases and the gibberish check both read it.
  const foldedMessage = lead.message === undefined ? undefined : foldText(lead.message);
  const effective = withDefaults(rules);
  const junk = junkFindings(lead, effective, foldedMessage);
  const missing = missingFields(lead, formType.wanted);
  const status: LeadStatus = junk.length > 0 ? 'junk' : missing.length > 0 ? 'incomplete' : 'qualified';

  const said = foldedMessage === undefined ? undefined : detectFoldedUrgency(foldedMessage);
  const floor = formType.urgency ?? 'normal';
  const urgencySignals: string[] = [];
  if (floor !== 'normal') urgencySignals.push(`form type: ${lead.formType}`);
  if (said !== undefined) urgencySignals.push(...said.signals);

  return {
    status,
    junk,
    missing,
    urgency: maxUrgency(floor, said?.urgency ?? 'normal'),
    urgencySignals,
    intent: leadIntent(lead, formType),
    suspect: suspectFindings(lead, effective),
  };
}
