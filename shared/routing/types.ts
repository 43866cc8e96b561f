/**
 * What the routing engine takes and gives: live state in, a decision and a state change out.
 */
import type { LeadAccount } from '../accounts/types.ts';
import type { EnrichmentMark } from '../enrichment/types.ts';
import type { LeadOrigin } from '../sources/types.ts';
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
  /** The company's industry (enrichment, a source), free text. */
  industry?: string;
  /** The likely account tier (enrichment): `accountTier` when no matched account gives one. */
  tier?: string;
  /** How enrichment filled the lead, or why it could not (see shared/enrichment). */
  enriched?: EnrichmentMark;
  /** Set when the accounts index could not be read (in time, or at all): only the config's accounts were checked. */
  indexUnread?: 'timeout' | 'unavailable';
  /** The source record of a lead that did not come from the widget (see shared/sources). */
  origin?: LeadOrigin;
}

/** Why a decision may be wrong: it rests on missing or doubtful data. */
export interface DecisionConfidence {
  level: 'low';
  reasons: string[];
}

/**
 * Live routing state, kept strongly consistent by the Worker (a Durable Object), never in KV.
 * Plain JSON: RouterState persists it as it is. Every field but `cursors` and `load` may be
 * missing (a state written by an older version): missing entries and fields mean empty / zero.
 */
export interface RoutingState {
  /** Pool id → position of the next member in its rotation. */
  cursors: Record<string, number>;
  /** Rep id → open leads (assigned, not yet closed or reassigned). */
  load: Record<string, number>;
  /**
   * Rep id → new leads assigned on one local day: `day` is the day number on the rep's own wall
   * clock (whole days since 1970-01-01 in the rep's time zone), `count` the leads assigned that
   * day. A `day` other than today's counts as 0, so nothing needs resetting at midnight.
   * Read against the rep's `dailyCapacity`.
   */
  daily?: Record<string, DailyCount>;
  /**
   * Least-loaded pools' rosters: pool id → rep id → how the rep stood at the pool's last
   * decision: `1` available, `2` available and still (re)entering. A rep who is not listed was
   * unavailable then (away, off hours, at a cap, inactive) or was not in the pool. A rep who is
   * available now but was not listed is (re)entering: its open leads count as the least-loaded
   * available colleague's until its own reach them, so it gets a fair share from now on rather
   * than every lead until level (see `pools.ts`).
   */
  members?: Record<string, Record<string, RosterMark>>;
}

/** A rep's new leads on one local day (see {@link RoutingState.daily}). */
export interface DailyCount {
  day: number;
  count: number;
}

/** How a rep stood in a least-loaded pool's roster: 1 available, 2 available and (re)entering. */
export type RosterMark = 1 | 2;

/**
 * The change a decision makes to {@link RoutingState}; the caller commits it with
 * `applyStateChange`. Plain JSON, stored with the decision.
 */
export interface StateChange {
  /** Set this pool's cursor to this value. */
  cursor?: { pool: string; value: number };
  /** Add one open lead (and one new lead today) to this rep. */
  assign?: string;
  /** The assignee's local day number, for {@link RoutingState.daily}; absent in older decisions. */
  day?: number;
  /** Replace this least-loaded pool's roster (only present when it changed). */
  roster?: { pool: string; members: Record<string, RosterMark> };
}

/** Who owns a lead: exactly one rep or one queue. */
export type Owner = { kind: 'rep'; id: string; name: string } | { kind: 'queue'; id: string; name: string };

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
  | 'at_daily_cap'
  | 'no_language'
  | 'no_skill'
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
  | { step: 'confidence'; level: 'low'; reason: string }
  /** Fields enrichment filled before routing (or why it filled none). */
  | { step: 'enriched'; fields: string[]; reason: string };
