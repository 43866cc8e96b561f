/**
 * A person who comes back within the dedupe window: their submission joins their lead WITH its
 * content. An identical repeat is only counted; a new request (another form, a new message,
 * corrected fields) is merged into the lead (the latest values win, the history stays on the
 * timeline), qualified again, told to the current owner at once and sent to the CRM; and when it
 * carries higher intent or urgency than the lead had (or the config says `reroute: "always"`),
 * it is routed again and the lead gets the new route's owner and SLA.
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { foundFields } from '../../shared/enrichment/apply.ts';
import { qualifyLead } from '../../shared/lead/prepare.ts';
import type { NormalizedLead } from '../../shared/lead/types.ts';
import type { Qualification } from '../../shared/qualify/types.ts';
import { maxUrgency } from '../../shared/qualify/urgency.ts';
import { explain } from '../../shared/routing/explain.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import type { AppEnv } from '../app-env.ts';
import { crmTargetCount } from './deliveries.ts';
import type { LeadState } from './lead-state.ts';
import { consentOf } from './record.ts';
import { ownerLabel } from './outbox.ts';
import { slaDue } from './sla.ts';

/** A later submission by the person a lead belongs to. */
export interface Submission {
  lead: RoutableLead;
  qualification: Qualification;
  receivedAt: number;
  idempotencyKey?: string;
}

/** Repeats and returns recorded on the timeline one by one; beyond, only counted (the timeline stays bounded). */
const REPEATS_RECORDED = 3;
const RETURNS_RECORDED = 20;
/** Within this long of a return notice, a further return only updates the lead: the owner was just told. */
const NOTICE_QUIET_MS = 10 * 60_000;
/** Attribution is the first visit's: a return's source goes on the timeline, not over the lead's. */
const FIRST_TOUCH = new Set<keyof NormalizedLead>(['source', 'medium', 'campaign', 'pagePath', 'pageUrl', 'referrer']);
/**
 * What a submission carries that is not the person's request: never compared, never merged. The
 * lead keeps its first source record (`origin`): its CRM record is the one it was written to.
 */
const VISIT_ONLY = new Set<string>(['timeOnFormMs', 'honeypot', 'status', 'urgency', 'intent', 'autofilled', 'pasted', 'keysTyped', 'consentText', 'origin']);
const INTENT_RANK = { low: 0, medium: 1, high: 2 } as const;
const URGENCY_RANK = { normal: 0, high: 1, urgent: 2 } as const;
const QUOTE = 60;

