/**
 * Twilio Programmable Messaging (https://www.twilio.com/docs/messaging/api/message-resource):
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, HTTP Basic auth.
 */
import type { OutboundRequest, SmsMessage } from './types.ts';
import { joinUrl } from './url.ts';

/** What a Twilio send needs. */
export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or alphanumeric sender id. */
  from: string;
  /** Defaults to `https://api.twilio.com`. */
  baseUrl?: string;
}

/** Builds the Twilio request that sends `msg`. */
export function twilioRequest(msg: SmsMessage, cfg: TwilioConfig): OutboundRequest {
  const path = `/2010-04-01/Accounts/${encodeURIComponent(cfg.accountSid)}/Messages.json`;
  return {
    channel: 'sms',
    url: joinUrl(cfg.baseUrl ?? 'https://api.twilio.com', path),
    method: 'POST',
    headers: {
      // SIDs and tokens are ASCII, so btoa cannot throw on them.
      Authorization: `Basic ${btoa(`${cfg.accountSid}:${cfg.authToken}`)}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      'I-Twilio-Idempotency-Token': msg.idempotencyKey,
    },
    body: new URLSearchParams({ To: msg.to, From: cfg.from, Body: msg.body }).toString(),
  };
}
