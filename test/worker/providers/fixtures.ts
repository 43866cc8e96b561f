/** Sample messages and records for the provider tests (made-up people, reserved domains). */
import type { CrmRecord, EmailMessage, SlackMessage, SmsMessage } from '../../../worker/providers/types.ts';

/** A confirmation email with a reply-to. */
export const email: EmailMessage = {
  to: 'ada@example.org',
  subject: 'Thanks, Ada: we got your request',
  text: 'Hi Ada,\nSam will call you today.',
  html: '<p>Hi Ada,</p><p>Sam will call you today.</p>',
  replyTo: 'sam@example.com',
  idempotencyKey: 'lead_123:confirm:email',
};

/** A confirmation text. */
export const sms: SmsMessage = {
  to: '+14155550123',
  body: 'Thanks Ada & team: Sam will call you today (ref #123).',
  idempotencyKey: 'lead_123:confirm:sms',
};

/** A rep alert. */
export const slack: SlackMessage = {
  text: 'New lead: Ada Lovelace (Analytical Engines) for Sam',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Ada Lovelace* wants a demo' } }],
  idempotencyKey: 'lead_123:alert:slack',
};

/** A routed lead with every field and a rep with CRM ids. */
export const record: CrmRecord = {
  leadId: 'lead_123',
  email: 'ada@example.org',
  phone: '+14155550123',
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Analytical Engines',
  jobTitle: 'CTO',
  website: 'https://engines.example.org',
  country: 'US',
  region: 'CA',
  city: 'San Francisco',
  postalCode: '94103',
  employees: 250,
  product: 'routing',
  message: 'We need a demo next week.',
  source: 'google-ads',
  formType: 'demo',
  urgency: 'high',
  status: 'new',
  owner: { kind: 'rep', id: 'sam', name: 'Sam Rivera', hubspotOwnerId: '7001', salesforceOwnerId: '005000000000001AAA' },
  route: 'enterprise-us',
  reason: 'US company with 250 employees: enterprise-us pool',
  receivedAt: '2026-11-20T15:04:05.000Z',
  duplicates: 0,
  idempotencyKey: 'lead_123:crm',
};

/** The least a lead can carry: no email, no names, a queue owner. */
export const sparseRecord: CrmRecord = {
  leadId: 'lead/456',
  phone: '+442071838750',
  source: 'website',
  formType: 'contact',
  urgency: 'normal',
  status: 'incomplete',
  owner: { kind: 'queue', id: 'triage', name: 'Triage' },
  route: 'fallback',
  reason: 'no route matched',
  receivedAt: '2026-11-20T15:04:05.000Z',
  duplicates: 1,
  idempotencyKey: 'lead/456:crm',
};

/** Credentials for every SMS, Slack and CRM provider, as env vars (email is added per test). */
export const PROVIDER_ENV = {
  TWILIO_ACCOUNT_SID: 'AC1',
  TWILIO_AUTH_TOKEN: 'tok',
  TWILIO_FROM: '+14155550100',
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/X',
  HUBSPOT_TOKEN: 'pat',
  SALESFORCE_INSTANCE_URL: 'https://acme.my.salesforce.com',
  SALESFORCE_ACCESS_TOKEN: 'sf',
  CRM_WEBHOOK_URL: 'https://crm.example.com/hook',
  CRM_WEBHOOK_SECRET: 'whsec',
} as const;
