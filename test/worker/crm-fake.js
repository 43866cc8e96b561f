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
 * `{ hubspot?: { companies?, contacts? }, salesforce?: { accounts?, contacts?, leads?, pageSize? } }`
 * (HubSpot records as `{ id, properties }`; Salesforce records as the API's field names).
 *
 * For leads from the CRMs (issue 11, Deliver 5) it also answers HubSpot's contact reads by id
 * (`POST /crm/v3/objects/contacts/batch/read`: 200, or 207 with an `OBJECT_NOT_FOUND` error
 * for ids it does not hold) and the owner written back onto a contact (`PATCH
 * /crm/v3/objects/contacts/{id}`), and Salesforce's update of a Lead by its Id (`PATCH
 * /services/data/vXX.X/sobjects/Lead/{Id}`: 204, or 404 `NOT_FOUND`). Writes change the
 * seeded records, so a test reads what the CRM holds afterwards (`GET /crm` on the control host).
 */

const SEARCH_LIMIT = 10_000;

let data = empty();
/** Salesforce query locators → their SOQL, as the API keeps a cursor server-side. */
let locators = new Map();

function empty() {
  return { hubspot: { companies: [], contacts: [] }, salesforce: { accounts: [], contacts: [], leads: [], pageSize: 2000 } };
}

/** Control: `POST /crm` seeds (replacing what is given), `POST /reset` forgets. @returns a Response, or undefined when not a CRM control route */
export async function crmControl(request, url) {
  if (request.method === 'POST' && url.pathname === '/crm') {
    const seed = await request.json();
    if (seed.hubspot) data.hubspot = { ...data.hubspot, ...seed.hubspot };
    if (seed.salesforce) data.salesforce = { ...data.salesforce, ...seed.salesforce };
    return Response.json({ ok: true });
  }
  if (request.method === 'GET' && url.pathname === '/crm') return Response.json(data);
  if (request.method === 'POST' && url.pathname === '/reset') {
    data = empty();
    locators = new Map();
  }
  return undefined;
}

/** The CRM's answer to a read, or undefined when the request is not one. */
export function crmAnswer(request, url, body) {
  if (url.hostname === 'api.hubapi.com') return hubspotContact(request, url, body) ?? hubspot(request, url, body);
  if (url.hostname.endsWith('.my.salesforce.com') && request.method === 'GET' && /^\/services\/data\/v\d+\.\d+\/query/.test(url.pathname))
    return salesforce(request, url);
  if (url.hostname.endsWith('.my.salesforce.com') && request.method === 'PATCH') return salesforceLead(request, url, body);
  return undefined;
}

/** HubSpot's contacts by id: the batch read, and an update of one contact's properties. */
function hubspotContact(request, url, body) {
  const byId = /^\/crm\/v3\/objects\/contacts\/(\d+)$/.exec(url.pathname);
  const batchRead = url.pathname === '/crm/v3/objects/contacts/batch/read';
  if (!byId && !batchRead) return undefined;
  if (!(request.headers.get('authorization') ?? '').startsWith('Bearer '))
    return hubspotError(401, 'Authentication credentials not found.', 'INVALID_AUTHENTICATION');
  const now = new Date().toISOString();
  if (batchRead) {
    if (request.method !== 'POST') return hubspotError(405, 'Method not allowed', 'VALIDATION_ERROR');
    const read = JSON.parse(body || '{}');
    if (!Array.isArray(read.inputs) || read.inputs.length > 100) return hubspotError(400, 'inputs must hold 1 to 100 ids', 'VALIDATION_ERROR');
    const ids = read.inputs.map((i) => String(i.id));
    const found = ids.map((id) => data.hubspot.contacts.find((c) => c.id === id)).filter(Boolean);
    const missing = ids.filter((id) => !found.some((c) => c.id === id));
    const answer = { status: 'COMPLETE', results: found.map((r) => view(r, read.properties ?? [])), startedAt: now, completedAt: now };
    if (missing.length === 0) return Response.json(answer);
    const error = {
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.',
      context: { ids: missing },
    };
    return Response.json({ ...answer, numErrors: 1, errors: [error] }, { status: 207 });
  }
  const contact = data.hubspot.contacts.find((c) => c.id === byId[1]);
  if (!contact) return hubspotError(404, `resource not found`, 'OBJECT_NOT_FOUND');
  if (request.method === 'GET') return Response.json(view(contact, (url.searchParams.get('properties') ?? '').split(',').filter(Boolean)));
  if (request.method !== 'PATCH') return hubspotError(405, 'Method not allowed', 'VALIDATION_ERROR');
  const update = JSON.parse(body || '{}');
  if (typeof update.properties !== 'object' || update.properties === null) return hubspotError(400, 'properties are required', 'VALIDATION_ERROR');
  contact.properties = { ...contact.properties, ...update.properties, lastmodifieddate: now };
  return Response.json({
    id: contact.id,
    properties: { hs_object_id: contact.id, ...update.properties },
    createdAt: '2020-01-01T00:00:00.000Z',
    updatedAt: now,
    archived: false,
  });
}

/** Salesforce's update of one Lead by its record Id (the upsert by external id is the capture worker's). */
function salesforceLead(request, url, body) {
  const match = /^\/services\/data\/v\d+\.\d+\/sobjects\/Lead\/([A-Za-z0-9]{15,18})$/.exec(url.pathname);
  if (!match) return undefined;
  if (!(request.headers.get('authorization') ?? '').startsWith('Bearer '))
    return Response.json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], { status: 401 });
  const lead = data.salesforce.leads.find((l) => l.Id === match[1]);
  if (!lead) return Response.json([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }], { status: 404 });
  Object.assign(lead, JSON.parse(body || '{}'));
  return new Response(null, { status: 204 });
}

function hubspotError(status, message, category) {
  return Response.json({ status: 'error', message, correlationId: crypto.randomUUID(), category }, { status });
}

function hubspot(request, url, body) {
  const match = /^\/crm\/v3\/objects\/(companies|contacts)(\/search)?$/.exec(url.pathname);
  if (!match) return undefined;
  if (!(request.headers.get('authorization') ?? '').startsWith('Bearer '))
    return hubspotError(401, 'Authentication credentials not found.', 'INVALID_AUTHENTICATION');
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
  return Response.json({
    total: matching.length,
    results: page.map((r) => view(r, search.properties ?? [])),
    ...(more ? { paging: { next: { after: String(offset + limit) } } } : {}),
  });
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
  if (!(request.headers.get('authorization') ?? '').startsWith('Bearer '))
    return Response.json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], { status: 401 });
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
    records: page.map((r) => ({
      attributes: { type, url: `/services/data/${version}/sobjects/${type}/${r.Id}` },
      ...Object.fromEntries(fields.map((f) => [f, r[f] ?? null])),
    })),
  });
}

/** Salesforce's datetime format, `2024-01-15T10:20:30.000+0000`. */
function sfTime(value) {
  return Date.parse(String(value ?? '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) || 0;
}
