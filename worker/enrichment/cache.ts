/**
 * Enrichment answers kept per company domain in KV (`LEADS_KV`, keys `enrichment:<provider>:<domain>`),
 * so a company's leads pay for one provider call per `enrichment.cacheFor` (30 days by default).
 * KV because its entries expire by themselves (no purge job), it is read where the intake runs,
 * and a cache may be a minute stale; a company the provider does not know is kept a day, so
 * unknown domains are not asked about on every lead. Only company data is kept: an answer to a
 * lookup by the person's email is never cached.
 */
import type { Firmographics } from '../../shared/enrichment/types.ts';

/** A cached answer: what the provider knew, or null when it knew nothing. */
export interface CachedAnswer {
  found: Firmographics | null;
  at: number;
}

/** How long "the provider does not know this company" is kept. */
const UNKNOWN_TTL_S = 86_400;
/** KV's shortest expiry. */
const MIN_TTL_S = 60;

function keyOf(provider: string, domain: string): string {
  return `enrichment:${provider}:${domain}`;
}

/** The cached answer for a domain, or undefined (not cached, or KV failed: ask the provider). */
export async function cachedAnswer(kv: KVNamespace, provider: string, domain: string): Promise<CachedAnswer | undefined> {
  try {
    return (await kv.get<CachedAnswer>(keyOf(provider, domain), 'json')) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps an answer for `ttlMs` (an unknown company for a day at most); a failed write only costs a provider call later. */
export async function cacheAnswer(
  kv: KVNamespace,
  provider: string,
  domain: string,
  found: Firmographics | undefined,
  ttlMs: number,
  now: number,
): Promise<void> {
  const ttl = Math.max(MIN_TTL_S, Math.round(found ? ttlMs / 1000 : Math.min(ttlMs / 1000, UNKNOWN_TTL_S)));
  await kv
    .put(keyOf(provider, domain), JSON.stringify({ found: found ?? null, at: now } satisfies CachedAnswer), { expirationTtl: ttl })
    .catch(() => undefined);
}
