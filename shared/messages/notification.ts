/**
 * The rep notification: everything needed to act on a lead without opening anything else,
 * why it came to them, the deadline, and a prominent Acknowledge link (which stops the SLA
 * clock). Slack and email say the same things, from one {@link Card}.
 */
import type { Qualification } from '../qualify/types.ts';
import type { RoutableLead } from '../routing/types.ts';
import { cardEmail, cardSlack, type Action, type Card, type Fact } from './card.ts';
import { leadFacts, leadTitle } from './lead-facts.ts';
import { recommendedNextStep } from './next-step.ts';
import { formatDuration } from '../time/duration.ts';
import { oneLine, truncate } from './text.ts';
import type { EmailMessage, SlackMessage } from './types.ts';
import { formatWithin } from './within.ts';

/** Lines of "why" a notification shows: the route and the pick, nothing more. */
const MAX_WHY_LINES = 2;

/** What a rep notification needs. */
export interface RepNotificationInput {
  /** Our company's name, for the footer. */
  brand: string;
  lead: RoutableLead;
  /** The qualification verdict, for urgency phrases and missing fields. */
  qualification?: Qualification;
  /** The form type's label, e.g. "Book a demo". */
  formTypeLabel: string;
  /** Who owns the lead; a queue owner gets the same card addressed to the queue. */
  owner: { kind: 'rep' | 'queue'; id: string; name: string };
  /** Time to acknowledge (the SLA), in milliseconds. */
  respondWithinMs: number;
  /** When the SLA runs out (epoch ms), when known: shown as a time too. */
  deadlineAt?: number;
  /** Why the lead came to the owner, e.g. from {@link whyLines}; the first two lines are shown. */
  why: readonly string[];
  /** The signed acknowledge link we built. */
  ackUrl: string;
  /** The lead in the admin view, when there is one. */
  leadUrl?: string;
  /** Earlier submissions by the same person within the dedupe window. */
  duplicates: number;
  /** The rep who owns the lead's company as a named account, when it is one. */
  namedAccountOwner?: string;
  /** The prior relationship, from {@link relationshipText}: "existing customer of Acme since 2021-03-31". */
  relationship?: string;
  /** The previous owner, when the lead was reassigned to this one. */
  reassignedFrom?: string;
  /** How long the lead has waited for a response so far (said on a reassignment). */
  waitedMs?: number;
  /** What the lead was told in their confirmation, e.g. "Tom will call you within 15 minutes." */
  promised?: string;
  /** The person came back with something new: the form they used this time and the one before. */
  returned?: { formTypeLabel: string; previousFormTypeLabel?: string };
  /** Why the lead is the owner's now, when it is not simply new: routed again, or rescued from junk. */
  reason?: 'rerouted' | 'rescued';
}

/** Characters of the lead's message quoted in a one-line summary. */
const SUMMARY_QUOTE = 80;

/** The rep notification for Slack: blocks, and a one-line fallback with the ack link. */
export function repSlack(input: RepNotificationInput): SlackMessage {
  return cardSlack(repCard(input));
}

/** The rep notification by email: subject, plain text and HTML. */
export function repEmail(input: RepNotificationInput): EmailMessage {
  return cardEmail(repCard(input));
}

