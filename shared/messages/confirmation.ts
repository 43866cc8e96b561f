/**
 * The instant confirmation a lead gets: we have your request, who will respond and by when,
 * and what to do meanwhile. In the lead's language where we have it, English otherwise.
 *
 * Privacy and discretion: a rep is named by first name only, a queue is "our team", and
 * nothing about routing (routes, rules, named accounts, queues' names) is ever said.
 */
import type { NormalizedLead } from '../lead/types.ts';
import { formKind, type FormKind } from './form-kind.ts';
import { gsmLength, toGsm } from './gsm.ts';
import { htmlDocument, paragraph, small } from './html.ts';
import { phrasesFor, pickLanguage, type Phrases } from './strings.ts';
import { oneLine } from './text.ts';
import type { EmailMessage } from './types.ts';
import { formatWithin } from './within.ts';

/** Who will respond: a rep (full name, of which the lead sees the first) or a queue. */
export interface ConfirmationOwner {
  kind: 'rep' | 'queue';
  name: string;
}

/** What a confirmation needs. */
export interface ConfirmationInput {
  /** The company name the lead knows, e.g. "Northwind". */
  brand: string;
  /** The lead; only these fields are read, so nothing else can leak into the text. */
  lead: Pick<NormalizedLead, 'firstName' | 'email' | 'phone' | 'language' | 'formType'>;
  /** The form type's label from the routing config, e.g. "Book a demo". */
  formTypeLabel: string;
  /** Who owns the lead. A queue is never named to the lead. */
  owner: ConfirmationOwner;
  /** The owner's time to respond (the SLA), in milliseconds. */
  respondWithinMs: number;
  /** What kind of request this is; read from the form type id when not given. */
  kind?: FormKind;
}

/** A single SMS holds this many GSM-7 characters. */
export const SMS_LIMIT = 160;

/**
 * The confirmation email.
 * @example confirmationEmail({ brand: 'Northwind', lead, formTypeLabel: 'Book a demo', owner: { kind: 'rep', name: 'Dana Reyes' }, respondWithinMs: 300_000 }).text
 * // 'Hi Ana,\n\nThanks for requesting a Northwind demo. Dana will contact you within 5 minutes to schedule it.\n\n…'
 */
export function confirmationEmail(input: ConfirmationInput): EmailMessage {
  const t = parts(input);
  const subject = t.phrases.subject[t.kind](oneLine(input.brand));
  const body = [t.greeting, `${t.received} ${t.promise}`, t.next, t.signOff];
  const text = [...body, t.request].join('\n\n');
  const html = htmlDocument(t.language, subject, [...body.map((p) => paragraph(p)), small(t.request)]);
  return { subject, text, html };
}

/**
 * The confirmation SMS: brand first, then who calls and when, then what to do, in one GSM-7
 * SMS when it fits. When it does not, the next step is dropped, then the lead's name (a long
 * or non-Latin name can push the text into several SMS or into UCS-2).
 * @example confirmationSms(input) // 'Northwind: thanks, Ana. Dana will call you within 15 minutes. Keep your phone nearby.'
 */
export function confirmationSms(input: ConfirmationInput): string {
  const t = parts(input);
  const brand = oneLine(input.brand);
  const name = leadName(input.lead.firstName);
  const next = t.phrases.smsNextStep(t.kind, Boolean(input.lead.email));
  const candidates = [
    `${t.phrases.smsOpening(brand, name)} ${t.promise} ${next}`,
    `${t.phrases.smsOpening(brand, name)} ${t.promise}`,
    `${t.phrases.smsOpening(brand, undefined)} ${t.promise}`,
  ].map(toGsm);
  const fits = candidates.find((sms) => (gsmLength(sms) ?? Infinity) <= SMS_LIMIT);
  return fits ?? candidates[candidates.length - 1]!;
}

/**
 * The promise the confirmation made, as the lead read it: rep notices quote it when the lead
 * changes hands, so the new owner knows what to keep.
 * @example confirmationPromise(input) // 'Tom will call you within 15 minutes.'
 */
export function confirmationPromise(input: ConfirmationInput): string {
  return parts(input).promise;
}

/**
 * The message telling the lead who looks after their request now (a reassignment step with
 * `tellLead`), as an email and as one SMS.
 */
export function handoverMessages(input: ConfirmationInput): { email: EmailMessage; sms: string } {
  const t = parts(input);
  const brand = oneLine(input.brand);
  const who = input.owner.kind === 'rep' ? (firstWord(input.owner.name) ?? t.phrases.ourTeam) : t.phrases.ourTeam;
  const line = t.phrases.handover(brand, who);
  const subject = t.phrases.handoverSubject(brand);
  const body = [t.greeting, line, t.signOff];
  return {
    email: { subject, text: [...body, t.request].join('\n\n'), html: htmlDocument(t.language, subject, [...body.map((p) => paragraph(p)), small(t.request)]) },
    sms: toGsm(line),
  };
}

interface Parts {
  language: string;
  phrases: Phrases;
  kind: FormKind;
  greeting: string;
  received: string;
  promise: string;
  next: string;
  signOff: string;
  request: string;
}

/** The sentences both channels share. */
function parts(input: ConfirmationInput): Parts {
  const language = pickLanguage(input.lead.language);
  const phrases = phrasesFor(language);
  const kind = input.kind ?? formKind(input.lead.formType);
  const brand = oneLine(input.brand);
  const who = input.owner.kind === 'rep' ? (firstWord(input.owner.name) ?? phrases.ourTeam) : phrases.ourTeam;
  const within = formatWithin(input.respondWithinMs, language);
  const byPhone = kind === 'service' && Boolean(input.lead.phone);
  return {
    language,
    phrases,
    kind,
    greeting: phrases.greeting(leadName(input.lead.firstName)),
    received: phrases.received[kind](brand),
    promise: phrases.promise[kind](who, within, byPhone),
    next: phrases.nextStep[kind],
    signOff: phrases.signOff(brand),
    request: phrases.yourRequest(oneLine(input.formTypeLabel)),
  };
}

/** A rep's first name (privacy: the lead never sees the surname); `undefined` when blank. */
function firstWord(name: string | undefined): string | undefined {
  const word = name?.trim().split(/\s+/)[0];
  return word ? word : undefined;
}

/**
 * The lead's first name as they typed it, on one line: "María José" stays whole, since a
 * compound first name cut in two would be wrong. `undefined` when blank.
 */
function leadName(name: string | undefined): string | undefined {
  const tidy = name === undefined ? '' : oneLine(name);
  return tidy ? tidy : undefined;
}
