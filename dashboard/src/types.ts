/** The parts of the admin API's answers the dashboard reads. */
import type { LeadFacts, Stage } from '../../shared/metrics/types.ts';
import type { Owner, RoutableLead, TraceLine } from '../../shared/routing/types.ts';

/** `GET /v1/admin/leads/:id`. */
export interface LeadView {
  record: {
    id: string;
    receivedAt: number;
    lead: RoutableLead;
    decision: { route: string; strategy: string; slaMs: number; owner: Owner; pool?: string };
    configVersion: number;
    trace: TraceLine[];
    owner: Owner;
    ownerSince: number;
    dueAt?: number;
    acknowledged?: { at: number; by: string };
    closed?: { at: number; outcome: string; by: string };
    duplicates: number;
    misrouted?: { to: string; by: string; at: number; note?: string };
    spotChecked?: { at: number; by: string };
    stage?: { stage: Stage; at: number; by: string };
    /** Why qualification found it junk (kept when an admin marks it real). */
    qualification: { junk: { signal: string; detail: string }[] };
    rescued?: { at: number; by: string };
  };
  timeline: { at: number; type: string; detail: string }[];
  outbox: { id: string; intent: { kind: string; channel?: string; to?: string }; status: string; attempts: number; lastError?: string; deliveredAt?: number }[];
}

/** `GET /v1/admin/leads?…`. */
export interface LeadList {
  leads: LeadFacts[];
  /** The figure's count (absent for a search). */
  total?: number;
  next?: string;
}
