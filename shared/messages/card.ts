/**
 * Internal notifications (rep, manager, queue) are built once as a {@link Card} and rendered
 * to Slack and to email from it, so both channels always say the same things. Cards hold plain
 * text; the renderers escape it for their channel and check every link.
 */
import { escapeSlack, ourUrl } from './escape.ts';
import { button, factTable, heading, htmlDocument, list, paragraph, quote, small, type Html } from './html.ts';
import { truncate } from './text.ts';
import type { AlertMessages, EmailMessage, SlackBlock, SlackButton, SlackMessage, SlackText } from './types.ts';

/** One labelled fact about a lead, e.g. Location: San Francisco, CA 94107, US. */
export interface Fact {
  label: string;
  /** Plain text, escaped by the renderer. */
  text: string;
  /** A link we built (a `tel:` from a normalised number); never a lead-supplied URL. */
  href?: string;
  /** An instant (epoch ms) the fact is due by: Slack shows it in the reader's time zone. */
  by?: number;
}

/** A link button; `url` is ours and checked when rendered. */
export interface Action {
  label: string;
  url: string;
  /** Slack `action_id`, so a future interactive handler can tell buttons apart. */
  id: string;
}

/** A labelled block of lines, e.g. "Why you". */
export interface Note {
  label: string;
  lines: readonly string[];
}

/** A notification, channel-neutral. */
export interface Card {
  /** Urgent lead: 🔥 in Slack, `[Urgent]` in the email subject. */
  hot: boolean;
  /** The headline, one line. */
  title: string;
  /** The one-line Slack fallback (notifications, screen readers), a sentence; the primary link follows it. */
  summary: string;
  /** The email's salutation, e.g. "Hi Dana,". */
  greeting?: string;
  /** Sentences shown before the facts. */
  intro: readonly string[];
  facts: readonly Fact[];
  /** The lead's own words, whole: each channel truncates to what it shows well. */
  message?: string;
  notes: readonly Note[];
  /** The first action is the primary one (Acknowledge, when there is one). */
  actions: readonly Action[];
  footer: string;
}

/** Slack shows long sections poorly; the lead view has the rest. */
export const SLACK_MESSAGE_CHARS = 600;
/** Email has room, but a notification is not an archive. */
export const EMAIL_MESSAGE_CHARS = 2000;
/** Slack's limit of fields in one section block. */
const SLACK_FIELDS_PER_SECTION = 10;

/** Renders a card for both channels. */
export function renderCard(card: Card): AlertMessages {
  return { slack: cardSlack(card), email: cardEmail(card) };
}

/** A card as a Slack message: Block Kit blocks and a one-line fallback. */
export function cardSlack(card: Card): SlackMessage {
  const fire = card.hot ? '🔥 ' : '';
  const blocks: SlackBlock[] = [section([`${fire}*${escapeSlack(card.title)}*`, ...card.intro.map(escapeSlack)].join('\n'))];
  for (let i = 0; i < card.facts.length; i += SLACK_FIELDS_PER_SECTION) {
    const fields = card.facts.slice(i, i + SLACK_FIELDS_PER_SECTION).map((f) => mrkdwn(`*${escapeSlack(f.label)}*\n${slackValue(f)}`));
    blocks.push({ type: 'section', fields });
  }
  if (card.message) {
    const quoted = truncate(card.message, SLACK_MESSAGE_CHARS)
      .split('\n')
      .map((line) => (line ? `> ${escapeSlack(line)}` : '>'))
      .join('\n');
    blocks.push(section(`*Message*\n${quoted}`));
  }
  for (const note of card.notes) {
    if (note.lines.length) blocks.push(section(`*${escapeSlack(note.label)}*\n${note.lines.map(escapeSlack).join('\n')}`));
  }
  if (card.actions.length) {
    blocks.push({ type: 'actions', elements: card.actions.map((a, i) => slackButton(a, i === 0)) });
  }
  blocks.push({ type: 'context', elements: [mrkdwn(escapeSlack(card.footer))] });
  const primary = card.actions[0];
  const link = primary ? ` <${ourUrl(primary.url)}|${escapeSlack(primary.label)}>` : '';
  return { text: `${fire}${escapeSlack(card.summary)}${link}`, blocks };
}

