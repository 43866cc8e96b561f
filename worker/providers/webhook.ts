/**
 * A generic signed webhook for CRMs without a built-in provider (or a Zapier/Make hook):
 * `POST { event: 'lead.routed', lead }` with `X-Lead-Router-Signature: t=<unix s>,v1=<hex>`,
 * where v1 is HMAC-SHA256(secret, `${t}.${body}`). Signing the timestamp with the body lets
 * receivers refuse replays older than a tolerance.
 */
import type { CrmRecord, OutboundRequest } from './types.ts';

/** Where the webhook goes and the secret it is signed with. */
export interface WebhookConfig {
  url: string;
  secret: string;
}

/** The header carrying the signature. */
export const SIGNATURE_HEADER = 'X-Lead-Router-Signature';

/** Builds the signed webhook request for `record`; `now` is in milliseconds. */
export async function webhookRequest(record: CrmRecord, cfg: WebhookConfig, now = Date.now()): Promise<OutboundRequest> {
  const body = webhookBody(record);
  const timestamp = Math.floor(now / 1000);
  const signature = await signPayload(cfg.secret, timestamp, body);
  return {
    channel: 'crm:webhook',
    url: cfg.url,
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Lead-Router-Id': record.leadId,
      'Idempotency-Key': record.idempotencyKey,
      [SIGNATURE_HEADER]: `t=${timestamp},v1=${signature}`,
    },
    body,
  };
}

/** The webhook's JSON body (also what the dev outbox records for the CRM channel). */
export function webhookBody(record: CrmRecord): string {
  return JSON.stringify({ event: 'lead.routed', lead: record });
}

/** Signing keys by secret: imported once per isolate, not once per webhook sent. */
const signingKeys = new Map<string, Promise<CryptoKey>>();

/** Hex HMAC-SHA256 of `${timestamp}.${body}` under `secret`; `timestamp` in unix seconds. */
export async function signPayload(secret: string, timestamp: number, body: string): Promise<string> {
  const encoder = new TextEncoder();
  let key = signingKeys.get(secret);
  if (!key) signingKeys.set(secret, (key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])));
  const mac = await crypto.subtle.sign('HMAC', await key, encoder.encode(`${timestamp}.${body}`));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether `header` is a valid signature of `body` made within `toleranceSeconds` of `now`
 * (milliseconds). Accepts several `v1=` entries, so a sender can sign with old and new secrets
 * while a rotation rolls out.
 */
export async function verifyWebhookSignature(secret: string, header: string, body: string, now: number, toleranceSeconds = 300): Promise<boolean> {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1') signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = await signPayload(secret, timestamp, body);
  // Check every entry, so the time taken does not tell which one matched.
  let valid = false;
  for (const signature of signatures) valid = constantTimeEqual(signature, expected) || valid;
  return valid;
}

/** Compares two strings in time that depends only on their lengths, not where they differ. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
