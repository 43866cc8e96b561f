/**
 * The CRMs' read side, for the account syncs (issue 11), as the capture worker answers it
 * (test/worker/capture-worker.js imports this): HubSpot's CRM v3 list (`GET
 * /crm/v3/objects/{companies,contacts}`, paged by `after`) and search (`POST …/search`, a GTE
 * filter on the last-modified property, oldest first, 10,000 results at most), and
 * Salesforce's REST query (`GET /services/data/vXX.X/query?q=SOQL`, then `nextRecordsUrl`),
 * with each API's auth check and response shapes. Rate limits come from the capture worker's
 * `/fail` (HubSpot 429 with `Retry-After`, Salesforce 403 `REQUEST_LIMIT_EXCEEDED`).
 *
 * Seeded through the control API: `POST http://capture.control/crm` with
 * `{ hubspot?: { companies?, contacts? }, salesforce?: { accounts?, contacts?, pageSize? } }`
 * (HubSpot records as `{ id, properties }`; Salesforce records as the API's field names).
 */

const SEARCH_LIMIT = 10_000;

let data = empty();
/** Salesforce query locators → their SOQL, as the API keeps a cursor server-side. */
let locators = new Map();

function empty() {
  return { hubspot: { companies: [], contacts: [] }, salesforce: { accounts: [], contacts: [], pageSize: 2000 } };
}

/** Control: `POST /crm` seeds (replacing what is given), `POST /reset` forgets. @returns a Response, or undefined when not a CRM control route */
export async function crmControl(request, url) {
  if (request.method === 'POST' && url.pathname === '/crm') {
    const seed = await request.json();
    if (seed.hubspot) data.hubspot = { ...data.hubspot, ...seed.hubspot };
    if (seed.salesforce) data.salesforce = { ...data.salesforce, ...seed.salesforce };
    return Response.json({ ok: true });
  }
  if (request.method === 'POST' && url.pathname === '/reset') {
    data = empty();
    locators = new Map();
  }
  return undefined;
}

/** The CRM's answer to a read, or undefined when the request is not one. */
export function crmAnswer(request, url, body) {
  if (url.hostname === 'api.hubapi.com') return hubspot(request, url, body);
  if (url.hostname.endsWith('.my.salesforce.com') && request.method === 'GET' && /^\/services\/data\/v\d+\.\d+\/query/.test(url.pathname)) return salesforce(request, url);
  return undefined;
}

function hubspotError(status, message, category) {
  return Response.json({ status: 'error', message, correlationId: crypto.randomUUID(), category }, { status });
}

function hubspot(request, url, body) {
  const match = /^\/crm\/v3\/objects\/(companies|contacts)(\/search)?$/.exec(url.pathname);
  if (!match) return undefined;
  if (!(request.headers.get('authorization') ?? '').startsWith('Bearer ')) return hubspotError(401, 'Authentication credentials not found.', 'INVALID_AUTHENTICATION');
  const object = match[1];
  const modifiedProp = object === 'companies' ? 'hs_lastmodifieddate' : 'lastmodifieddate';
  const records = [...data.hubspot[object]].sort((a, b) => Number(a.id) - Number(b.id));
  if (!match[2]) {
    if (request.method !== 'GET') return hubspotError(405, 'Method not allowed', 'VALIDATION_ERROR');
    const limit = Number(url.searchParams.get('limit') ?? 10);
    if (limit > 100) return hubspotError(400, 'limit must be at most 100', 'VALIDATION_ERROR');
    const properties = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
    // `after` is opaque in HubSpot; here, the last id returned, base64-encoded.
    const after = url.searchParams.get('after');
    const from = after === null ? 0 : records.findIndex((r) => Number(r.id) > Number(atob(after)));
    const page = from < 0 ? [] : records.slice(from, from + limit);
    const last = page.at(-1);
    const more = last !== undefined && records.indexOf(last) < records.length - 1;
    const next = more ? btoa(last.id) : undefined;
    return Response.json({
      results: page.map((r) => view(r, properties)),
      ...(next ? { paging: { next: { after: next, link: `https://api.hubapi.com/crm/v3/objects/${object}?after=${next}` } } } : {}),
    });
  }
  if (request.method !== 'POST') return hubspotError(405, 'Method not allowed', 'VALIDATION_ERROR');
  const search = JSON.parse(body || '{}');
  const limit = search.limit ?? 10;
  const offset = Number(search.after ?? 0);
  if (limit > 200) return hubspotError(400, 'limit must be at most 200', 'VALIDATION_ERROR');
  if (offset + limit > SEARCH_LIMIT) return hubspotError(400, 'There was a problem with the request.', 'VALIDATION_ERROR');
  const filters = (search.filterGroups ?? []).flatMap((g) => g.filters ?? []);
  const matching = records
    .filter((r) => filters.every((f) => f.operator !== 'GTE' || time(r.properties[f.propertyName]) >= time(f.value)))
    .sort((a, b) => time(a.properties[modifiedProp]) - time(b.properties[modifiedProp]) || Number(a.id) - Number(b.id));
  const page = matching.slice(offset, offset + limit);
  const more = offset + limit < matching.length;
  return Response.json({ total: matching.length, results: page.map((r) => view(r, search.properties ?? [])), ...(more ? { paging: { next: { after: String(offset + limit) } } } : {}) });
}

