/**
 * The shapes messages come out in, whatever they say: an email (subject, plain text and HTML)
 * and a Slack message (Block Kit blocks with a plain `text` fallback).
 */

/** An email, ready for any provider: the plain-text part is complete, not an afterthought. */
export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

/** Slack text object. mrkdwn objects carrying lead text are `verbatim` so Slack links nothing. */
export type SlackText = { type: 'mrkdwn'; text: string; verbatim?: boolean } | { type: 'plain_text'; text: string; emoji?: boolean };

/** A link button; the URL is always one we built. */
export interface SlackButton {
  type: 'button';
  text: { type: 'plain_text'; text: string; emoji?: boolean };
  url: string;
  action_id: string;
  style?: 'primary' | 'danger';
}

/** The Block Kit blocks our messages use. */
export type SlackBlock =
  | { type: 'section'; text?: SlackText; fields?: SlackText[] }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'actions'; elements: SlackButton[] }
  | { type: 'divider' };

/**
 * A Slack message: `text` is what notifications and screen readers show, `blocks` what the
 * channel shows. Both are mrkdwn with lead text escaped.
 */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** The same alert for both channels. */
export interface AlertMessages {
  slack: SlackMessage;
  email: EmailMessage;
}