/** The channel-neutral card behind {@link repSlack} and {@link repEmail}. */
export function repCard(input: RepNotificationInput): Card {
  const { lead, owner } = input;
  const title = leadTitle(lead);
  const within = formatWithin(input.respondWithinMs, 'en');
  const toRep = owner.kind === 'rep';
  const firstName = oneLine(owner.name).split(' ')[0] ?? owner.name;
  const hot = lead.urgency === 'urgent';

  const form = oneLine(input.formTypeLabel);
  const who = oneLine(lead.fullName ?? lead.firstName ?? lead.email ?? lead.phone ?? 'The lead');
  const quoted = lead.message ? `, '${truncate(oneLine(lead.message), SUMMARY_QUOTE)}'` : '';
  const ack = `acknowledge within ${within}`;
  const intro: string[] = [];
  // The first sentence says what happened; the summary (Slack's one line) says the same.
  let headline: string;
  let summary: string;
  if (input.reassignedFrom) {
    const waited = input.waitedMs === undefined ? '' : `, waited ${formatDuration(input.waitedMs)}`;
    const promised = input.promised ? `; promised: ${oneLine(input.promised)}` : '';
    headline = `Reassigned: ${title} (${form})`;
    summary = `Reassigned ${toRep ? 'to you' : `to ${oneLine(owner.name)}`} from ${oneLine(input.reassignedFrom)}: ${title} (${form})${waited}${promised} — ${ack}.`;
    intro.push(`Reassigned ${toRep ? 'to you' : `to ${oneLine(owner.name)}`} from ${oneLine(input.reassignedFrom)}: nobody acknowledged it in time.`);
    if (input.waitedMs !== undefined) intro.push(`The lead has waited ${formatDuration(input.waitedMs)} so far.`);
    if (input.promised) intro.push(`The lead was promised: "${oneLine(input.promised)}"`);
  } else if (input.returned) {
    const before =
      input.returned.previousFormTypeLabel && input.returned.previousFormTypeLabel !== input.returned.formTypeLabel
        ? ` (before: ${oneLine(input.returned.previousFormTypeLabel)})`
        : '';
    headline = `${who} came back: ${form}`;
    summary = `${who} came back: ${form}${quoted}${before} — ${input.reason === 'rerouted' ? `now yours, ${ack}` : 'your lead'}.`;
    intro.push(`${who} came back with a new request: ${form}${before}.`);
    if (input.reason === 'rerouted') intro.push('It was routed again for its higher intent, and it is yours now.');
  } else if (input.reason === 'rescued') {
    headline = `New lead: ${title} (${form})`;
    summary = `New lead for ${toRep ? firstName : oneLine(owner.name)}: ${title} (${form}), released from junk review — ${ack}.`;
    intro.push('Released from junk review by RevOps: a real person.');
  } else {
    headline = `New lead: ${title} (${form})`;
    summary = `New lead for ${toRep ? firstName : oneLine(owner.name)}: ${title} (${form}), ${ack}.`;
  }
  intro.push(toRep ? `Assigned to you: ${ack}.` : `Assigned to the ${oneLine(owner.name)} queue: ${ack}.`);

  const facts: Fact[] = [
    ...leadFacts(input),
    { label: 'History', text: historyText(input) },
    { label: 'Respond within', text: within, ...(input.deadlineAt !== undefined ? { by: input.deadlineAt } : {}) },
  ];
  const actions: Action[] = [{ label: 'Acknowledge', url: input.ackUrl, id: 'ack' }];
  if (input.leadUrl) actions.push({ label: 'Open the lead', url: input.leadUrl, id: 'open' });

  return {
    hot,
    title: headline,
    summary,
    ...(toRep ? { greeting: `Hi ${firstName},` } : {}),
    intro,
    facts,
    ...(lead.message ? { message: lead.message } : {}),
    notes: [
      { label: 'Next step', lines: [recommendedNextStep(lead, input.qualification)] },
      { label: toRep ? 'Why you' : 'Why this queue', lines: input.why.slice(0, MAX_WHY_LINES).map(oneLine) },
    ],
    actions,
    footer: `${oneLine(input.brand)} lead routing`,
  };
}

/** Prior relationship: the matched account or known contact, earlier submissions, named-account ownership. */
function historyText(input: RepNotificationInput): string {
  const parts: string[] = [];
  if (input.relationship) parts.push(oneLine(input.relationship));
  if (input.duplicates > 0) parts.push(`${input.duplicates} earlier submission${input.duplicates === 1 ? '' : 's'}`);
  if (input.namedAccountOwner && !input.relationship) parts.push(`named account of ${oneLine(input.namedAccountOwner)}`);
  return parts.length ? parts.join('; ') : 'no earlier submissions';
}
