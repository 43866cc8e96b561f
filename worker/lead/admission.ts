/**
 * Who a submission belongs to, strongly consistent for every identity key.
 *
 * Each key (a canonical email, an E.164 phone) has one LeadObject, named by the key's home tag,
 * that keeps the key's mapping to its person's current lead. A submission is admitted by the
 * object of its first key (email when it has one). Its other keys are claimed in their own
 * objects BEFORE the lead is created, and a key's object records its own admission's lead
 * before routing too; so an email+phone submission and a phone-only one by the same person,
 * arriving at the same instant, meet in the phone's object whichever comes first, and make one
 * lead. Two people who share a phone stay two: a key already held by another email is not
 * taken over. KV, eventually consistent, plays no part.
 *
 * Deadlock-free by construction: an object holds its admission lock only while it calls
 * lock-free methods elsewhere (`claim`, RouterState); joining a lead that lives in another
 * object happens after the lock is let go.
 */
import type { Qualification } from '../../shared/qualify/types.ts';
import type { Owner, RoutableLead } from '../../shared/routing/types.ts';
import type { VersionedDecision } from '../durable/router-state.ts';
import type { LeadState } from './lead-state.ts';

/** One identity key and the home tag of its object. */
export interface KeyRef {
  key: string;
  home: string;
}

/** What intake asks of the first key's object. */
export interface Admission {
  /** The first key's home tag: the address of the admitting object, and of a new lead's. */
  home: string;
  /** The first key, e.g. `email:dana@acme.com`; an anonymous lead gets a key of its own. */
  key: string;
  /** The submission's other keys, claimed in their own objects. */
  others: KeyRef[];
  lead: RoutableLead;
  qualification: Qualification;
  /** The canonical email, when the lead has one: the person a phone belongs to. */
  email?: string;
  windowMs: number;
  site: string;
  receivedAt: number;
  idempotencyKey?: string;
  /** The client's address: confirmations are limited per client (CONFIRM_LIMITER). */
  client: string;
  publicUrl: string;
}

/** The answer intake turns into its 202: the same whether the person is new or returning. */
export interface Admitted {
  leadId: string;
  owner: Owner;
  slaMs: number;
  /** Junk promises nothing to the person. */
  junk: boolean;
}

/** A key's mapping to its person's current lead. */
export interface CurrentLead {
  leadId: string;
  /** Submissions within the dedupe window join it until then. */
  until: number;
  /** The canonical email of the person the lead is, when known. */
  email?: string;
  junk?: true;
}

/**
 * An admission under way, written before routing: retried, or finished by the alarm, under the
 * same id. Once its lead is stored the admission is done, whatever the identity's row still says:
 * it is not written again for that (a row less per lead), and forgets it when next written or loaded.
 */
export interface PendingAdmission {
  leadId: string;
  at: number;
  fingerprint: string;
  input: Admission;
  /** The decision, once RouterState made it (a resumed admission asks again: it is idempotent). */
  decision?: VersionedDecision;
}

/** What a LeadObject keeps as the object of one identity key. */
export interface IdentityState {
  key: string;
  current?: CurrentLead;
  pending?: PendingAdmission;
  /** Idempotency-Key → answer, the latest few, for leads kept in other objects (a lead here keeps its own submissions' keys). */
  answers: [string, Admitted][];
  /** Routing reservations to give back (a decision made for a lead that joined another instead). */
  owedReleases?: string[];
}

/** A claim on a key for a lead being admitted elsewhere. */
export interface Claim {
  leadId: string;
  email?: string;
  until: number;
  at: number;
  /** A lead of the person's that has ended (closed, won or lost): the key is no longer its. */
  replaces?: string;
}

/** The answer to a claim: the key is the new lead's now, or it belongs to a lead to join, or to someone else. */
export type ClaimAnswer = { kind: 'claimed' } | { kind: 'join'; leadId: string; until: number } | { kind: 'other' };

/** How many Idempotency-Key answers an identity keeps (a widget retries one submission until answered). */
export const ANSWERS_KEPT = 50;
/** An admission a client has not retried within this is finished by the alarm. */
export const PENDING_RESUME_MS = 30_000;
/** How long a half-done admission is resumed by the same submission rather than started afresh. */
export const PENDING_MS = 10 * 60_000;

/**
 * Decides a claim on `state`'s key, updating the state. A free (or expired, or junk, or ended)
 * key is the claimant's; a key held by a lead of the same person (same email, or none known) is joined, and
 * that lead learns the email; a key held by another email stays theirs.
 */
export function decideClaim(state: IdentityState, claim: Claim): ClaimAnswer {
  const current = state.current;
  if (!current || current.until <= claim.at || current.junk || current.leadId === claim.leadId || current.leadId === claim.replaces) {
    state.current = { leadId: claim.leadId, until: claim.until, ...(claim.email ? { email: claim.email } : {}) };
    return { kind: 'claimed' };
  }
  if (current.email !== undefined && claim.email !== undefined && current.email !== claim.email) return { kind: 'other' };
  if (claim.email !== undefined) current.email = claim.email;
  return { kind: 'join', leadId: current.leadId, until: current.until };
}

/**
 * The lead a submission joins from its own key's mapping, if any: a live mapping joins, except
 * that a real submission never joins a junk lead (someone else's bot must not silence a person).
 */
export function ownTarget(state: IdentityState, input: Pick<Admission, 'receivedAt' | 'lead'>): CurrentLead | undefined {
  const current = state.current;
  if (!current || current.until <= input.receivedAt) return undefined;
  if (current.junk && input.lead.status !== 'junk') return undefined;
  return current;
}

/** Remembers an answer under its Idempotency-Key, keeping the latest few. */
export function rememberAnswer(state: IdentityState, key: string | undefined, answer: Admitted): void {
  if (!key) return;
  state.answers = [...state.answers.filter(([k]) => k !== key).slice(-(ANSWERS_KEPT - 1)), [key, answer]];
}

/** What the person is told: who owns their lead and how soon they answer (junk promises nothing). */
export function answerOf(lead: LeadState): Admitted {
  const record = lead.record;
  return { leadId: record.id, owner: record.owner, slaMs: record.decision.slaMs, junk: record.lead.status === 'junk' };
}
