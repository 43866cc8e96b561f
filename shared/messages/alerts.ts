/**
 * What escalation sends: a manager alert when an owner has not acknowledged a lead in time,
 * and a queue notice for the people who watch a queue a lead lands in. Both carry the lead's
 * facts so the reader can act without opening anything.
 */
import type { Qualification } from '../qualify/types.ts';
import type { RoutableLead } from '../routing/types.ts';
import { renderCard, type Action, type Fact } from './card.ts';
import { leadFacts, leadTitle } from './lead-facts.ts';
import { recommendedNextStep } from './next-step.ts';
import { oneLine } from './text.ts';
import type { AlertMessages } from './types.ts';
import { formatWithin } from './within.ts';

/** What every escalation message needs about the lead. */
interface AlertLead {
  /** Our company's name, for the footer. */
  brand: string;
  lead: RoutableLead;
  /** The form type's label, e.g. "Same-day service". */
  formTypeLabel: string;
  qualification?: Qualification;
  /** The lead in the admin view, when there is one. */
  leadUrl?: string;
  /** A signed acknowledge link, when the reader may acknowledge on the owner's behalf. */
  ackUrl?: string;
}

/** What a manager alert needs. */
export interface ManagerAlertInput extends AlertLead {
  /** The owner who has not acknowledged (full name: this is internal). */
  ownerName: string;
  /** The manager, for the salutation. */
  managerName?: string;
  /** How long the lead has waited since assignment, in milliseconds. */
  waitedMs: number;
  /** What escalation does next, as a sentence we wrote, e.g. "It moves to Inbound triage in 30 minutes." */
  next?: string;
}

/**
 * The manager alert: "Lead Ana García, Acme has not been acknowledged by Dana Reyes in
 * 30 minutes.", with the lead's facts and links, for Slack and email.
 */
export function managerAlert(input: ManagerAlertInput): AlertMessages {
  const title = leadTitle(input.lead);
  const sentence = `Lead ${title} has not been acknowledged by ${oneLine(input.ownerName)} in ${formatWithin(input.waitedMs, 'en')}.`;
  return renderCard({
    hot: input.lead.urgency === 'urgent',
    title: `Not acknowledged: ${title}`,
    summary: sentence,
    ...(input.managerName ? { greeting: `Hi ${firstName(input.managerName)},` } : {}),
    intro: input.next ? [sentence, oneLine(input.next)] : [sentence],
    facts: leadFacts(input),
    ...(input.lead.message ? { message: input.lead.message } : {}),
    notes: [{ label: 'Suggested next step', lines: [recommendedNextStep(input.lead, input.qualification)] }],
    actions: actions(input),
    footer: `${oneLine(input.brand)} lead routing: escalation`,
  });
}

/** What a queue notice needs. */
export interface QueueNoticeInput extends AlertLead {
  /** The queue's name, e.g. "Inbound triage". */
  queueName: string;
  /** When the lead was moved here by escalation: who had it and for how long. */
  movedFrom?: { ownerName: string; waitedMs: number };
  /** Why the lead is here, e.g. from {@link whyLines}; the first two lines are shown. */
  why?: readonly string[];
  /** The queue's time to acknowledge, in milliseconds, when it has one. */
  respondWithinMs?: number;
  /** When that time runs out (epoch ms). */
  deadlineAt?: number;
  /** The watcher addressed, for the email's salutation. */
  watcherName?: string;
  /** The prior relationship (`relationshipText`): "existing customer of Acme since 2021-03-31". */
  relationship?: string;
}

/**
 * The notice for a queue's watchers: a lead moved to (or landed in) the queue, and why.
 * @example queueNotice({ ...input, queueName: 'Inbound triage', movedFrom: { ownerName: 'Dana Reyes', waitedMs: 3_600_000 } }).slack.text
 * // 'Lead Ana García, Acme moved to Inbound triage: Dana Reyes did not acknowledge it in 1 hour. <https://…|Open the lead>'
 */
export function queueNotice(input: QueueNoticeInput): AlertMessages {
  const title = leadTitle(input.lead);
  const queue = oneLine(input.queueName);
  const sentence = input.movedFrom
    ? `Lead ${title} moved to ${queue}: ${oneLine(input.movedFrom.ownerName)} did not acknowledge it in ${formatWithin(input.movedFrom.waitedMs, 'en')}.`
    : `Lead ${title} is in ${queue}.`;
  const facts: Fact[] = leadFacts(input);
  if (input.relationship) facts.push({ label: 'History', text: oneLine(input.relationship) });
  if (input.respondWithinMs !== undefined) {
    facts.push({
      label: 'Respond within',
      text: formatWithin(input.respondWithinMs, 'en'),
      ...(input.deadlineAt !== undefined ? { by: input.deadlineAt } : {}),
    });
  }
  return renderCard({
    hot: input.lead.urgency === 'urgent',
    title: `${input.movedFrom ? 'Moved to' : 'New in'} ${queue}: ${title}`,
    summary: sentence,
    ...(input.watcherName ? { greeting: `Hi ${firstName(input.watcherName)},` } : {}),
    intro: input.ackUrl ? [sentence, 'Whoever takes it, acknowledge it so the others know.'] : [sentence],
    facts,
    ...(input.lead.message ? { message: input.lead.message } : {}),
    notes: [
      { label: 'Next step', lines: [recommendedNextStep(input.lead, input.qualification)] },
      { label: 'Why here', lines: (input.why ?? []).slice(0, 2).map(oneLine) },
    ],
    actions: actions(input),
    footer: `${oneLine(input.brand)} lead routing: ${queue} queue`,
  });
}

/** Acknowledge first when the reader may; the lead view otherwise. */
function actions(input: AlertLead): Action[] {
  const out: Action[] = [];
  if (input.ackUrl) out.push({ label: 'Acknowledge', url: input.ackUrl, id: 'ack' });
  if (input.leadUrl) out.push({ label: 'Open the lead', url: input.leadUrl, id: 'open' });
  return out;
}

function firstName(name: string): string {
  return oneLine(name).split(' ')[0] ?? name;
}
