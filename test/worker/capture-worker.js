/**
 * The capture worker: every outbound `fetch()` of the Worker under test (and of test code) lands
 * here instead of the internet (it is the runner's `outboundService`, see vitest.config.ts).
 * It records each request and answers like the real provider API would, by host, so the Worker's
 * providers can be pointed at their real hosts in tests.
 *
 * Control API, on host `capture.control` (tests reach it through the `CAPTURE` service binding):
 * - `GET /requests[?host=h]`: the recorded requests, oldest first;
 * - `POST /fail` `{ host, times, status, skip?, retryAfter?, policyName? }`: after `skip`
 *   requests let through, the next `times` requests to `host` get `status` with an error body
 *   shaped like that API's own (and `Retry-After`, HubSpot's rate-limit policy when given);
 * - `POST /hang` `{ host, times, ms }`: the next `times` requests to `host` get no answer for
 *   `ms` (a hung provider);
 * - `POST /forget`: forget the requests received so far;
 * - `POST /reset`: forget requests, pending failures and the ids handed out;
 * - `POST /crm`: the records the CRMs' read APIs hold (see crm-fake.js, which answers them);
 * - `POST /enrichment`: what the enrichment providers know (see enrichment-fake.js).
 *
 * Plain JavaScript: auxiliary workers are loaded as is, not transpiled. State lives in module
 * memory, per Miniflare instance: Vitest starts one per test file by default (`isolate`), and
 * files sharing one run one at a time; still, reset it in `beforeEach`.
 */

import { crmAnswer, crmControl } from './crm-fake.js';
import { enrichmentAnswer, enrichmentControl, enrichmentError } from './enrichment-fake.js';

const CONTROL_HOST = 'capture.control';

/** Every request received, oldest first: { method, url, host, path, headers, body, time }. */
let requests = [];
/** host → { times left, status, skip (requests let through first), retryAfter? (seconds), policyName? (HubSpot) } */
let failures = new Map();
/** host → { times left, ms } */
let hangs = new Map();
/** HubSpot record ids, stable per upsert key (the email, or our lead id). */
let hubspotIds = new Map();
/** Salesforce Lead ids, stable per external id: the first upsert creates, later ones update. */
let salesforceIds = new Map();
let counter = 0;

export default {
  /** @param {Request} request */
  async fetch(request) {
    const url = new URL(request.url);
    if (url.hostname === CONTROL_HOST) return control(request, url);

    // Decoded by hand: request.text() warns on form bodies (Twilio's), though they are text.
    const body = new TextDecoder().decode(await request.arrayBuffer());
    const captured = {
      method: request.method,
      url: request.url,
      host: url.hostname,
      path: url.pathname,
      headers: Object.fromEntries(request.headers),
      body,
      time: new Date().toISOString(),
      /** The status this worker answered with. */
      status: 0,
    };
    requests.push(captured);

    const hang = hangs.get(url.hostname);
    if (hang !== undefined && hang.times > 0) {
      hang.times -= 1;
      if (hang.times === 0) hangs.delete(url.hostname);
      await new Promise((resolve) => setTimeout(resolve, hang.ms));
    }
    const failure = failures.get(url.hostname);
    let response;
    if (failure !== undefined && failure.skip > 0) {
      failure.skip -= 1;
      response = answer(request, url, body);
    } else if (failure !== undefined && failure.times > 0) {
      failure.times -= 1;
      if (failure.times === 0) failures.delete(url.hostname);
      response = errorResponse(url.hostname, failure.status, failure);
    } else {
      response = answer(request, url, body);
    }
    captured.status = response.status;
    return response;
  },
};

