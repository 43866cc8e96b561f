/**
 * A typed client for the capture worker's control API (test/worker/capture-worker.js), reached
 * through the CAPTURE service binding that only the worker tests have.
 */
import { env } from 'cloudflare:workers';

/** One request the capture worker received; header names are lower-case. */
export interface CapturedRequest {
  method: string;
  url: string;
  host: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  time: string;
  /** The status the capture worker answered with. */
  status: number;
}

/** The requests received so far, oldest first, optionally only those to `host`. */
export async function capturedRequests(host?: string): Promise<CapturedRequest[]> {
  const query = host === undefined ? '' : `?host=${encodeURIComponent(host)}`;
  const res = await env.CAPTURE.fetch(`http://capture.control/requests${query}`);
  return res.json<CapturedRequest[]>();
}

/**
 * Makes the next `times` requests to `host` fail with `status` and that API's error body;
 * `extra` lets `skip` requests through first, and adds Retry-After seconds or HubSpot's policy.
 */
export async function failNext(
  host: string,
  status: number,
  times = 1,
  extra: { skip?: number; retryAfter?: number; policyName?: string } = {},
): Promise<void> {
  const res = await env.CAPTURE.fetch('http://capture.control/fail', {
    method: 'POST',
    body: JSON.stringify({ host, times, status, ...extra }),
  });
  if (!res.ok) throw new Error(`capture /fail answered ${res.status}`);
}

/** Makes the next `times` requests to `host` go unanswered for `ms`, as a hung provider does. */
export async function hangNext(host: string, ms: number, times = 1): Promise<void> {
  const res = await env.CAPTURE.fetch('http://capture.control/hang', { method: 'POST', body: JSON.stringify({ host, times, ms }) });
  if (!res.ok) throw new Error(`capture /hang answered ${res.status}`);
}

/** Seeds what the CRMs' read APIs hold (see crm-fake.js): HubSpot companies/contacts, Salesforce accounts/contacts. */
export async function seedCrm(seed: {
  hubspot?: { companies?: unknown[]; contacts?: unknown[] };
  salesforce?: { accounts?: unknown[]; contacts?: unknown[]; leads?: unknown[]; pageSize?: number };
}): Promise<void> {
  const res = await env.CAPTURE.fetch('http://capture.control/crm', { method: 'POST', body: JSON.stringify(seed) });
  if (!res.ok) throw new Error(`capture /crm answered ${res.status}`);
}

/** Forgets the requests received so far, and nothing else. */
export async function forgetRequests(): Promise<void> {
  await env.CAPTURE.fetch('http://capture.control/forget', { method: 'POST' });
}

/** Forgets every request, pending failure and handed-out id. */
export async function resetCapture(): Promise<void> {
  await env.CAPTURE.fetch('http://capture.control/reset', { method: 'POST' });
}

/** Seeds what the enrichment providers know (see enrichment-fake.js): the generic contract's answers and Apollo's organizations, by domain. */
export async function seedEnrichment(seed: { http?: Record<string, unknown>; apollo?: Record<string, unknown> }): Promise<void> {
  const res = await env.CAPTURE.fetch('http://capture.control/enrichment', { method: 'POST', body: JSON.stringify(seed) });
  if (!res.ok) throw new Error(`capture /enrichment answered ${res.status}`);
}

/** What the fake CRMs hold now (their records as seeded, with the writes applied). */
export async function crmRecords(): Promise<{
  hubspot: { contacts: { id: string; properties: Record<string, string | null> }[] };
  salesforce: { leads: Record<string, unknown>[] };
}> {
  const res = await env.CAPTURE.fetch('http://capture.control/crm');
  return res.json();
}
