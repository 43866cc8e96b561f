/**
 * How long a lead is kept: until the config's `retention` (default 365 days) after its last
 * activity — the person's last submission, an acknowledgement, a close or an outcome, a change of
 * owner. A year covers the longest ordinary B2B sales cycle and the yearly review of routing;
 * past it, the person's data has no use here that outweighs keeping it (the CRM, where the lead
 * is worked, keeps its own copy under its own policy). A lead with side effects still to deliver
 * or escalation steps still to run is never deleted.
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { parseDuration } from '../../shared/time/duration.ts';
import type { LeadState } from './lead-state.ts';
import type { LeadRecord } from './record.ts';

/** The default retention, as the config would write it. */
export const DEFAULT_RETENTION = '365d';

/** The config's retention in milliseconds. */
export function retentionMs(config: RoutingConfig): number {
  return parseDuration(config.retention ?? DEFAULT_RETENTION)!;
}

/** The lead's last activity (epoch ms). */
export function lastActivity(record: LeadRecord): number {
  return Math.max(
    record.receivedAt,
    record.ownerSince,
    record.lastSubmissionAt ?? 0,
    record.acknowledged?.at ?? 0,
    record.closed?.at ?? 0,
    record.stage?.at ?? 0,
    record.misrouted?.at ?? 0,
    record.rescued?.at ?? 0,
  );
}

/** When the lead may be deleted: retention after its last activity. */
export function deletableAt(lead: LeadState, retention: number): number {
  return lastActivity(lead.record) + retention;
}

/** True when the lead has nothing left to do: no side effect pending, no owed release. */
export function settledLead(lead: LeadState): boolean {
  return !lead.record.releaseOwed && lead.outbox.every((e) => e.status !== 'pending');
}
