/**
 * Postmark (https://postmarkapp.com/developer/api/email-api): `POST /email` with the server
 * token header. Postmark has no idempotency key, so ours rides along in `Metadata` where it
 * shows on the message in Postmark's activity log (and its webhooks) for tracing duplicates.
 */
import type { EmailMessage, OutboundRequest } from './types.ts';
import { joinUrl } from './url.ts';

/** What a Postmark send needs. */
export interface PostmarkConfig {
  serverToken: string;
  /** A confirmed sender signature or a sender on a verified domain. */
  from: string;
  /** Defaults to `https://api.postmarkapp.com`. */
  baseUrl?: string;
}

/** Builds the Postmark request that sends `msg` on the transactional (`outbound`) stream. */
export function postmarkRequest(msg: EmailMessage, cfg: PostmarkConfig): OutboundRequest {
  const body = {
    From: cfg.from,
    To: msg.to,
    Subject: msg.subject,
    TextBody: msg.text,
    HtmlBody: msg.html,
    ...(msg.replyTo !== undefined && { ReplyTo: msg.replyTo }),
    MessageStream: 'outbound',
    Metadata: { idempotencyKey: msg.idempotencyKey },
  };
  return {
    channel: 'email',
    url: joinUrl(cfg.baseUrl ?? 'https://api.postmarkapp.com', '/email'),
    method: 'POST',
    headers: {
      'X-Postmark-Server-Token': cfg.serverToken,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  };
}
