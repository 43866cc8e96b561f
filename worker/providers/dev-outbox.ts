/**
 * The dev outbox: with no provider configured for a channel, builders return a request to
 * `dev-outbox://<channel>` carrying the message as JSON. The caller records it (for the dashboard
 * and tests) instead of sending it, so local runs need no accounts and reach nobody.
 */
import type { OutboundRequest } from './types.ts';

/** The URL scheme of dev outbox requests. */
export const DEV_OUTBOX_PROTOCOL = 'dev-outbox:';

/** Whether `req` is for the dev outbox (record it) rather than a provider (send it). */
export function isDevOutbox(req: OutboundRequest): boolean {
  return req.url.startsWith(`${DEV_OUTBOX_PROTOCOL}//`);
}
