/**
 * The enrichment providers' requests and answers: the generic HTTP contract (a POST of the
 * company's domain, optionally the person's email, with a bearer key) and Apollo's organization
 * enrichment (`GET https://api.apollo.io/api/v1/organizations/enrich?domain=…` with the
 * `x-api-key` header). Every answer is sorted once: what the provider knows, that it knows
 * nothing, or a failure (a rate limit with how long to wait, a refused key, an outage).
 */
import { readApolloAnswer, readGenericAnswer } from '../../shared/enrichment/contract.ts';
import type { Firmographics } from '../../shared/enrichment/types.ts';
import type { AppEnv } from '../app-env.ts';

/** The configured provider, ready to call. */
export interface EnrichmentProvider {
  kind: 'http' | 'apollo';
  /** As people call it, in the trace. */
  label: string;
  url: string;
  key: string;
}

/** A provider's answer, sorted. */
export type ProviderAnswer = { kind: 'found'; found: Firmographics } | { kind: 'unknown' } | { kind: 'failed'; detail: string; retryAfterMs?: number };

/** What a request asks about. */
export interface EnrichmentQuery {
  domain?: string;
  email?: string;
  company?: string;
}

const APOLLO_BASE = 'https://api.apollo.io';
/** A rate limit without Retry-After: wait this long before asking again. */
const DEFAULT_PAUSE_MS = 60_000;
/** The longest pause: an hour (a daily quota spent still lets the next hour try once). */
const MAX_PAUSE_MS = 3_600_000;

/** The provider the config names, with its settings from the environment; a string says what is missing. */
export function enrichmentProvider(kind: 'http' | 'apollo', env: AppEnv): EnrichmentProvider | string {
  const key = env.ENRICHMENT_API_KEY;
  if (!key) return 'ENRICHMENT_API_KEY is not set';
  if (kind === 'apollo') return { kind, label: 'Apollo', url: env.APOLLO_BASE_URL || APOLLO_BASE, key };
  if (!env.ENRICHMENT_URL) return 'ENRICHMENT_URL is not set';
  return { kind, label: 'the enrichment service', url: env.ENRICHMENT_URL, key };
}

/** The request the provider expects for `query`. */
export function enrichmentRequest(provider: EnrichmentProvider, query: EnrichmentQuery): Request {
  if (provider.kind === 'apollo') {
    const url = new URL('/api/v1/organizations/enrich', provider.url);
    url.searchParams.set('domain', query.domain ?? '');
    return new Request(url, { headers: { 'x-api-key': provider.key, Accept: 'application/json', 'Cache-Control': 'no-cache' } });
  }
  return new Request(provider.url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${provider.key}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(query),
  });
}

/** Asks the provider; never throws. `timeoutMs` is the hard cap of the call (the time box is shorter). */
export async function askProvider(provider: EnrichmentProvider, query: EnrichmentQuery, timeoutMs: number): Promise<ProviderAnswer> {
  let res: Response;
  let body: unknown;
  try {
    res = await fetch(enrichmentRequest(provider, query), { signal: AbortSignal.timeout(timeoutMs) });
    body = await res.json().catch(() => undefined);
  } catch (error) {
    return { kind: 'failed', detail: error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'network error' };
  }
  if (res.status === 404) return { kind: 'unknown' };
  if (res.status === 429) return { kind: 'failed', detail: 'rate-limited (429)', retryAfterMs: retryAfter(res.headers) };
  if (!res.ok) return { kind: 'failed', detail: res.status === 401 || res.status === 403 ? `refused the key (${res.status})` : `answered ${res.status}` };
  const found = provider.kind === 'apollo' ? readApolloAnswer(body) : readGenericAnswer(body);
  return found ? { kind: 'found', found } : { kind: 'unknown' };
}

/**
 * How long to leave a rate-limited provider alone: its Retry-After (seconds, or an HTTP date);
 * else Apollo's fixed windows (`x-hourly-requests-left: 0` or `x-daily-requests-left: 0`: an
 * hour, our longest pause; the minute's window otherwise); else a minute.
 */
function retryAfter(headers: Headers): number {
  const header = headers.get('Retry-After');
  if (header === null) return headers.get('x-hourly-requests-left') === '0' || headers.get('x-daily-requests-left') === '0' ? MAX_PAUSE_MS : DEFAULT_PAUSE_MS;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_PAUSE_MS);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, Math.min(at - Date.now(), MAX_PAUSE_MS)) : DEFAULT_PAUSE_MS;
}