/** A card as an email: subject, plain text and HTML carrying the same content. */
export function cardEmail(card: Card): EmailMessage {
  const subject = `${card.hot ? '[Urgent] ' : ''}${card.title}`;
  const message = card.message ? truncate(card.message, EMAIL_MESSAGE_CHARS) : undefined;
  const [primary, ...others] = card.actions;

  const text: string[] = [];
  if (card.greeting) text.push(card.greeting);
  if (card.intro.length) text.push(card.intro.join('\n'));
  if (primary) text.push(`${primary.label}: ${ourUrl(primary.url)}`);
  text.push(card.facts.map((f) => `${f.label}: ${plainValue(f)}`).join('\n'));
  if (message)
    text.push(
      `Message:\n${message
        .split('\n')
        .map((l) => `> ${l}`.trimEnd())
        .join('\n')}`,
    );
  for (const note of card.notes) {
    if (note.lines.length === 1) text.push(`${note.label}: ${note.lines[0]}`);
    else if (note.lines.length) text.push(`${note.label}:\n${note.lines.map((l) => `- ${l}`).join('\n')}`);
  }
  if (others.length) text.push(others.map((a) => `${a.label}: ${ourUrl(a.url)}`).join('\n'));
  text.push(`-- \n${card.footer}`);

  const html: Html[] = [heading(subject)];
  if (card.greeting) html.push(paragraph(card.greeting));
  if (card.intro.length) html.push(paragraph(card.intro.join('\n')));
  if (primary) html.push(button(primary.label, primary.url, true));
  html.push(factTable(card.facts.map((f) => ({ label: f.label, text: plainValue(f), ...(f.href ? { href: f.href } : {}) }))));
  if (message) html.push(paragraph('Message', 'margin-bottom:4px;font-weight:600'), quote(message));
  for (const note of card.notes) {
    if (note.lines.length === 1) html.push(paragraph(`${note.label}: ${note.lines[0]}`));
    else if (note.lines.length) html.push(paragraph(note.label, 'margin-bottom:4px;font-weight:600'), list(note.lines));
  }
  for (const action of others) html.push(button(action.label, action.url, false));
  html.push(small(card.footer));

  return { subject, text: text.join('\n\n'), html: htmlDocument('en', subject, html) };
}

/** A fact's value as plain text, with its due time in UTC (email has no reader time zone). */
function plainValue(fact: Fact): string {
  return fact.by === undefined ? fact.text : `${fact.text} (by ${utcStamp(fact.by)})`;
}

/** A fact's value in mrkdwn: links we built, due times in the reader's zone. */
function slackValue(fact: Fact): string {
  const text = escapeSlack(fact.text);
  const value = fact.href ? `<${fact.href}|${text}>` : text;
  if (fact.by === undefined) return value;
  // Slack renders the date token in each reader's own time zone; the part after | is the fallback.
  return `${value} (by <!date^${Math.floor(fact.by / 1000)}^{date_short_pretty} {time}|${utcStamp(fact.by)}>)`;
}

/** `2026-11-17 15:45 UTC`. */
function utcStamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** mrkdwn Slack will not auto-link (lead text may hold URLs and channel names). */
function mrkdwn(text: string): SlackText {
  return { type: 'mrkdwn', text, verbatim: true };
}

function section(text: string): SlackBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function slackButton(action: Action, primary: boolean): SlackButton {
  return {
    type: 'button',
    text: { type: 'plain_text', text: action.label, emoji: true },
    url: ourUrl(action.url),
    action_id: action.id,
    ...(primary ? { style: 'primary' as const } : {}),
  };
}
