/**
 * Leads from other sources (issue 11, Deliver 5), mounted at `/v1/sources`: HubSpot's
 * contact-creation webhook (`/hubspot`, its v3 signature), a Salesforce Flow or Apex callout
 * (`/salesforce`) and any other system's signed JSON (`/webhook`), both signed with our
 * `X-Lead-Router-Signature` scheme under their own secret. Each record goes the way a form lead
 * goes (worker/sources/admit.ts). A refused signature is a 401 with the reason; a setting
 * missing, a 503 naming it; a failure upstream (HubSpot's read, an object), a 503 the sender
 * retries: its repeat finds what was already admitted.
 */
import { Hono } from 'hono/tiny';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import type { FieldIssue } from '../../shared/lead/types.ts';
import type { AppEnv } from '../app-env.ts';
import { currentConfig } from '../config/store.ts';
import type { Admitted } from '../lead/admission.ts';
import { ensurePhoneMetadata } from '../phone-metadata.ts';
import { admitFromSource, type SourceContext, type SourceLead, type SourceOutcome } from '../sources/admit.ts';
import { postedLead } from '../sources/generic.ts';
import { contactLead, createdContacts, readContacts } from '../sources/hubspot.ts';
import { postedLeads, salesforceLead } from '../sources/salesforce.ts';
import { verifyHubspot, verifySigned, type Verdict } from '../sources/signature.ts';

/** Largest accepted body: 200 Leads of an Apex trigger with long descriptions. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

type SourcesEnv = { Bindings: AppEnv };
type C = Context<SourcesEnv>;

/** The source routes, mounted at `/v1/sources`. */
export const sources = new Hono<SourcesEnv>();

sources.use(
  '*',
  bodyLimit({ maxSize: MAX_SOURCE_BYTES, onError: (c) => c.json({ error: 'too_large', message: `The request body is over ${MAX_SOURCE_BYTES / 1024} KB` }, 413) }),
);

sources.post('/hubspot', async function hubspotContacts(c) {
  const secret = c.env.HUBSPOT_CLIENT_SECRET;
  if (!secret) return notConfigured(c, 'HUBSPOT_CLIENT_SECRET');
  const body = await c.req.text();
  const verdict = await verifyHubspot(secret, c.req.method, c.req.url, body, c.req.header('X-HubSpot-Signature-v3'), c.req.header('X-HubSpot-Request-Timestamp'), Date.now());
  if (!verdict.ok) return refused(c, verdict);
  const events = parse(body);
  if (!Array.isArray(events)) return c.json({ error: 'invalid_json', message: 'Expected the JSON array of events HubSpot sends' }, 400);
  const { ids, portal } = createdContacts(events);
  if (ids.length === 0) return c.json({ leads: [], skipped: [] });
  if (!c.env.HUBSPOT_TOKEN) return notConfigured(c, 'HUBSPOT_TOKEN');
  const read = await readContacts(c.env, ids);
  if (!read.ok) {
    c.header('Retry-After', read.retryAfter ?? '60');
    return c.json({ error: 'upstream', message: read.message }, 503);
  }
  const items = await Promise.all(read.contacts.map(async (contact) => ({ ref: contact.id, item: await contactLead(c.env, contact, portal) })));
  const { admitted, skipped, failed } = await admitAll(c, items);
  if (failed) return retryLater(c);
  return c.json({
    leads: admitted.map(({ ref, outcome }) => ({ contactId: ref, leadId: outcome.leadId, owner: { name: outcome.owner.name } })),
    skipped: [...skipped.map(({ ref, reason }) => ({ contactId: ref, reason })), ...read.missing.map((id) => ({ contactId: id, reason: 'not found in HubSpot (deleted since?)' }))],
  });
});

