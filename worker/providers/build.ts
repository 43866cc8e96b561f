/**
 * Picks the configured provider for each channel and builds its request; a channel with no
 * provider gets a dev outbox request (`dev-outbox://<channel>`, the message as JSON) that the
 * caller records instead of sending.
 */
import { DEV_OUTBOX_PROTOCOL } from './dev-outbox.ts';
import { hubspotRequest } from './hubspot.ts';
import { postmarkRequest } from './postmark.ts';
import { resendRequest } from './resend.ts';
import { salesforceRequest } from './salesforce.ts';
import type { ProviderSettings } from './settings.ts';
import { slackRequest } from './slack.ts';
import { twilioRequest } from './twilio.ts';
import type { Channel, CrmRecord, EmailMessage, OutboundRequest, SlackMessage, SmsMessage } from './types.ts';
import { webhookBody, webhookRequest } from './webhook.ts';

/** The request that sends `msg` by the configured email provider, or to the dev outbox. */
export function buildEmail(msg: EmailMessage, settings: ProviderSettings): OutboundRequest {
  const email = settings.email;
  if (email === undefined) return devOutbox('email', 'email', JSON.stringify(msg), msg.idempotencyKey);
  return email.kind === 'resend' ? resendRequest(msg, email) : postmarkRequest(msg, email);
}

/** The request that sends `msg` by the configured SMS provider, or to the dev outbox. */
export function buildSms(msg: SmsMessage, settings: ProviderSettings): OutboundRequest {
  if (settings.sms === undefined) return devOutbox('sms', 'sms', JSON.stringify(msg), msg.idempotencyKey);
  return twilioRequest(msg, settings.sms);
}

/** The request that posts `msg` to the configured Slack webhook, or to the dev outbox. */
export function buildSlack(msg: SlackMessage, settings: ProviderSettings): OutboundRequest {
  if (settings.slack === undefined) return devOutbox('slack', 'slack', JSON.stringify(msg), msg.idempotencyKey);
  return slackRequest(msg, settings.slack);
}

/**
 * One request per configured CRM; with none, a single dev outbox request (`dev-outbox://crm`)
 * carrying the generic webhook body, unsigned.
 */
export async function buildCrm(record: CrmRecord, settings: ProviderSettings): Promise<OutboundRequest[]> {
  if (settings.crm.length === 0) return [devOutbox('crm:webhook', 'crm', webhookBody(record), record.idempotencyKey)];
  return Promise.all(
    settings.crm.map(async (crm) => {
      switch (crm.kind) {
        case 'hubspot':
          return hubspotRequest(record, crm);
        case 'salesforce':
          return salesforceRequest(record, crm);
        case 'webhook':
          return webhookRequest(record, crm);
      }
    }),
  );
}

/** A dev outbox request; `host` is the channel without `crm:`'s colon, which URLs read as a port. */
function devOutbox(channel: Channel, host: string, body: string, idempotencyKey: string): OutboundRequest {
  return {
    channel,
    url: `${DEV_OUTBOX_PROTOCOL}//${host}`,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body,
  };
}