/** @param {Request} request @param {URL} url */
async function control(request, url) {
  const crm = await crmControl(request, url);
  if (crm) return crm;
  const enrichment = await enrichmentControl(request, url);
  if (enrichment) return enrichment;
  if (request.method === 'GET' && url.pathname === '/requests') {
    const host = url.searchParams.get('host');
    return Response.json(host === null ? requests : requests.filter((r) => r.host === host));
  }
  if (request.method === 'POST' && url.pathname === '/fail') {
    const { host, times = 1, status = 500, skip = 0, retryAfter, policyName } = await request.json().catch(() => ({}));
    if (typeof host !== 'string' || !Number.isInteger(times) || !Number.isInteger(status) || !Number.isInteger(skip)) {
      return Response.json(
        { error: 'expected { host: string, times: integer, status: integer, skip?: integer, retryAfter?: seconds, policyName?: string }' },
        { status: 400 },
      );
    }
    failures.set(host, { times, status, skip, retryAfter, policyName });
    return Response.json({ ok: true });
  }
  if (request.method === 'POST' && url.pathname === '/forget') {
    requests = [];
    return Response.json({ ok: true });
  }
  if (request.method === 'POST' && url.pathname === '/hang') {
    const { host, times = 1, ms = 5000 } = await request.json().catch(() => ({}));
    if (typeof host !== 'string' || !Number.isInteger(times) || !Number.isInteger(ms)) {
      return Response.json({ error: 'expected { host: string, times: integer, ms: integer }' }, { status: 400 });
    }
    hangs.set(host, { times, ms });
    return Response.json({ ok: true });
  }
  if (request.method === 'POST' && url.pathname === '/reset') {
    requests = [];
    failures = new Map();
    hangs = new Map();
    hubspotIds = new Map();
    salesforceIds = new Map();
    counter = 0;
    return Response.json({ ok: true });
  }
  return Response.json({ error: `no control route ${request.method} ${url.pathname}` }, { status: 404 });
}

/** The real API's success answer, or its 401/404 when the request could not have worked there. */
function answer(request, url, body) {
  const host = url.hostname;
  const auth = request.headers.get('authorization') ?? '';
  const route = `${request.method} ${url.pathname}`;
  const crm = crmAnswer(request, url, body);
  if (crm) return crm;
  const enrichment = enrichmentAnswer(request, url, body);
  if (enrichment) return enrichment;

  if (host === 'api.resend.com') {
    if (!auth.startsWith('Bearer ')) return errorResponse(host, 401);
    if (route !== 'POST /emails') return errorResponse(host, 404);
    return Response.json({ id: crypto.randomUUID() });
  }
  if (host === 'api.postmarkapp.com') {
    if (!request.headers.has('x-postmark-server-token')) return errorResponse(host, 401);
    if (route !== 'POST /email') return errorResponse(host, 404);
    const sent = parseJson(body);
    return Response.json({
      To: sent?.To,
      SubmittedAt: new Date().toISOString(),
      MessageID: crypto.randomUUID(),
      ErrorCode: 0,
      Message: 'OK',
    });
  }
  if (host === 'api.twilio.com') {
    if (!auth.startsWith('Basic ')) return errorResponse(host, 401);
    if (request.method !== 'POST' || !/^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(url.pathname)) {
      return errorResponse(host, 404);
    }
    const form = new URLSearchParams(body);
    return Response.json(
      { sid: `SM${crypto.randomUUID().replaceAll('-', '')}`, status: 'queued', to: form.get('To'), from: form.get('From') },
      { status: 201 },
    );
  }
  if (host === 'hooks.slack.com') {
    if (request.method !== 'POST' || !url.pathname.startsWith('/services/')) return errorResponse(host, 404);
    if (parseJson(body) === undefined) return errorResponse(host, 400);
    return new Response('ok', { headers: { 'content-type': 'text/html' } });
  }
  if (host === 'api.hubapi.com') {
    if (!auth.startsWith('Bearer ')) return errorResponse(host, 401);
    if (route !== 'POST /crm/v3/objects/contacts/batch/upsert') return errorResponse(host, 404);
    const inputs = parseJson(body)?.inputs;
    if (!Array.isArray(inputs)) return errorResponse(host, 400);
    const now = new Date().toISOString();
    const results = inputs.map((input) => {
      const key = `${input.idProperty}:${input.id}`;
      const isNew = !hubspotIds.has(key);
      if (isNew) hubspotIds.set(key, String(1000 + ++counter));
      return { id: hubspotIds.get(key), properties: input.properties, createdAt: now, updatedAt: now, archived: false, new: isNew };
    });
    return Response.json({ status: 'COMPLETE', results, startedAt: now, completedAt: now });
  }
  if (host.endsWith('.my.salesforce.com')) {
    if (!auth.startsWith('Bearer ')) return errorResponse(host, 401);
    const match = /^\/services\/data\/v\d+\.\d+\/sobjects\/Lead\/Lead_Router_Id__c\/([^/]+)$/.exec(url.pathname);
    if (request.method !== 'PATCH' || match === null) return errorResponse(host, 404);
    const externalId = decodeURIComponent(match[1]);
    const existing = salesforceIds.get(externalId);
    if (existing !== undefined) return Response.json({ id: existing, success: true, errors: [], created: false });
    const id = `00Q${String(++counter).padStart(12, '0')}AAA`;
    salesforceIds.set(externalId, id);
    return Response.json({ id, success: true, errors: [], created: true }, { status: 201 });
  }
  return Response.json({});
}

