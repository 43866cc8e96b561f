/**
 * A lead's first moments, and a second chance: a new lead is recorded with its decision and
 * timeline and gets its confirmation, its owner's notices and its CRM record queued; a junk lead
 * an admin marks real is routed and handled the same way, as if it had just arrived.
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';
import type { Qualification } from '../../shared/qualify/types.ts';
import { explain } from '../../shared/routing/explain.ts';
import type { Decision, RoutableLead, TraceLine } from '../../shared/routing/types.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import type { AppEnv } from '../app-env.ts';
import { qualifyLead } from '../../shared/lead/prepare.ts';
import { sourceConfirmationSkipped } from '../../shared/sources/prepare.ts';
import { crmTargetCount } from './deliveries.ts';
import { LeadState } from './lead-state.ts';
import { ownerLabel } from './outbox.ts';
import { consentOf, type LeadRecord } from './record.ts';
import { fingerprintOf } from './returns.ts';
import { slaDue } from './sla.ts';

/** What a new lead is made of. */
export interface NewLead {
  id: string;
  site: string;
  receivedAt: number;
  lead: RoutableLead;
  qualification: Qualification;
  decision: Decision;
  configVersion: number;
  /** False when the confirmation is held back (rate limit). */
  confirm: boolean;
  /** Origin for links in notifications. */
  publicUrl: string;
}

/** A new lead, with its side effects queued (not yet saved). */
export function newLead(input: NewLead, config: RoutingConfig, env: AppEnv): LeadState {
  const { trace: _packed, stateChange: _change, ...decision } = input.decision;
  const record: LeadRecord = {
    id: input.id,
    site: input.site,
    receivedAt: input.receivedAt,
    lead: input.lead,
    qualification: input.qualification,
    decision,
    configVersion: input.configVersion,
    trace: [...notes(input.qualification), ...explain(input.decision, input.lead, config)],
    owner: decision.owner,
    ownerSince: input.receivedAt,
    nextStep: 0,
    duplicates: 0,
    lastSubmissionAt: input.receivedAt,
    fingerprint: fingerprintOf(input.lead),
  };
  if (decision.pool !== undefined) record.pool = decision.pool;
  record.dueAt = slaDue(record, config, input.receivedAt, decision.slaMs);
  const consent = consentOf(input.lead, input.receivedAt, config.formTypes[input.lead.formType]);
  if (consent) record.consent = consent;
  const lead = LeadState.fresh(record, input.publicUrl);
  const at = input.receivedAt;
  lead.event(at, 'received', `${input.lead.formType} from ${input.lead.source}${input.lead.pagePath ? ` (${input.lead.pagePath})` : ''}`);
  lead.event(at, 'assigned', `${ownerLabel(decision.owner)} via ${decision.route}, respond within ${formatDuration(decision.slaMs)}`);
  const junk = input.lead.status === 'junk';
  const skipped = junk ? 'junk gets no confirmation' : !input.confirm ? 'confirmations from this client are rate-limited' : undefined;
  handOver(lead, config, env, at, skipped);
  return lead;
}

/**
 * Marks a junk lead real: qualified again without its junk verdict (the findings stay on
 * record, overruled by `by`), routed with a fresh decision, and confirmed, notified and sent to
 * the CRM as a new lead would be. The caller saves and delivers.
 */
export async function rescueLead(lead: LeadState, by: string, at: number, config: RoutingConfig, env: AppEnv): Promise<void> {
  const record = lead.record;
  const q = qualifyLead(record.lead, config);
  const status = q.missing.length > 0 ? 'incomplete' : 'qualified';
  record.lead = { ...record.lead, status, urgency: q.urgency, intent: q.intent };
  const { decision, configVersion } = await env.ROUTER.getByName('global').decide(`${record.id}:rescue`, record.id, record.lead, at);
  const { trace: _packed, stateChange: _change, ...kept } = decision;
  const reasons = record.qualification.junk.map((f) => f.detail).join('; ');
  record.decision = kept;
  record.configVersion = configVersion;
  record.trace = [{ step: 'note', reason: `marked real by ${by}, overruling: ${reasons}` }, ...explain(decision, record.lead, config)];
  record.owner = decision.owner;
  if (decision.pool !== undefined) record.pool = decision.pool;
  record.ownerSince = at;
  record.slaFrom = at;
  record.nextStep = 0;
  record.dueAt = slaDue(record, config, at, decision.slaMs);
  record.rescued = { at, by };
  delete record.confirmationSkipped;
  lead.event(at, 'rescued', `marked real by ${by} (junk for: ${reasons}); routed to ${ownerLabel(decision.owner)} via ${decision.route}`);
  handOver(lead, config, env, at, undefined, true);
}

/** The lead's confirmation (unless `skipped` says why not), its owner's notices and its CRM record. */
function handOver(lead: LeadState, config: RoutingConfig, env: AppEnv, at: number, skipped: string | undefined, rescued = false): void {
  const record = lead.record;
  const channels = config.formTypes[record.lead.formType]?.confirm ?? ['email'];
  const confirmations = channels.filter((ch) => (ch === 'email' ? record.lead.email : record.lead.phone) !== undefined);
  const why = skipped ?? sourceConfirmationSkipped(record.lead.origin) ?? (confirmations.length === 0 ? 'no address to confirm to' : undefined);
  if (why) {
    record.confirmationSkipped = why;
    lead.event(at, 'confirmation_skipped', why);
  } else {
    for (const channel of confirmations) lead.enqueue(at, { kind: 'confirmation', channel });
  }
  // Junk is reviewed on the dashboard: no pings, and it stays out of the CRM.
  if (record.lead.status === 'junk') return;
  lead.notifyOwner(at, record.owner, config.queues[record.owner.id]?.watchers ?? [], rescued ? 'rescued' : undefined);
  lead.enqueueCrm(at, crmTargetCount(env));
}

/** Trace notes from qualification: what looked suspect without being junk. */
function notes(qualification: Qualification): TraceLine[] {
  const suspect = (qualification as Qualification & { suspect?: { detail: string }[] }).suspect ?? [];
  return suspect.map((finding) => ({ step: 'note', reason: `suspect: ${finding.detail}` }));
}
