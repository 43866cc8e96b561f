/**
 * Slack incoming webhooks (https://api.slack.com/messaging/webhooks): `POST` the message JSON to
 * the webhook URL. The URL is the credential, so it must never appear in logs or errors.
 * Incoming webhooks have no idempotency key: a retried post can show twice.
 */
import type { OutboundRequest, SlackMessage } from './types.ts';

/** What a Slack post needs. */
export interface SlackConfig {
  /** `https://hooks.slack.com/services/…`, bound to one channel. */
  webhookUrl: string;
}

/** Builds the request that posts `msg` to the webhook's channel; `text` is the notification fallback. */
export function slackRequest(msg: SlackMessage, cfg: SlackConfig): OutboundRequest {
  return {
    channel: 'slack',
    url: cfg.webhookUrl,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: msg.text, blocks: msg.blocks }),
  };
}