function view(record, properties) {
  const props = { hs_object_id: record.id };
  for (const p of properties) props[p] = record.properties[p] ?? null;
  const updatedAt = record.properties.hs_lastmodifieddate ?? record.properties.lastmodifieddate ?? '2024-01-01T00:00:00.000Z';
  return { id: record.id, properties: props, createdAt: '2020-01-01T00:00:00.000Z', updatedAt: new Date(time(updatedAt)).toISOString(), archived: false };
}

/** A HubSpot date (ISO or epoch ms, as text or number) as epoch ms. */
function time(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return Date.parse(value ?? '') || 0;
}

function salesforce(request, url) {
  if (!(request.headers.get('authorization') ?? '').startsWith('Bearer ')) return Response.json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], { status: 401 });
  const version = /^\/services\/data\/(v\d+\.\d+)\//.exec(url.pathname)[1];
  const next = /\/query\/([^/]+)-(\d+)$/.exec(url.pathname);
  let soql;
  let offset = 0;
  if (next) {
    soql = locators.get(next[1]);
    offset = Number(next[2]);
    if (soql === undefined) return Response.json([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }], { status: 400 });
  } else {
    soql = url.searchParams.get('q');
    if (!soql) return Response.json([{ message: 'MALFORMED_QUERY: no query', errorCode: 'MALFORMED_QUERY' }], { status: 400 });
  }
  const parsed = /^SELECT (.+) FROM (Account|Contact)(?: WHERE (.+?))? ORDER BY LastModifiedDate$/.exec(soql);
  if (!parsed) return Response.json([{ message: `unexpected query: ${soql}`, errorCode: 'MALFORMED_QUERY' }], { status: 400 });
  const fields = parsed[1].split(',').map((f) => f.trim());
  const type = parsed[2];
  const since = /LastModifiedDate >= (\S+)/.exec(parsed[3] ?? '');
  const records = [...(type === 'Account' ? data.salesforce.accounts : data.salesforce.contacts)]
    .filter((r) => !since || sfTime(r.LastModifiedDate) >= Date.parse(since[1]))
    .filter((r) => !/Email != null/.test(parsed[3] ?? '') || r.Email)
    .sort((a, b) => sfTime(a.LastModifiedDate) - sfTime(b.LastModifiedDate));
  const size = data.salesforce.pageSize;
  const page = records.slice(offset, offset + size);
  const done = offset + size >= records.length;
  let locator = [...locators].find(([, q]) => q === soql)?.[0];
  if (locator === undefined) locators.set((locator = `01gD0000000${String(locators.size + 1).padStart(4, '0')}AAA`), soql);
  return Response.json({
    totalSize: records.length,
    done,
    ...(done ? {} : { nextRecordsUrl: `/services/data/${version}/query/${locator}-${offset + size}` }),
    records: page.map((r) => ({ attributes: { type, url: `/services/data/${version}/sobjects/${type}/${r.Id}` }, ...Object.fromEntries(fields.map((f) => [f, r[f] ?? null])) })),
  });
}

/** Salesforce's datetime format, `2024-01-15T10:20:30.000+0000`. */
function sfTime(value) {
  return Date.parse(String(value ?? '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) || 0;
}