/** What the person asked, as a digest: the form type and the fields they typed. Repeats compare equal. */
export function fingerprintOf(lead: RoutableLead): string {
  // What the Worker found (account, enrichment) is not what the person asked: a cached answer must not make a repeat look new.
  const found = foundFields(lead);
  const entries = Object.entries(lead).filter(
    ([field, value]) => value !== undefined && !FIRST_TOUCH.has(field as keyof NormalizedLead) && !VISIT_ONLY.has(field) && !found.has(field),
  );
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Joins a submission to the lead. `router` routes the merged lead again when the return
 * warrants it. The caller saves the lead and delivers its outbox.
 */
export async function joinSubmission(lead: LeadState, sub: Submission, config: RoutingConfig, env: AppEnv): Promise<void> {
  const record = lead.record;
  const at = sub.receivedAt;
  record.duplicates += 1;
  record.lastSubmissionAt = at;
  if (sub.idempotencyKey) lead.submissionKeys = [...lead.submissionKeys.slice(-19), sub.idempotencyKey];
  if (sub.lead.status === 'junk') {
    // A bot using a real person's address neither changes their lead nor pings anyone.
    if (record.duplicates <= REPEATS_RECORDED)
      lead.event(at, 'duplicate', `a submission flagged as junk joined (${sub.qualification.junk.map((f) => f.signal).join(', ')}); the lead is unchanged`);
    return;
  }
  const fingerprint = fingerprintOf(sub.lead);
  if (fingerprint === (record.fingerprint ?? fingerprintOf(record.lead))) {
    if (record.duplicates <= REPEATS_RECORDED)
      lead.event(at, 'duplicate', `the same ${sub.lead.formType} again from ${sub.lead.source}; owner stays ${ownerLabel(record.owner)}`);
    return;
  }

  const previous = record.lead;
  const merged = mergeLeads(previous, sub.lead, config);
  // The latest consent given is the one that holds (a new wording, a new version).
  const consent = consentOf(sub.lead, at, config.formTypes[sub.lead.formType]);
  if (consent) record.consent = consent;
  record.fingerprint = fingerprint;
  record.returns = (record.returns ?? 0) + 1;
  record.lead = merged;
  if (record.returns <= RETURNS_RECORDED) lead.event(at, 'returned', returnDetail(previous, sub.lead, config));

  const policy = config.dedupe.reroute ?? 'higher_intent';
  const higher = INTENT_RANK[sub.lead.intent] > INTENT_RANK[previous.intent] || URGENCY_RANK[sub.lead.urgency] > URGENCY_RANK[previous.urgency];
  const reroute = previous.status !== 'junk' && (policy === 'always' || (policy === 'higher_intent' && higher));
  if (reroute) {
    await routeAgain(
      lead,
      config,
      env,
      at,
      higher ? `higher intent: ${sub.lead.formType} after ${previous.formType}` : 'the config routes every return again',
      previous.formType,
    );
  } else if (!noticedRecently(lead, at)) {
    lead.notifyOwner(at, record.owner, config.queues[record.owner.id]?.watchers ?? [], 'returned', { before: previous.formType });
  }
  if (!lead.crmPending()) lead.enqueueCrm(at, crmTargetCount(env));
}

/**
 * Routes the lead again with its current content: a new decision (idempotent on `key`: by
 * default the lead and its return count), a new SLA clock from `at`, escalation from the first step, and the new owner
 * told. The reason is the trace's first line and the timeline's.
 */
export async function routeAgain(
  lead: LeadState,
  config: RoutingConfig,
  env: AppEnv,
  at: number,
  reason: string,
  before?: string,
  key = `${lead.record.id}:reroute:${lead.record.returns ?? 0}`,
): Promise<void> {
  const record = lead.record;
  const previous = record.owner;
  const { decision, configVersion } = await env.ROUTER.getByName('global').decide(key, record.id, record.lead, at);
  const { trace: _packed, stateChange: _change, ...kept } = decision;
  record.decision = kept;
  record.configVersion = configVersion;
  record.trace = [{ step: 'note', reason: `routed again: ${reason}` }, ...explain(decision, record.lead, config)];
  record.owner = decision.owner;
  if (decision.pool !== undefined) record.pool = decision.pool;
  else delete record.pool;
  record.ownerSince = at;
  record.slaFrom = at;
  record.nextStep = 0;
  if (record.acknowledged) lead.event(at, 'rerouted', `the acknowledgement by ${record.acknowledged.by} covered the earlier request`);
  delete record.acknowledged;
  record.dueAt = slaDue(record, config, at, decision.slaMs);
  lead.event(at, 'rerouted', `to ${ownerLabel(decision.owner)} via ${decision.route} (was ${ownerLabel(previous)}): ${reason}`);
  const same = previous.kind === decision.owner.kind && previous.id === decision.owner.id;
  lead.notifyOwner(
    at,
    decision.owner,
    config.queues[decision.owner.id]?.watchers ?? [],
    same ? 'returned' : 'rerouted',
    before === undefined ? {} : { before },
  );
}

/** The lead with a later submission's values over its own; attribution stays the first visit's. */
function mergeLeads(previous: RoutableLead, next: RoutableLead, config: RoutingConfig): RoutableLead {
  const merged = { ...previous } as Record<string, unknown>;
  for (const [field, value] of Object.entries(next)) {
    if (value === undefined || FIRST_TOUCH.has(field as keyof NormalizedLead) || VISIT_ONLY.has(field)) continue;
    merged[field] = value;
  }
  const lead = merged as unknown as RoutableLead;
  const q = qualifyLead(lead, config);
  return {
    ...lead,
    // The submission was real; what it joined was real: the merged lead is not junk.
    status: q.status === 'junk' ? next.status : q.status,
    urgency: maxUrgency(previous.urgency, next.urgency),
    intent: INTENT_RANK[next.intent] >= INTENT_RANK[previous.intent] ? next.intent : previous.intent,
  };
}

/** "demo_request (was free_trial) from google: 'we want 2,000 seats…'; changed company (was Acme)". */
function returnDetail(previous: RoutableLead, next: RoutableLead, config: RoutingConfig): string {
  const label = (formType: string) => config.formTypes[formType]?.label ?? formType;
  const form = next.formType === previous.formType ? label(next.formType) : `${label(next.formType)} (was ${label(previous.formType)})`;
  const quote = (text: string) => `'${text.length > QUOTE ? `${text.slice(0, QUOTE)}…` : text}'`;
  const before = previous.message && next.message && previous.message !== next.message ? ` (before: ${quote(previous.message)})` : '';
  const said = next.message ? `: ${quote(next.message)}${before}` : '';
  const changed = Object.entries(next)
    .filter(
      ([field, value]) =>
        field !== 'message' && field !== 'formType' && !FIRST_TOUCH.has(field as keyof NormalizedLead) && !VISIT_ONLY.has(field) && value !== undefined,
    )
    .filter(([field, value]) => previous[field as keyof RoutableLead] !== undefined && previous[field as keyof RoutableLead] !== value)
    .map(([field, _value]) => `${field} (was ${String(previous[field as keyof RoutableLead])})`);
  return `${form} from ${next.source}${said}${changed.length ? `; changed ${changed.join(', ')}` : ''}`;
}

/** True when the owner was told of a return within the quiet period. */
function noticedRecently(lead: LeadState, at: number): boolean {
  return lead.outbox.some((e) => e.intent.kind === 'owner_notice' && e.intent.reason === 'returned' && at - e.createdAt < NOTICE_QUIET_MS);
}
