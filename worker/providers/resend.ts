/**
 * Resend (https://resend.com/docs/api-reference/emails/send-email): `POST /emails` with a
 * Bearer API key. Resend honours `Idempotency-Key`, so a retried send is delivered once.
 */
import type { EmailMessage, OutboundRequest } from './types.ts';
import { joinUrl } from './url.ts';

/** What a Resend send needs. */
export interface ResendConfig {
  apiKey: string;
  /** A sender on a domain verified in Resend, e.g. `Lead Router <leads@example.com>`. */
  from: string;
  /** Defaults to `https://api.resend.com`. */
  baseUrl?: string;
}

/** Builds the Resend request that sends `msg`. */
export function resendRequest(msg: EmailMessage, cfg: ResendConfig): OutboundRequest {
  const body = {
    from: cfg.from,
    to: [msg.to],
    subject: msg.subject,
    text: msg.text,
    html: msg.html,
    ...(msg.replyTo !== undefined && { reply_to: msg.replyTo }),
  };
  return {
    channel: 'email',
    url: joinUrl(cfg.baseUrl ?? 'https://api.resend.com', '/emails'),
    method: 'POST',
    headers: {
      Authorization: `Bearer ${cfg.apiKey}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': msg.idempotencyKey,
    },
    body: JSON.stringify(body),
  };
}