/** An error answer shaped like the given host's API; `failure` may carry a Retry-After (seconds) and HubSpot's rate-limit policy. */
function errorResponse(host, status, failure = {}) {
  const enrichment = enrichmentError(host, status, failure);
  if (enrichment) return enrichment;
  const message = defaultMessages[status] ?? `Simulated error ${status}`;
  if (host === 'api.resend.com') {
    const name =
      status === 401
        ? 'missing_api_key'
        : status === 404
          ? 'not_found'
          : status === 429
            ? 'rate_limit_exceeded'
            : status >= 500
              ? 'internal_server_error'
              : 'validation_error';
    return Response.json({ statusCode: status, message, name }, { status });
  }
  if (host === 'api.postmarkapp.com') {
    return Response.json({ ErrorCode: status === 401 ? 10 : status === 422 || status === 400 ? 300 : 0, Message: message }, { status });
  }
  if (host === 'api.twilio.com') {
    const code = status === 401 ? 20003 : status === 404 ? 20404 : status === 429 ? 20429 : status >= 500 ? 20500 : 21211;
    return Response.json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, { status });
  }
  if (host === 'hooks.slack.com') {
    const text = status === 404 ? 'no_service' : status === 403 ? 'invalid_token' : status >= 500 ? 'internal_error' : 'invalid_payload';
    return new Response(text, { status, headers: { 'content-type': 'text/html' } });
  }
  if (host === 'api.hubapi.com') {
    const category =
      status === 401
        ? 'INVALID_AUTHENTICATION'
        : status === 404
          ? 'OBJECT_NOT_FOUND'
          : status === 429
            ? 'RATE_LIMITS'
            : status >= 500
              ? 'INTERNAL_ERROR'
              : 'VALIDATION_ERROR';
    // A rate limit as HubSpot answers it: errorType RATE_LIMIT, the policy hit, and Retry-After.
    const limit = status === 429 ? { errorType: 'RATE_LIMIT', policyName: failure.policyName ?? 'SECONDLY' } : {};
    const headers = failure.retryAfter === undefined ? {} : { 'Retry-After': String(failure.retryAfter) };
    return Response.json({ status: 'error', message, correlationId: crypto.randomUUID(), category, ...limit }, { status, headers });
  }
  if (host.endsWith('.my.salesforce.com')) {
    const errorCode =
      status === 401
        ? 'INVALID_SESSION_ID'
        : status === 404
          ? 'NOT_FOUND'
          : status === 429 || status === 403
            ? 'REQUEST_LIMIT_EXCEEDED'
            : status >= 500
              ? 'UNKNOWN_EXCEPTION'
              : 'REQUIRED_FIELD_MISSING';
    return Response.json([{ message, errorCode }], { status });
  }
  return Response.json({ error: message }, { status });
}

const defaultMessages = {
  400: 'Bad request (simulated)',
  401: 'Authentication credentials are missing or invalid (simulated)',
  403: 'Forbidden (simulated)',
  404: 'The requested resource does not exist (simulated)',
  408: 'Request timeout (simulated)',
  422: 'Unprocessable request (simulated)',
  429: 'Too many requests (simulated)',
  500: 'Internal server error (simulated)',
  502: 'Bad gateway (simulated)',
  503: 'Service unavailable (simulated)',
};

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
