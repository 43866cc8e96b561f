/** The providers' public API: build a request for a channel, send it, read the settings. */
export type { Channel, CrmRecord, Delivery, EmailMessage, OutboundRequest, SlackMessage, SmsMessage } from './types.ts';
export { buildCrm, buildEmail, buildSlack, buildSms } from './build.ts';
export { DEV_OUTBOX_PROTOCOL, isDevOutbox } from './dev-outbox.ts';
export { send } from './transport.ts';
export {
  DEFAULT_EMAIL_FROM,
  providerSettings,
  type CrmSettings,
  type EmailSettings,
  type ProviderSettings,
  type SlackSettings,
  type SmsSettings,
} from './settings.ts';
export { resendRequest, type ResendConfig } from './resend.ts';
export { postmarkRequest, type PostmarkConfig } from './postmark.ts';
export { twilioRequest, type TwilioConfig } from './twilio.ts';
export { slackRequest, type SlackConfig } from './slack.ts';
export { employeeBand, hubspotRequest, type HubspotConfig } from './hubspot.ts';
export { NOT_PROVIDED, salesforceRequest, type SalesforceConfig } from './salesforce.ts';
export { SIGNATURE_HEADER, signPayload, verifyWebhookSignature, webhookBody, webhookRequest, type WebhookConfig } from './webhook.ts';
