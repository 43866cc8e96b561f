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
import { oneLine } from './text.ts';
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
  /** The previous owner, when the lead was reassigned to this one. */
  reassignedFrom?: string;
}

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

  const intro: string[] = [];
  if (input.reassignedFrom) intro.push(`Reassigned ${toRep ? 'to you' : `to ${oneLine(owner.name)}`} from ${oneLine(input.reassignedFrom)}.`);
  intro.push(toRep ? `Assigned to you: acknowledge within ${within}.` : `Assigned to the ${oneLine(owner.name)} queue: acknowledge within ${within}.`);

  const facts: Fact[] = [
    ...leadFacts(input),
    { label: 'History', text: historyText(input) },
    { label: 'Respond within', text: within, ...(input.deadlineAt !== undefined ? { by: input.deadlineAt } : {}) },
  ];
  const actions: Action[] = [{ label: 'Acknowledge', url: input.ackUrl, id: 'ack' }];
  if (input.leadUrl) actions.push({ label: 'Open the lead', url: input.leadUrl, id: 'open' });

  return {
    hot,
    title: `New lead: ${title} (${oneLine(input.formTypeLabel)})`,
    summary: `New lead for ${toRep ? firstName : oneLine(owner.name)}: ${title} (${oneLine(input.formTypeLabel)}), acknowledge within ${within}.`,
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

/** Prior relationship: earlier submissions and named-account ownership. */
function historyText(input: RepNotificationInput): string {
  const parts: string[] = [];
  if (input.duplicates > 0) parts.push(`${input.duplicates} earlier submission${input.duplicates === 1 ? '' : 's'}`);
  if (input.namedAccountOwner) parts.push(`named account of ${oneLine(input.namedAccountOwner)}`);
  return parts.length ? parts.join('; ') : 'no earlier submissions';
}
