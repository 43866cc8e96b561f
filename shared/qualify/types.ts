/**
 * What qualification says about a lead: is it real, is it complete, how soon does it need a
 * person, and how much buying intent its form type carries. Routing reads this to pick a path;
 * nothing here drops a lead.
 */
import type { LeadFieldName } from '../lead/fields.ts';

/** How much buying intent a lead carries: a contact-us note is low, a quote request high. */
export type Intent = 'low' | 'medium' | 'high';

/**
 * How soon a person should act.
 * `high` is this week or tomorrow; `urgent` is today, same-day, an emergency or "asap".
 */
export type Urgency = 'normal' | 'high' | 'urgent';

/**
 * Where a lead stands: `junk` if any junk signal fired, else `incomplete` if a wanted field is
 * missing, else `qualified`. Junk is still accepted; routing sends it to review without a
 * confirmation.
 */
export type LeadStatus = 'qualified' | 'incomplete' | 'junk';

/**
 * Why a lead looks like junk, or suspect: `too_fast` is only ever a suspicion (see
 * {@link Qualification.suspect}); the others are junk.
 */
export type JunkSignal = 'honeypot' | 'too_fast' | 'disposable_email' | 'gibberish' | 'link_spam';

/** One junk (or suspect) finding: the signal, and a sentence a reviewer can read. */
export interface JunkFinding {
  /** Which check fired. */
  signal: JunkSignal;
  /**
   * A sentence, e.g. "form filled in 0.8 s (minimum 3 s)" or
   * "first name 'asdfgh' looks like keyboard mashing".
   */
  detail: string;
}

/** The verdict on one lead. */
export interface Qualification {
  /** `junk` if any junk signal, else `incomplete` if a wanted field lacks, else `qualified`. */
  status: LeadStatus;
  /** Every junk finding, in a fixed order (honeypot, email, gibberish, links). */
  junk: JunkFinding[];
  /**
   * Signs that deserve a reviewer's glance but make no lead junk on their own, same shape as
   * `junk`: today a form filled faster than `minFillMs` with no autofill or paste to explain
   * it. The lead is qualified or incomplete as usual and routed normally.
   */
  suspect: JunkFinding[];
  /** Wanted fields the lead lacks, in the form type's order. */
  missing: LeadFieldName[];
  /** The higher of the form type's floor and what the message says. */
  urgency: Urgency;
  /** Phrases found (e.g. `same-day`), after `form type: <id>` when the form type sets a floor. */
  urgencySignals: string[];
  /** The lead's buying intent; for now the form type's. */
  intent: Intent;
}

/** The part of a form type qualification reads (the routing config supplies it). */
export interface QualifyFormType {
  /** How much buying intent a lead of this form type carries. */
  intent: Intent;
  /** The form type's floor, e.g. `urgent` for a same-day service form. */
  urgency?: Urgency;
  /**
   * Fields routing wants; a missing one makes the lead `incomplete`. Required fields are
   * enforced earlier, by validation, so these are the "nice to have before we call" ones.
   */
  wanted?: readonly LeadFieldName[];
}

/** Thresholds a RevOps person can tune in the routing config. */
export interface QualifyRules {
  /**
   * A form filled faster than this many milliseconds, with no autofill or paste reported, is
   * suspect (never junk on that alone: autofill fills a form in a second).
   */
  minFillMs: number;
  /** More links than this in the message is link spam; any link in a name or company is. */
  maxLinks: number;
  /** Whether a disposable email address makes the lead junk. */
  disposableIsJunk: boolean;
}

/** The thresholds used when the routing config says nothing. */
export const DEFAULT_QUALIFY_RULES: Readonly<QualifyRules> = Object.freeze({
  minFillMs: 3000,
  maxLinks: 2,
  disposableIsJunk: true,
});
