/**
 * What a LeadObject keeps: the lead, its decision and trace, its current owner, its timeline
 * and its outbox.
 */
import type { Stage } from '../../shared/metrics/types.ts';
import type { Qualification } from '../../shared/qualify/types.ts';
import type { Decision, Owner, RoutableLead, TraceLine } from '../../shared/routing/types.ts';

/** The lead and where it stands. */
export interface LeadRecord {
  id: string;
  site: string;
  receivedAt: number;
  lead: RoutableLead;
  qualification: Qualification;
  /** The intake decision, without its packed trace (kept explained in `trace`). */
  decision: Omit<Decision, 'trace' | 'stateChange'>;
  configVersion: number;
  trace: TraceLine[];
  /** The owner now: the decision's, or whoever escalation gave the lead to. */
  owner: Owner;
  ownerSince: number;
  /**
   * When the current SLA clock started: arrival, or the instant the lead was routed again (a
   * returning person's request of higher intent) or rescued from junk. Escalation steps count from it.
   */
  slaFrom?: number;
  /** The pool the owner came from, which escalation reassigns within. */
  pool?: string;
  acknowledged?: { at: number; by: string };
  /** Set when the lead is closed (won, lost, disqualified): escalation stops, the owner's load drops. */
  closed?: { at: number; outcome: string; by: string };
  /** Index of the next escalation step to run. */
  nextStep: number;
  /** Later submissions by the same person, joined to this lead (identical repeats and returns alike). */
  duplicates: number;
  /** Of those, the ones that brought something new (another form, a new message, corrected fields). */
  returns?: number;
  /** When the person last submitted (the first submission, a repeat or a return). */
  lastSubmissionAt?: number;
  /** A digest of the latest submission's form type and fields: an identical repeat is only counted. */
  fingerprint?: string;
  /** Set while the owner's open-lead count still has to be given back to RouterState (a failed call is retried). */
  releaseOwed?: true;
  /** The person's consent: when, the wording they saw and its version (the form type's `consentVersion`). */
  consent?: ConsentRecord;
  /** An admin marked this junk lead real: it was routed, confirmed and notified then. */
  rescued?: { at: number; by: string };
  /** Set when the confirmation was held back (junk, rate limit, no address). */
  confirmationSkipped?: string;
  /** When the first owner's SLA runs out (working hours counted where the config says so). */
  dueAt?: number;
  /** A rep or an admin said the lead should have gone to `to` (`rep:<id>` or `queue:<id>`). */
  misrouted?: { to: string; by: string; at: number; note?: string };
  /** Someone checked the route and owner in the weekly spot-check and found them right. */
  spotChecked?: { at: number; by: string };
  /** The latest stage the CRM or a person reported. */
  stage?: { stage: Stage; at: number; by: string };
}

/** What a person agreed to, and when. */
export interface ConsentRecord {
  at: number;
  /** The words beside the box, as shown to them (their language); "not reported" for a client that sent none. */
  wording: string;
  version: string;
}

/** The consent a submission gives, if it gives one. */
export function consentOf(
  lead: { consent: boolean; consentText?: string; formType: string },
  at: number,
  versions: { consentVersion?: string } | undefined,
): ConsentRecord | undefined {
  if (!lead.consent) return undefined;
  return { at, wording: lead.consentText ?? 'not reported by the client', version: versions?.consentVersion ?? 'unversioned' };
}

/** Timeline event types, in the words of the design. */
export type TimelineType =
  | 'received'
  | 'duplicate'
  | 'returned'
  | 'rerouted'
  | 'rescued'
  | 'corrected'
  | 'released'
  | 'assigned'
  | 'confirmation_sent'
  | 'confirmation_skipped'
  | 'rep_notified'
  | 'lead_updated'
  | 'watchers_notified'
  | 'crm_forwarded'
  | 'acknowledged'
  | 'closed'
  | 'escalated'
  | 'manager_alerted'
  | 'reassigned'
  | 'moved_to_queue'
  | 'delivery_retry'
  | 'dead_lettered'
  | 'misrouted'
  | 'spot_checked'
  | 'outcome'
  | 'enriched';

/** One event on a lead's timeline. */
export interface TimelineEvent {
  at: number;
  type: TimelineType;
  detail: string;
}

/** What an outbox entry delivers. */
export type Intent =
  | { kind: 'confirmation'; channel: 'email' | 'sms' }
  | {
      kind: 'owner_notice';
      channel: 'slack' | 'email';
      to: string;
      reason?: NoticeReason;
      /** A reassignment's previous owner, by name. */
      from?: string;
      /** A return's previous form type id. */
      before?: string;
    }
  /** The lead is told who looks after their request now (a reassignment step with `tellLead`). */
  | { kind: 'lead_update'; channel: 'email' | 'sms' }
  | { kind: 'manager_alert'; channel: 'slack' | 'email'; to: string }
  | { kind: 'crm'; target: number };

/**
 * Why an owner hears of a lead: a new lead (no reason), the person came back with something new,
 * the lead was reassigned to them by escalation, routed again to them, or rescued from junk.
 */
export type NoticeReason = 'returned' | 'reassigned' | 'rerouted' | 'rescued';

/** A side effect to deliver, retried until delivered or dead-lettered. */
export interface OutboxEntry {
  id: string;
  intent: Intent;
  /** `superseded`: an owner notice for someone who no longer owns the lead, not sent. */
  status: 'pending' | 'delivered' | 'dead' | 'superseded';
  attempts: number;
  nextAt: number;
  createdAt: number;
  deliveredAt?: number;
  lastError?: string;
  /** The provider's id for the delivered message. */
  ref?: string;
}

/** True when the lead's story is over (closed, won or lost): a return is a new lead, not this one again. */
export function leadEnded(record: LeadRecord): boolean {
  return record.closed !== undefined || record.stage?.stage === 'won' || record.stage?.stage === 'lost';
}
