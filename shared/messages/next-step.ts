/**
 * The one line that tells a rep what to do first with a lead. A short table of rules, read in
 * order, first match wins; then a few notes that apply on top (free mail on a high-intent
 * form, a lead who writes in another language). Reps read it on a phone, so it stays one line.
 */
import { LEAD_FIELDS } from '../lead/fields.ts';
import type { JunkSignal, Qualification } from '../qualify/types.ts';
import type { RoutableLead } from '../routing/types.ts';
import { formKind, type FormKind } from './form-kind.ts';
import { oneLine } from './text.ts';

/** What the rules look at. */
interface Facts {
  lead: RoutableLead;
  kind: FormKind;
  qualification: Qualification | undefined;
}

/** One rule: when it applies, and what it says. */
interface Rule {
  when(f: Facts): boolean;
  say(f: Facts): string;
}

const JUNK_WORDS: Readonly<Record<JunkSignal, string>> = {
  honeypot: 'hidden field filled',
  too_fast: 'filled in too fast',
  disposable_email: 'disposable email',
  gibberish: 'gibberish',
  link_spam: 'link spam',
};

/** The rules, most pressing first. */
const RULES: readonly Rule[] = [
  {
    when: (f) => f.lead.status === 'junk',
    say: (f) => {
      const signals = (f.qualification?.junk ?? []).map((j) => JUNK_WORDS[j.signal]);
      return `Review before any outreach: flagged as junk${signals.length ? ` (${[...new Set(signals)].join(', ')})` : ''}`;
    },
  },
  { when: (f) => f.lead.urgency === 'urgent' && Boolean(f.lead.phone), say: () => 'Call now: they asked for same-day help' },
  { when: (f) => f.lead.urgency === 'urgent', say: () => 'Email now: they asked for same-day help and left no phone number' },
  {
    when: (f) => f.lead.status === 'incomplete',
    say: (f) => {
      const missing = (f.qualification?.missing ?? []).map((name) => LEAD_FIELDS[name].label.toLowerCase());
      return missing.length ? `Qualify first: missing ${missing.join(', ')}` : 'Qualify first: some details are missing';
    },
  },
  { when: (f) => f.kind === 'demo', say: () => 'Book the demo: reply with two time slots' },
  {
    when: (f) => f.kind === 'quote',
    say: (f) => (f.lead.product ? `Send a quote for ${oneLine(f.lead.product)}` : 'Send a quote: confirm what they want priced'),
  },
  { when: (f) => f.kind === 'content', say: () => 'Send a follow-up with related material within a day' },
  {
    when: (f) => f.kind === 'service',
    say: (f) => (f.lead.phone ? 'Call to schedule the service visit' : 'Reply to schedule the service visit'),
  },
  {
    when: (f) => f.lead.urgency === 'high',
    say: (f) => `${f.lead.phone ? 'Call' : 'Reply'} today: they want to move this week`,
  },
  {
    when: () => true,
    say: (f) => (f.lead.message ? 'Reply personally: answer their message and ask what prompted it' : 'Reply personally and ask what prompted the request'),
  },
];

/** Notes added after the rule's line, in brackets. */
const NOTES: ReadonlyArray<(f: Facts) => string | undefined> = [
  (f) =>
    f.lead.emailKind === 'free' && f.lead.intent === 'high'
      ? `free-mail address: confirm ${f.lead.company ? `they are with ${oneLine(f.lead.company)}` : 'the company'}`
      : undefined,
  (f) => {
    const name = languageName(f.lead.language);
    return name ? `reply in ${name}` : undefined;
  },
];

/**
 * The recommended next step for a lead, one line.
 * @example recommendedNextStep({ ...lead, urgency: 'urgent', phone: '+14155550123' }) // 'Call now: they asked for same-day help'
 * @example recommendedNextStep({ ...lead, formType: 'quote_request', product: 'Payroll' }) // 'Send a quote for Payroll'
 */
export function recommendedNextStep(lead: RoutableLead, qualification?: Qualification): string {
  const facts: Facts = { lead, kind: formKind(lead.formType), qualification };
  // The last rule always applies, so a rule is always found.
  const line = RULES.find((rule) => rule.when(facts))!.say(facts);
  const notes = lead.status === 'junk' ? [] : NOTES.map((note) => note(facts)).filter((n) => n !== undefined);
  return notes.length ? `${line} (${notes.join('; ')})` : line;
}

/** Built on first use: most leads need none. */
let languageNames: Intl.DisplayNames | undefined;

/** The English name of a language other than English ("Spanish"), from its ISO 639-1 code. */
function languageName(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (!primary || primary === 'en' || !/^[a-z]{2,3}$/.test(primary)) return undefined;
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const name = languageNames.of(primary);
  return name && name.toLowerCase() !== primary ? name : undefined;
}