sources.post('/salesforce', async function salesforceLeads(c) {
  const secret = c.env.SALESFORCE_WEBHOOK_SECRET;
  if (!secret) return notConfigured(c, 'SALESFORCE_WEBHOOK_SECRET');
  const body = await c.req.text();
  const verdict = await verifySigned(secret, c.req.header('X-Lead-Router-Signature'), body, Date.now(), 'SALESFORCE_WEBHOOK_SECRET');
  if (!verdict.ok) return refused(c, verdict);
  const records = postedLeads(parse(body));
  if (!records) return c.json({ error: 'invalid_json', message: 'Expected a Lead as JSON.serialize writes it, a list of up to 200, or { "records": [...] }' }, 400);
  const items = records.map((record, i) => {
    const item = salesforceLead(record);
    return { ref: 'skip' in item ? (item.id ?? `#${i + 1}`) : item.origin.id, item };
  });
  const { admitted, skipped, failed } = await admitAll(c, items);
  if (failed) return retryLater(c);
  return c.json({
    leads: admitted.map(({ ref, outcome }) => ({ id: ref, leadId: outcome.leadId, owner: { name: outcome.owner.name } })),
    skipped: skipped.map(({ ref, reason }) => ({ id: ref, reason })),
  });
});

sources.post('/webhook', async function signedJson(c) {
  const secret = c.env.SOURCE_WEBHOOK_SECRET;
  if (!secret) return notConfigured(c, 'SOURCE_WEBHOOK_SECRET');
  const body = await c.req.text();
  const verdict = await verifySigned(secret, c.req.header('X-Lead-Router-Signature'), body, Date.now(), 'SOURCE_WEBHOOK_SECRET');
  if (!verdict.ok) return refused(c, verdict);
  const item = postedLead(parse(body));
  if ('issues' in item) return invalid(c, item.issues);
  const receivedAt = Date.now();
  const outcome = await admitFromSource(sourceContext(c), await configOf(c, receivedAt), item, receivedAt);
  if (!outcome.ok) return invalid(c, outcome.issues);
  // As the intake answers: who answers and when, nothing of how routing works.
  const minutes = Math.max(1, Math.round(outcome.slaMs / 60_000));
  return c.json({ leadId: outcome.leadId, owner: { name: outcome.junk ? null : outcome.owner.name }, respondWithin: outcome.junk ? null : { minutes } }, 202);
});

/** Admits records side by side; an admission that throws makes the whole delivery a retry (repeats are answered, not admitted twice). */
async function admitAll(c: C, items: { ref: string; item: SourceLead | { skip: string } | { known: Admitted } }[]) {
  const receivedAt = Date.now();
  const config = await configOf(c, receivedAt);
  const ctx = sourceContext(c);
  const admitted: { ref: string; outcome: Extract<SourceOutcome, { ok: true }> }[] = [];
  const skipped: { ref: string; reason: string }[] = [];
  const results = await Promise.allSettled(
    items.map(({ item }): Promise<SourceOutcome | undefined> => ('skip' in item ? Promise.resolve(undefined) : 'known' in item ? Promise.resolve({ ok: true, ...item.known }) : admitFromSource(ctx, config, item, receivedAt))),
  );
  let failed = false;
  results.forEach((result, i) => {
    const { ref, item } = items[i]!;
    if ('skip' in item) skipped.push({ ref, reason: item.skip });
    else if (result.status === 'rejected') failed = true;
    else if (result.value?.ok) admitted.push({ ref, outcome: result.value });
    else if (result.value) skipped.push({ ref, reason: `cannot be read: ${result.value.issues.map((i) => `${i.field} ${i.message}`).join('; ')}` });
  });
  return { admitted, skipped, failed };
}

async function configOf(c: C, now: number): Promise<RoutingConfig> {
  const [{ config }] = await Promise.all([currentConfig(c.env.LEADS_KV, now, c.env.ROUTER.getByName('global')), ensurePhoneMetadata(c.env)]);
  return config;
}

function sourceContext(c: C): SourceContext {
  return { env: c.env, waitUntil: (work) => c.executionCtx.waitUntil(work), publicUrl: c.env.PUBLIC_URL ?? new URL(c.req.url).origin };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function refused(c: C, verdict: Extract<Verdict, { ok: false }>) {
  return c.json({ error: verdict.error, message: verdict.message }, 401);
}

function notConfigured(c: C, setting: string) {
  c.header('Retry-After', '300');
  return c.json({ error: 'not_configured', message: `This source is not set up: ${setting} is not set`, missing: [setting] }, 503);
}

function invalid(c: C, issues: FieldIssue[]) {
  return c.json({ error: 'invalid_lead', message: 'The lead cannot be read', issues }, 400);
}

function retryLater(c: C) {
  c.header('Retry-After', '30');
  return c.json({ error: 'unavailable', message: 'Some records could not be admitted right now: send the same request again (those already admitted are not admitted twice)' }, 503);
}
