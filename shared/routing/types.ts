/**
 * What the routing engine takes and gives: live state in, a decision and a state change out.
 */
import type { LeadAccount } from '../accounts/types.ts';
import type { NormalizedLead } from '../lead/types.ts';
import type { Intent, LeadStatus, Urgency } from '../qualify/types.ts';
import type { LeadScore } from './score.ts';

/** A lead ready to route: normalised, with the qualification's verdict on it. */
export interface RoutableLead extends NormalizedLead {
  status: LeadStatus;
  urgency: Urgency;
  intent: Intent;
  // --- Found by the Worker before routing (worker/accounts/lookup.ts), so routing stays pure ---
  /** The lead's account in the accounts index, however sure the match (routing applies the threshold). */
  account?: LeadAccount;
  /** The rep who owns the lead's email as a known contact. */
  contactOwner?: string;
  /** Intent topics, lower case, strongest first (see `intentSignals`). */
  intentTopics?: string[];
  /** The strongest intent signal, 0-100. */
  intentStrength?: number;
}

/** Why a decision may be wrong: it rests on missing or doubtful data. */
export interface DecisionConfidence {
  level: 'low';
  reasons: string[];
}

/**
 * Live routing state, kept strongly consistent by the Worker (a Durable Object), never in KV.
 * Missing entries mean zero.
 */
export interface RoutingState {
  /** Pool id → position of the next member in its rotation. */
  cursors: Record<string, number>;
  /** Rep id → open leads (assigned, not yet closed or reassigned). */
  load: Record<string, number>;
}

/** The change a decision makes to {@link RoutingState}; the caller commits it. */
export interface StateChange {
  /** Set this pool's cursor to this value. */
  cursor?: { pool: string; value: number };
  /** Add one open lead to this rep. */
  assign?: string;
}

/** Who owns a lead: exactly one rep or one queue. */
export type Owner =
  | { kind: 'rep'; id: string; name: string }
  | { kind: 'queue'; id: string; name: string };

/** How the owner was picked. */
export type Strategy = 'junk' | 'direct' | 'account_owner' | 'contact_owner' | 'backup' | 'round_robin' | 'weighted' | 'least_loaded' | 'queue' | 'fallback';

/** One escalation step, resolved to milliseconds after assignment. */
export type EscalationStep =
  | { afterMs: number; action: 'reassign'; pool?: string; tellLead?: boolean }
  | { afterMs: number; action: 'alert_manager'; notify?: string }
  | { afterMs: number; action: 'move_to_queue'; queue: string };

/** Why a candidate rep was passed over, or that it was taken. */
export type CandidateReason =
  | 'taken'
  | 'inactive'
  | 'out_of_office'
  | 'off_hours'
  | 'at_capacity'
  | 'not_next'
  | 'more_loaded'
  | 'lower_weight';

/** The engine's answer for one lead. */
export interface Decision {
  owner: Owner;
  /** When the decision was made (epoch ms): availability is judged at this instant. */
  at: number;
  /** The route that took the lead: a route id, `$junk` or `$fallback`. */
  route: string;
  strategy: Strategy;
  /** The pool the owner was drawn from, when one was. */
  pool?: string;
  /** Time to acknowledge, in milliseconds. */
  slaMs: number;
  /** Whether SLA time counts on the wall clock or only in the owner's working hours. */
  slaClock: 'wall' | 'working_hours';
  /** The escalation chain that runs if the owner does not acknowledge. */
  escalation: readonly EscalationStep[];
  /** Escalation chain id, when one applies. */
  escalationId?: string;
  stateChange: StateChange;
  /**
   * Every rule and candidate considered, in order, as packed numbers: cheap enough to record
   * for every decision. `explain()` turns it into sentences, exactly.
   */
  trace: number[];
  /** The lead's score, when the config has a `scoring` section. */
  score?: LeadScore;
  /** Present when the decision rests on missing or doubtful data, with why. */
  confidence?: DecisionConfidence;
}

/** One line of an explained trace. */
export type TraceLine =
  | { step: 'junk'; queue: string; reason: string }
  | { step: 'route'; route: string; matched: boolean; reason: string }
  | { step: 'candidate'; route: string; rep: string; taken: boolean; reason: CandidateReason; detail: string }
  | { step: 'fallback'; queue: string; reason: string }
  /** Context around the decision that is not a rule or a candidate: why the lead was routed again, rescued, or looked suspect. */
  | { step: 'note'; reason: string }
  | { step: 'account'; account: string; used: boolean; reason: string }
  | { step: 'score'; score: number; reason: string }
  | { step: 'confidence'; level: 'low'; reason: string };
