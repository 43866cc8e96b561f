/**
 * The escalation chain of an unacknowledged lead: each step comes due a set time after the SLA
 * clock started (in working hours where the config says so) and runs once — reassign within the
 * pool, alert a manager, move to a queue — each on the timeline, with the notices it causes.
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';
import type { EscalationStep } from '../../shared/routing/types.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import type { AppEnv } from '../app-env.ts';
import { crmTargetCount } from './deliveries.ts';
import type { LeadState } from './lead-state.ts';
import { leadEnded, type LeadRecord } from './record.ts';
import { ownerLabel } from './outbox.ts';
import { slaDue } from './sla.ts';

/** True when nobody needs chasing: the lead is acknowledged, closed, or won or lost. */
export function escalationStopped(record: LeadRecord): boolean {
  return record.acknowledged !== undefined || leadEnded(record);
}

/** The next step to run and when it comes due, or undefined when the chain is done or stopped. */
export function nextStep(lead: LeadState, config: RoutingConfig): { step: EscalationStep; index: number; dueAt: number } | undefined {
  const record = lead.record;
  if (escalationStopped(record)) return undefined;
  const index = record.nextStep;
  const step = record.decision.escalation[index];
  if (!step) return undefined;
  return { step, index, dueAt: slaDue(record, config, record.slaFrom ?? record.receivedAt, step.afterMs) };
}

/**
 * Runs one step. The step index advances with the step's outcome and its outbox entries, in
 * one save by the caller, so a second alarm finds the step done; the one call to RouterState
 * (reassignment) is idempotent on the step's key. A move to a queue marks the lead's place in
 * its rep's load as owed back (`releaseOwed`), which the caller gives back to RouterState.
 */
export async function runStep(lead: LeadState, step: EscalationStep, index: number, config: RoutingConfig, env: AppEnv, now: number): Promise<void> {
  const record = lead.record;
  const waited = formatDuration(now - (record.slaFrom ?? record.receivedAt));
  const previous = record.owner;
  const router = env.ROUTER.getByName('global');
  if (step.action === 'reassign') {
    const result = await router.reassign(
      `${record.id}:step:${index}`,
      record.id,
      step.pool ?? record.pool,
      previous.kind === 'rep' ? previous.id : undefined,
      now,
    );
    if (result.ok) {
      record.owner = result.owner;
      record.ownerSince = now;
      record.pool = result.pool;
      lead.event(now, 'reassigned', `from ${ownerLabel(previous)} to ${result.owner.name} in pool ${result.pool}: not acknowledged after ${waited}`);
      lead.notifyOwner(now, result.owner, [], 'reassigned', { from: previous.name });
      if (step.tellLead && !record.confirmationSkipped) tellLead(lead, config, now);
      lead.enqueueCrm(now, crmTargetCount(env));
    } else {
      lead.event(
        now,
        'escalated',
        `reassignment skipped: ${result.reason === 'no_pool' ? 'the lead came from no pool' : 'nobody else in the pool is available'}`,
      );
    }
  } else if (step.action === 'alert_manager') {
    const manager = step.notify ?? (previous.kind === 'rep' ? config.reps[previous.id]?.manager : config.queues[previous.id]?.watchers[0]);
    if (manager) {
      lead.event(now, 'escalated', `alerting ${config.reps[manager]?.name ?? manager}: ${ownerLabel(previous)} has not acknowledged after ${waited}`);
      lead.enqueue(now, { kind: 'manager_alert', channel: 'slack', to: manager });
      if (config.reps[manager]?.email) lead.enqueue(now, { kind: 'manager_alert', channel: 'email', to: manager });
    } else {
      lead.event(now, 'escalated', 'manager alert skipped: the owner has no manager');
    }
  } else {
    const queue = config.queues[step.queue];
    record.owner = { kind: 'queue', id: step.queue, name: queue?.name ?? step.queue };
    record.ownerSince = now;
    lead.event(now, 'moved_to_queue', `from ${ownerLabel(previous)} to ${record.owner.name}: not acknowledged after ${waited}`);
    if (previous.kind === 'rep') record.releaseOwed = true;
    lead.notifyOwner(now, record.owner, queue?.watchers ?? []);
    lead.enqueueCrm(now, crmTargetCount(env));
  }
  record.nextStep = index + 1;
}

/** Tells the lead, by the form type's confirmation channels, who looks after their request now. */
export function tellLead(lead: LeadState, config: RoutingConfig, now: number): void {
  const lead_ = lead.record.lead;
  const channels = config.formTypes[lead_.formType]?.confirm ?? ['email'];
  for (const channel of channels) {
    if ((channel === 'email' ? lead_.email : lead_.phone) !== undefined) lead.enqueue(now, { kind: 'lead_update', channel });
  }
}
