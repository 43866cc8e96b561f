/**
 * Sends a built request and sorts the outcome: delivered (with the provider's id), worth
 * retrying (rate limits, timeouts, outages, network errors), or permanent (dead-letter it).
 * Every request has a deadline: a provider that takes the connection and never answers is a
 * retry, not a lead's deliveries stalled.
 */
import { isDevOutbox } from './dev-outbox.ts';
import type { Delivery, OutboundRequest } from './types.ts';

/** Longest `error` kept: enough to act on, short enough for a queue message or a log line. */
const MAX_ERROR = 300;

/** Statuses that mean "try again later" although they are 4xx. */
const RETRYABLE_4XX = new Set([408, 425, 429]);

/** How long a provider has to answer (headers and body) by default: they answer in well under a second when well. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The provider timeout of an env (`PROVIDER_TIMEOUT_MS`), else the default. */
export function providerTimeout(env: { PROVIDER_TIMEOUT_MS?: string }): number {
  const ms = Number(env.PROVIDER_TIMEOUT_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : DEFAULT_TIMEOUT_MS;
}

/** Sends `req` with `fetcher` and classifies the response, giving up after `timeoutMs`; never throws. */
export async function send(req: OutboundRequest, fetcher: typeof fetch = fetch, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Delivery> {
  if (isDevOutbox(req)) {
    return { ok: false, retry: false, error: 'dev outbox request: record it, do not send it' };
  }
  let res: Response;
  let text: string;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    res = await fetcher(req.url, { method: req.method, headers: req.headers, body: req.body, signal });
    text = await res.text();
  } catch (err) {
    if (signal.aborted) return { ok: false, retry: true, error: `timeout: no answer within ${timeoutMs} ms` };
    // The message is the runtime's, about the connection; it holds neither the URL nor the body.
    return { ok: false, retry: true, error: errorText('network error:', err instanceof Error ? err.message : String(err)) };
  }
  const json = parseJson(text);
  const status = res.status;

  if (status >= 200 && status < 300) {
    // HubSpot batch calls answer 207 with per-input errors: for our one input, that is a failure.
    const partial = isRecord(json) && Array.isArray(json['errors']) ? json['errors'] : [];
    if (partial.length > 0) {
      return { ok: false, retry: false, status, error: errorText(String(status), errorMessage(partial[0], '')) };
    }
    const ref = providerRef(json);
    return ref === undefined ? { ok: true, status } : { ok: true, status, ref };
  }
  const error = errorText(String(status), errorMessage(json, text));
  return { ok: false, retry: isRetryable(status, json), status, error };
}

/** Whether a failed status is temporary. */
function isRetryable(status: number, json: unknown): boolean {
  if (status >= 500 || RETRYABLE_4XX.has(status)) return true;
  // Resend: the same idempotency key is still being processed; the retry gets its outcome.
  return status === 409 && isRecord(json) && json['name'] === 'concurrent_idempotent_requests';
}

/** The provider's id for what it created: Resend/HubSpot/Salesforce `id`, Twilio `sid`, Postmark `MessageID`. */
function providerRef(json: unknown): string | undefined {
  if (!isRecord(json)) return undefined;
  for (const key of ['id', 'sid', 'MessageID']) {
    const value = json[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  const results = json['results'];
  if (Array.isArray(results)) return providerRef(results[0]);
  return undefined;
}

/**
 * The provider's own error message: `message` (Resend, Twilio, HubSpot, Salesforce's array),
 * `Message` (Postmark), or the plain text (Slack answers `invalid_payload`, `no_service`…).
 */
function errorMessage(json: unknown, text: string): string {
  const first = Array.isArray(json) ? json[0] : json;
  if (isRecord(first)) {
    const message = first['message'] ?? first['Message'] ?? first['error'];
    const code = first['errorCode'] ?? first['name'] ?? first['code'] ?? first['ErrorCode'] ?? first['category'];
    const parts = [code, message].filter((p) => typeof p === 'string' || typeof p === 'number');
    if (parts.length > 0) return parts.join(': ');
  }
  return text;
}

/**
 * `prefix message`, with the personal data some providers echo back in messages (emails, phone
 * numbers) blanked, whitespace collapsed, and capped in length: errors get stored and logged.
 */
function errorText(prefix: string, message: string): string {
  const clean = `${prefix} ${message.replace(/[^\s@"'<>(),;:[\]]+@[^\s@"'<>(),;:[\]]+/g, '[email]').replace(/\+?\d[\d\s().-]{7,}\d/g, '[number]')}`
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length <= MAX_ERROR ? clean : `${clean.slice(0, MAX_ERROR - 1)}…`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
