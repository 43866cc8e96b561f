/**
 * Enrichment providers as the capture worker answers them (test/worker/capture-worker.js imports
 * this): the generic contract of the README ("Enrichment": `POST https://enrich.test/v1/enrich`
 * with a bearer key and `{ domain, email?, company? }`, answering the company's firmographics
 * and intent, or 404 when it does not know it) and Apollo's organization enrichment (`GET
 * https://api.apollo.io/api/v1/organizations/enrich?domain=` with the `x-api-key` header,
 * answering `{ organization }`, or `{}` without a match; its 401 and 429 shapes, the 429 with
 * Apollo's fixed-window headers).
 *
 * Seeded through the control API: `POST http://capture.control/enrichment`
 * `{ http?: { <domain>: answer }, apollo?: { <domain>: organization } }`.
 */

let data = empty();

function empty() {
  return { http: {}, apollo: {} };
}

/** Control: `POST /enrichment` seeds (adding to what is there), `POST /reset` forgets. @returns a Response, or undefined */
export async function enrichmentControl(request, url) {
  if (request.method === 'POST' && url.pathname === '/enrichment') {
    const seed = await request.json();
    data = { http: { ...data.http, ...seed.http }, apollo: { ...data.apollo, ...seed.apollo } };
    return Response.json({ ok: true });
  }
  if (request.method === 'POST' && url.pathname === '/reset') data = empty();
  return undefined;
}

/** The provider's answer, or undefined when the request is not to one. */
export function enrichmentAnswer(request, url, body) {
  if (url.hostname === 'enrich.test') return generic(request, url, body);
  if (url.hostname === 'api.apollo.io') return apollo(request, url);
  return undefined;
}

/** An error answer shaped like the provider's, or undefined for other hosts. */
export function enrichmentError(host, status, failure = {}) {
  if (host === 'api.apollo.io') {
    const headers =
      status === 429 ? { 'x-rate-limit-minute': '100', 'x-minute-requests-left': '0', 'x-hourly-requests-left': '540', 'x-daily-requests-left': '1900' } : {};
    if (failure.retryAfter !== undefined) headers['Retry-After'] = String(failure.retryAfter);
    const message =
      status === 429
        ? 'The maximum number of api calls allowed for api/v1/organizations/enrich is 100 times per minute.'
        : status === 401
          ? 'Invalid access credentials.'
          : 'Something went wrong (simulated)';
    return Response.json({ message, error: message }, { status, headers });
  }
  if (host === 'enrich.test') {
    const headers = failure.retryAfter === undefined ? {} : { 'Retry-After': String(failure.retryAfter) };
    return Response.json({ error: status === 429 ? 'rate_limited' : 'error', message: `simulated ${status}` }, { status, headers });
  }
  return undefined;
}

function generic(request, url, body) {
  if (!(request.headers.get('authorization') ?? '').startsWith('Bearer ')) return Response.json({ error: 'unauthorized' }, { status: 401 });
  if (request.method !== 'POST' || url.pathname !== '/v1/enrich') return Response.json({ error: 'not_found' }, { status: 404 });
  let query;
  try {
    query = JSON.parse(body);
  } catch {
    return Response.json({ error: 'invalid_json' }, { status: 400 });
  }
  if (typeof query?.domain !== 'string' && typeof query?.email !== 'string') return Response.json({ error: 'domain or email required' }, { status: 400 });
  const domain = query.domain ?? query.email.split('@')[1];
  const answer = data.http[domain];
  return answer === undefined ? Response.json({ error: 'not_found' }, { status: 404 }) : Response.json(answer);
}

function apollo(request, url) {
  if (!request.headers.get('x-api-key')) return enrichmentError('api.apollo.io', 401);
  if (request.method !== 'GET' || url.pathname !== '/api/v1/organizations/enrich') return Response.json({ error: 'Not found' }, { status: 404 });
  const domain = url.searchParams.get('domain');
  // Apollo wants a bare domain: no scheme, no www., no @.
  if (!domain || /^(https?:|www\.|@)/.test(domain)) return Response.json({ error: 'Invalid domain' }, { status: 422 });
  const organization = data.apollo[domain];
  return Response.json(
    organization === undefined ? {} : { organization: { id: `5e66b6381e05b4008c83${domain.length}`, primary_domain: domain, ...organization } },
    { headers: { 'x-minute-requests-left': '99', 'x-rate-limit-minute': '100' } },
  );
}
