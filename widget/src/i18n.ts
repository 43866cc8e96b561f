/**
 * The widget's words. English is in widget.js; Spanish is a lazy chunk (`chunks/es.ts`),
 * served inline by `widget.js?lang=es` or else fetched before a Spanish form renders. English labels and messages come from the shared
 * catalogue (`LEAD_FIELDS`, `validateField`), so only Spanish spells them out. Issues are
 * translated by `code` (or `code:field`), falling back to the validator's or server's text.
 */
import { LEAD_FIELDS, type LeadFieldName } from '../../shared/lead/fields.ts';
import type { FieldIssue } from '../../shared/lead/types.ts';
import { load } from './lazy.ts';
import type { FormSpec } from './spec.ts';

/** One language's strings. */
export interface Strings {
  /** The language, for `Intl`. */
  lang: string;
  /** The submit button; absent in English, where it says the form's name ("Book a demo"). */
  send?: string;
  sending: string;
  saved: string;
  fix: string;
  didYouMean: string;
  apply: string;
  workEmail: string;
  choose: string;
  thanks: string;
  /** The thanks of a lead nobody promised to answer (held for review). */
  received: string;
  team: string;
  reply: string;
  call: string;
  tooLarge: string;
  failed: string;
  /** A submission refused or blocked, then `write` and the contact address, or `other`. */
  cannot: string;
  write: string;
  other: string;
  /** Field labels, where they differ from the catalogue's. */
  labels: Partial<Record<LeadFieldName, string>>;
  /** Issue texts by `code:field` or `code`, where they differ from the validator's. */
  issues: Partial<Record<string, string>>;
}

/** English. */
export const en: Strings = {
  lang: 'en',
  sending: 'Sending…',
  saved: 'Saved, we are sending it…',
  fix: 'Please check:',
  didYouMean: 'Did you mean',
  apply: 'Use it',
  workEmail: 'Please use your work email address',
  choose: 'Choose…',
  thanks: 'Thank you!',
  received: 'We received your request.',
  team: 'Our team',
  reply: 'will get back to you within',
  call: 'will call you within',
  tooLarge: 'This form is too long to send.',
  failed: 'Sorry, this form cannot be sent right now.',
  cannot: 'Sorry, this form cannot be sent from this page.',
  write: 'Please write to',
  other: 'Please contact us another way.',
  labels: { consent: 'I agree to be contacted' },
  issues: { must_accept: 'Please tick this box to continue' },
};

/**
 * The locale the form speaks: the explicit option, else `<html lang>`, else the browser's.
 * Kept whole (`es-MX`): the Worker reads it to confirm in the lead's language.
 */
export const pickLocale = (explicit?: string): string => explicit || document.documentElement.lang || navigator.language;

/**
 * The strings of a locale: Spanish for `es*`, English otherwise. Spanish at once when it came
 * inline (`widget.js?lang=es` runs its chunk before the bundle), else its chunk is fetched
 * (or English when that cannot be loaded: a form in the wrong language beats no form).
 */
export const stringsOf = (locale: string): Strings | Promise<Strings> =>
  /^es\b/i.test(locale)
    ? (window.__leadRouterChunks?.es?.es ??
      load('es').then(
        (chunk) => chunk.es,
        () => en,
      ))
    : en;

/** A field's label. */
export const fieldLabel = (name: LeadFieldName, t: Strings): string => t.labels[name] ?? LEAD_FIELDS[name].label;

/** An issue's text: by `code:field` or `code`, else the validator's or server's sentence. */
export const issueText = ({ field, code, message }: FieldIssue, t: Strings): string => t.issues[`${code}:${field}`] ?? t.issues[code] ?? message;

/**
 * What the success state promises, from the Worker's answer: "Dana will get back to you
 * within 15 minutes." A form that needs a phone and no email is answered by a call.
 */
export function successText(owner: string | null | undefined, minutes: number, spec: FormSpec | undefined, t: Strings): string {
  const call = spec?.urgency === 'urgent' || (spec?.required.includes('phone') && !spec.required.includes('email'));
  // Whole hours in hours (an SLA of 4h is "4 hours"), the rest in minutes, worded by Intl.
  const hours = minutes % 60 ? 0 : minutes / 60;
  const within = new Intl.NumberFormat(t.lang, { style: 'unit', unit: hours ? 'hour' : 'minute', unitDisplay: 'long' }).format(hours || minutes);
  return `${owner || t.team} ${call ? t.call : t.reply} ${within}.`;
}

/**
 * What the form says when a submission cannot be sent from this page (refused or blocked):
 * sorry, and how else to reach the business: "Please write to hello@northwind.example."
 */
export const cannotSendText = (contact: string | undefined, t: Strings): string => `${t.cannot} ${contact ? `${t.write} ${contact}.` : t.other}`;
