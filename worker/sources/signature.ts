/**
 * Verifying who sent a lead: HubSpot's v3 request signature, and our own signed-JSON scheme
 * (the one our outgoing webhook uses, worker/providers/webhook.ts). Both carry a timestamp that
 * must be within 5 minutes of now, so a captured request cannot be replayed later; within the
 * window a replay is harmless, as each source record is admitted once (its id is the
 * submission's idempotency key). Comparisons are constant-time (`crypto.subtle.verify`).
 */

/** How far a signed request's timestamp may be from now, either way. */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/** The verdict on a request's signature; a refusal says why, for the 401. */
export type Verdict = { ok: true } | { ok: false; error: 'unsigned' | 'stale' | 'bad_signature'; message: string };

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])));
  return key;
}

async function verifyMac(secret: string, mac: Uint8Array, data: string): Promise<boolean> {
  return crypto.subtle.verify('HMAC', await hmacKey(secret), mac, encoder.encode(data));
}

function staleness(at: number, now: number): Verdict | undefined {
  if (!Number.isFinite(at)) return { ok: false, error: 'unsigned', message: 'The signature timestamp is not a number' };
  if (Math.abs(now - at) > REPLAY_WINDOW_MS)
    return {
      ok: false,
      error: 'stale',
      message: 'The signature timestamp is more than 5 minutes from now: refused as a possible replay (check the sender’s clock)',
    };
  return undefined;
}

/** The escapes HubSpot decodes in the request URI before signing (its v3 validation guide): `: / ? @ ! $ ' ( ) * , ;`. */
const HUBSPOT_DECODED = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

/**
 * HubSpot's v3 signature: `X-HubSpot-Signature-v3` is the base64 HMAC-SHA256, under the app's
 * client secret, of method + URI + body + `X-HubSpot-Request-Timestamp` (epoch ms), refused
 * when the timestamp is more than 5 minutes old.
 * @example await verifyHubspot(env.HUBSPOT_CLIENT_SECRET, 'POST', c.req.url, body, c.req.header('X-HubSpot-Signature-v3'), c.req.header('X-HubSpot-Request-Timestamp'), Date.now())
 */
export async function verifyHubspot(
  secret: string,
  method: string,
  uri: string,
  body: string,
  signature: string | undefined,
  timestamp: string | undefined,
  now: number,
): Promise<Verdict> {
  if (!signature || !timestamp) return { ok: false, error: 'unsigned', message: 'X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required' };
  const stale = staleness(Number(timestamp), now);
  if (stale) return stale;
  const decoded = uri.replace(HUBSPOT_DECODED, decodeURIComponent);
  const mac = fromBase64(signature);
  if (mac && (await verifyMac(secret, mac, `${method}${decoded}${body}${timestamp}`))) return { ok: true };
  return {
    ok: false,
    error: 'bad_signature',
    message: "X-HubSpot-Signature-v3 does not match: check HUBSPOT_CLIENT_SECRET (the app's client secret) and that HubSpot calls this very URL",
  };
}

/**
 * Our signed-JSON scheme: `X-Lead-Router-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`;
 * several `v1=` (a secret being rotated) may be given, one must match.
 * @param name the secret's setting, named in the refusal (`SOURCE_WEBHOOK_SECRET`)
 */
export async function verifySigned(secret: string, header: string | undefined, body: string, now: number, name: string): Promise<Verdict> {
  if (!header) return { ok: false, error: 'unsigned', message: 'X-Lead-Router-Signature is required: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>' };
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const macs = parts.filter(([k]) => k === 'v1').map(([, v]) => fromHex(v ?? ''));
  if (t === undefined || macs.length === 0)
    return { ok: false, error: 'unsigned', message: 'X-Lead-Router-Signature must be t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>' };
  const stale = staleness(Number(t) * 1000, now);
  if (stale) return stale;
  for (const mac of macs) if (mac && (await verifyMac(secret, mac, `${t}.${body}`))) return { ok: true };
  return { ok: false, error: 'bad_signature', message: `X-Lead-Router-Signature does not match: sign t + "." + the exact body with ${name}` };
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function fromHex(text: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-f]{2})+$/i.test(text)) return undefined;
  return Uint8Array.from(text.match(/../g)!, (h) => parseInt(h, 16));
}
