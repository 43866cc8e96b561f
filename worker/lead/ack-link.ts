/**
 * Signed ack links: `…/v1/leads/<id>/ack?rep=<rep>&exp=<unix s>&sig=<hex HMAC-SHA256>`.
 * The signature covers the lead, the rep and the expiry, so a link cannot be reused for
 * another lead or rep, or after it expires.
 */

const LIFETIME_S = 7 * 24 * 3600;
const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

async function sign(secret: string, leadId: string, rep: string, exp: number): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(`ack.${leadId}.${rep}.${exp}`));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The ack link for `rep` on lead `leadId`, valid for a week from `now`.
 * @example await ackUrl('https://router.example', secret, 'ld_1', 'dana', Date.now())
 */
export async function ackUrl(base: string, secret: string, leadId: string, rep: string, now: number): Promise<string> {
  const exp = Math.floor(now / 1000) + LIFETIME_S;
  const sig = await sign(secret, leadId, rep, exp);
  return `${base}/v1/leads/${encodeURIComponent(leadId)}/ack?rep=${encodeURIComponent(rep)}&exp=${exp}&sig=${sig}`;
}

/** Why a link was refused, or undefined when it is good. */
export async function checkAckLink(
  secret: string,
  leadId: string,
  rep: string | undefined,
  exp: string | undefined,
  sig: string | undefined,
  now: number,
): Promise<'forged' | 'expired' | undefined> {
  if (!rep || !exp || !sig || !/^\d+$/.test(exp) || !/^[0-9a-f]{64}$/.test(sig)) return 'forged';
  const mac = new Uint8Array(sig.match(/../g)!.map((h) => parseInt(h, 16)));
  const valid = await crypto.subtle.verify('HMAC', await hmacKey(secret), mac, encoder.encode(`ack.${leadId}.${rep}.${exp}`));
  if (!valid) return 'forged';
  return Number(exp) * 1000 < now ? 'expired' : undefined;
}
