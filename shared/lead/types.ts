/**
 * The shapes a lead takes on its way through the system:
 * what the browser sends ({@link LeadSubmission}), what normalisation makes of it
 * ({@link NormalizedLead}) and the per-field problems either can report ({@link FieldIssue}).
 */
import type { LeadFieldName } from './fields.ts';

/** Where the visit came from: page, referrer, UTM parameters, and the visit's first page. */
export interface LeadContext {
  /** The page the form was submitted from. */
  pageUrl?: string;
  /** `document.referrer` of that page. */
  referrer?: string;
  /** The first page of the visit (UTM parameters usually sit there). */
  landingUrl?: string;
  /** UTM parameters, from the page or the visit's first page. */
  utm?: {
    source?: string;
    medium?: string;
    campaign?: string;
    term?: string;
    content?: string;
  };
  /** The browser's or page's locale, e.g. `es-MX`. */
  locale?: string;
  /** Milliseconds from the first interaction with the form to submit. */
  timeOnFormMs?: number;
  /** The hidden field people never see; bots fill it. */
  honeypot?: string;
  /**
   * How the values got into the form, as the widget saw it: the browser (or a password
   * manager) filled a field, the person pasted into one, and how many keys they pressed. A fast
   * fill with autofill or paste is a person with a helpful browser, not a bot.
   */
  autofilled?: boolean;
  /** The person pasted (or dropped) text into a field. */
  pasted?: boolean;
  /** Keys pressed in the form (autofill's synthetic key events not counted). */
  keysTyped?: number;
  /** The consent wording the person saw beside the box they ticked, as shown (their language). */
  consentText?: string;
}

/** The values of a form, as typed: strings, and `true`/`false` for checkboxes. */
export type LeadFields = Partial<Record<LeadFieldName, string | boolean>>;

/** What the widget (or any client) posts to `POST /v1/leads`. */
export interface LeadSubmission {
  /** The form type id, a key of the routing config's `formTypes`. */
  formType: string;
  /** The form's values. */
  fields: LeadFields;
  /** Page and visit context. */
  context?: LeadContext;
}

/** Why a field was rejected, as a code the widget can translate. */
export type IssueCode = 'required' | 'invalid' | 'too_long' | 'not_allowed' | 'work_email_required' | 'unknown_option' | 'unknown_form_type' | 'must_accept';

/** One problem with one field: the field, a code, and a sentence a person can read. */
export interface FieldIssue {
  /** The field's name, or `formType`, `context` or `body` for the envelope. */
  field: string;
  code: IssueCode;
  message: string;
  /** A fix to offer, e.g. the corrected email for a typo'd domain. */
  suggestion?: string;
}

/** What kind of address an email is. */
export type EmailKind = 'work' | 'free' | 'disposable';

/**
 * A lead after normalisation: canonical values routing can compare.
 * Every field is optional except the ones every lead has (form type, consent, source).
 */
export interface NormalizedLead {
  formType: string;
  firstName?: string;
  lastName?: string;
  /** "First Last", or whichever of the two is present. */
  fullName?: string;
  /** Trimmed, lower-cased address. */
  email?: string;
  /** The part after `@`, lower-cased. */
  emailDomain?: string;
  emailKind?: EmailKind;
  /** A likely intended address when the domain looks like a typo (`gmial.com`). */
  emailSuggestion?: string;
  /** E.164, e.g. `+14155550123`. */
  phone?: string;
  company?: string;
  jobTitle?: string;
  /** The website's host without `www.`, lower-cased. */
  website?: string;
  /** The company's domain: the work email's domain, else the website's. Named accounts match on it. */
  domain?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  /** For US states and Canadian provinces, the two-letter code; otherwise as typed, tidied. */
  region?: string;
  city?: string;
  /** Canonical postal code for the country (`94107`, `94107-1234`, `K1A 0B1`, `SW1A 1AA`). */
  postalCode?: string;
  /** The routable part of the postal code: US ZIP5, Canadian FSA, UK outward code. */
  postalDistrict?: string;
  /** Lower bound of the stated employee count. */
  employees?: number;
  /** Upper bound when a range was given (`50-200` → 200). */
  employeesMax?: number;
  product?: string;
  message?: string;
  /** ISO 639-1 language of the lead, from the form's locale. */
  language?: string;
  consent: boolean;
  /** Lead source: UTM source, else the referrer's host, else `direct`. */
  source: string;
  medium?: string;
  campaign?: string;
  /** Path of the submitting page, e.g. `/pricing`. */
  pagePath?: string;
  pageUrl?: string;
  referrer?: string;
  /** Milliseconds spent on the form, when the client measured it. */
  timeOnFormMs?: number;
  /** The browser reported autofill into the form (see {@link LeadContext.autofilled}). */
  autofilled?: boolean;
  /** The browser reported a paste into the form. */
  pasted?: boolean;
  /** Keys the browser reported pressed in the form. */
  keysTyped?: number;
  /** The consent wording the person saw, as the client reported it (see {@link LeadContext.consentText}). */
  consentText?: string;
  /** True when the honeypot field came back filled. */
  honeypot: boolean;
}
