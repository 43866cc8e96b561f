/**
 * The texts the system sends: the lead's instant confirmation (email, SMS), the rep
 * notification (Slack, email), manager alerts and queue notices, and the pieces they share.
 */
export { managerAlert, queueNotice } from './alerts.ts';
export type { ManagerAlertInput, QueueNoticeInput } from './alerts.ts';
export { cardEmail, cardSlack, renderCard, EMAIL_MESSAGE_CHARS, SLACK_MESSAGE_CHARS } from './card.ts';
export type { Action, Card, Fact, Note } from './card.ts';
export { confirmationEmail, confirmationPromise, confirmationSms, handoverMessages, SMS_LIMIT } from './confirmation.ts';
export type { ConfirmationInput, ConfirmationOwner } from './confirmation.ts';
export { escapeHtml, escapeSlack, ourUrl, telHref } from './escape.ts';
export { formKind, FORM_KINDS } from './form-kind.ts';
export type { FormKind } from './form-kind.ts';
export { gsmLength, toGsm } from './gsm.ts';
export { companyText, leadFacts, leadTitle, locationText, sourceText, urgencyText, NOT_GIVEN } from './lead-facts.ts';
export type { LeadFactsInput } from './lead-facts.ts';
export { recommendedNextStep } from './next-step.ts';
export { relationshipText } from './relationship.ts';
export { repCard, repEmail, repSlack } from './notification.ts';
export type { RepNotificationInput } from './notification.ts';
export { PHRASES, phrasesFor, pickLanguage } from './strings.ts';
export type { Language, Phrases } from './strings.ts';
export { oneLine, truncate } from './text.ts';
export type { AlertMessages, EmailMessage, SlackBlock, SlackButton, SlackMessage, SlackText } from './types.ts';
export { whyLines } from './why.ts';
export { formatWithin } from './within.ts';
