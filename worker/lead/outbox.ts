/**
 * A lead's outbox: which entries are due, delivering them (lead/deliveries.ts builds and sends),
 * recording each outcome on the entry and the timeline, and when the lead next needs its
 * object's alarm. Every entry is retried with backoff until delivered or dead-lettered.
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';
import type { AppEnv } from '../app-env.ts';
import { MAX_ATTEMPTS, retryDelay } from './backoff.ts';
import { deliver } from './deliveries.ts';
import type { LeadState } from './lead-state.ts';
import type { Intent, LeadRecord, TimelineType } from './record.ts';

const DEFAULT_BASE_DELAY_MS = 2_000;
/** The alarm behind a delivery run under way in a request: it fires only if the run never finishes. */
export const WATCHDOG_MS = 10_000;

/** True when some entry of the lead is due at `now`. */
export function hasDue(lead: LeadState, now: number): boolean {
  return lead.outbox.some((e) => e.status === 'pending' && e.nextAt <= now);
}

/**
 * Delivers the lead's due entries, all at once, and records the outcomes. Returns true when
 * anything changed (the caller saves). A notice to a rep who no longer owns the lead is
 * superseded, not sent: its link could not work.
 */
export async function deliverDue(lead: LeadState, config: RoutingConfig, env: AppEnv, now: number): Promise<boolean> {
  const record = lead.record;
  let changed = false;
  for (const entry of lead.outbox) {
    if (entry.status === 'pending' && entry.intent.kind === 'owner_notice' && record.owner.kind === 'rep' && entry.intent.to !== record.owner.id) {
      entry.status = 'superseded';
      changed = true;
    }
  }
  const due = lead.outbox.filter((e) => e.status === 'pending' && e.nextAt <= now);
  if (due.length === 0) return changed;
  const base = Number(env.OUTBOX_BASE_DELAY_MS ?? DEFAULT_BASE_DELAY_MS);
  await Promise.all(
    due.map(async (entry) => {
      const delivery = await deliver(entry, { record, config, env, publicUrl: lead.publicUrl, now });
      const at = Date.now();
      entry.attempts += 1;
      if (delivery.ok) {
        entry.status = 'delivered';
        entry.deliveredAt = at;
        if (delivery.ref !== undefined) entry.ref = delivery.ref;
        lead.event(at, deliveredType(entry.intent), describe(entry.intent, record, config.reps));
      } else if (!delivery.retry || entry.attempts >= MAX_ATTEMPTS) {
        entry.status = 'dead';
        entry.lastError = delivery.error;
        lead.event(at, 'dead_lettered', `${describe(entry.intent, record, config.reps)} failed for good after ${entry.attempts} attempt(s): ${delivery.error}`);
      } else {
        entry.lastError = delivery.error;
        entry.nextAt = at + retryDelay(entry.attempts, base);
        if (entry.attempts === 1) lead.event(at, 'delivery_retry', `${describe(entry.intent, record, config.reps)} failed (${delivery.error}); retrying`);
      }
    }),
  );
  return true;
}

/**
 * When the lead's outbox next needs the alarm: its earliest pending entry. While a request's
 * delivery run is under way (`running`), what is due now is that run's to send, and the alarm
 * only watches over it.
 */
export function nextDelivery(lead: LeadState, now: number, running: boolean): number {
  let next = Number.POSITIVE_INFINITY;
  for (const entry of lead.outbox) {
    if (entry.status !== 'pending') continue;
    const at = running && entry.nextAt <= now ? now + WATCHDOG_MS : entry.nextAt;
    if (at < next) next = at;
  }
  return next;
}

/** A rep's or queue's name as the timeline says it. */
export function ownerLabel(owner: LeadRecord['owner']): string {
  return owner.kind === 'rep' ? owner.name : `queue ${owner.name}`;
}

function deliveredType(intent: Intent): TimelineType {
  switch (intent.kind) {
    case 'confirmation':
      return 'confirmation_sent';
    case 'owner_notice':
      return 'rep_notified';
    case 'manager_alert':
      return 'manager_alerted';
    case 'lead_update':
      return 'lead_updated';
    case 'crm':
      return 'crm_forwarded';
  }
}

function describe(intent: Intent, record: LeadRecord, reps: Record<string, { name: string }>): string {
  switch (intent.kind) {
    case 'confirmation':
      return `confirmation ${intent.channel} to the lead`;
    case 'owner_notice': {
      const to = reps[intent.to]?.name ?? (record.owner.kind === 'queue' ? record.owner.name : intent.to);
      return `${intent.channel} to ${to}${intent.reason ? ` (${intent.reason})` : ''}`;
    }
    case 'manager_alert':
      return `manager alert (${intent.channel}) to ${reps[intent.to]?.name ?? intent.to}`;
    case 'lead_update':
      return `update ${intent.channel} to the lead: ${ownerLabel(record.owner)} looks after it now`;
    case 'crm':
      return `CRM record (owner ${ownerLabel(record.owner)})`;
  }
}
