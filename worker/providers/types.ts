/**
 * Side effects leave the Worker as HTTP requests to providers (email, SMS, chat, CRM). Each
 * provider module only *builds* the request its real API expects; a transport sends it (or,
 * with no provider configured, records it in the dev outbox). So tests and the dev outbox see
 * exactly the bytes production would send.
 */

/** A message to a person by email. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /** Stable per logical message: providers that support it deduplicate retries. */
  idempotencyKey: string;
}

/** A text message. */
export interface SmsMessage {
  /** E.164. */
  to: string;
  body: string;
  idempotencyKey: string;
}

/** A Slack message for an incoming webhook. */
export interface SlackMessage {
  text: string;
  blocks: unknown[];
  idempotencyKey: string;
}

/** The pre-routed record the CRM receives: the lead with its owner already set. */
export interface CrmRecord {
  /** Our lead id: the external id CRMs upsert on, so retries and re-sends update, never duplicate. */
  leadId: string;
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  jobTitle?: string;
  website?: string;
  country?: string;
  region?: string;
  city?: string;
  postalCode?: string;
  employees?: number;
  product?: string;
  message?: string;
  source: string;
  formType: string;
  urgency: string;
  status: string;
  /** Owner: rep id and name, or queue; CRM owner ids when the rep has them. */
  owner: { kind: 'rep' | 'queue'; id: string; name: string; hubspotOwnerId?: string; salesforceOwnerId?: string };
  route: string;
  /** Why it was routed there, one line. */
  reason: string;
  /** The prior relationship: "existing customer of Acme since 2021-03-31" (issue 11). */
  relationship?: string;
  /** The CRM record the lead came from: the owner is written back onto it, never onto a second copy. */
  origin?: { system: 'hubspot' | 'salesforce' | 'webhook'; id: string };
  /** ISO instant the lead arrived. */
  receivedAt: string;
  /** Times the same person submitted again (duplicates joined to this lead). */
  duplicates: number;
  idempotencyKey: string;
}

/** What a built request is for, shown in the dev outbox. */
export type Channel = 'email' | 'sms' | 'slack' | 'crm:hubspot' | 'crm:salesforce' | 'crm:webhook';

/** A request ready to send: what `fetch` needs, plus what it is for. */
export interface OutboundRequest {
  channel: Channel;
  url: string;
  method: 'POST' | 'PATCH' | 'PUT';
  headers: Record<string, string>;
  body: string;
}

/** The outcome of sending one request. */
export type Delivery = { ok: true; status: number; ref?: string } | { ok: false; retry: boolean; status?: number; error: string };
