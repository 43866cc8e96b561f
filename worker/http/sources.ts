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
import { currentConfig, routerSource } from '../config/store.ts';
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
  bodyLimit({
    maxSize: MAX_SOURCE_BYTES,
    onError: (c) => c.json({ error: 'too_large', message: `The request body is over ${MAX_SOURCE_BYTES / 1024} KB` }, 413),
  }),
);

sources.post('/hubspot', async function hubspotContacts(c) {
  const events = await signedBody(c, 'HUBSPOT_CLIENT_SECRET', (secret, body) =>
    verifyHubspot(secret, c.req.method, c.req.url, body, c.req.header('X-HubSpot-Signature-v3'), c.req.header('X-HubSpot-Request-Timestamp'), Date.now()),
  );
  if (events instanceof Response) return events;
  if (!Array.isArray(events)) return badBody(c, 'Expected the JSON array of events HubSpot sends');
  const { ids, portal } = createdContacts(events);
  if (ids.length === 0) return c.json({ leads: [], skipped: [] });
  if (!c.env.HUBSPOT_TOKEN) return notConfigured(c, 'HUBSPOT_TOKEN');
  const read = await readContacts(c.env, ids);
  if (!read.ok) {
    c.header('Retry-After', read.retryAfter ?? '60');
    return c.json({ error: 'upstream', message: read.message }, 503);
  }
  const items = await Promise.all(read.contacts.map(async (contact) => ({ ref: contact.id, item: await contactLead(c.env, contact, portal) })));
  const missing = read.missing.map((ref) => ({ ref, item: { skip: 'not found in HubSpot (deleted since?)' } }));
  return admitAll(c, [...items, ...missing], 'contactId');
});

sources.post('/salesforce', async function salesforceLeads(c) {
  const body = await signedBody(c, 'SALESFORCE_WEBHOOK_SECRET', signedWith(c, 'SALESFORCE_WEBHOOK_SECRET'));
  if (body instanceof Response) return body;
  const records = postedLeads(body);
  if (!records) return badBody(c, 'Expected a Lead as JSON.serialize writes it, a list of up to 200, or { "records": [...] }');
  const items = await Promise.all(
    records.map(async (record, i) => {
      const item = await salesforceLead(c.env, record);
      return { ref: typeof record['Id'] === 'string' ? record['Id'] : `#${i + 1}`, item };
    }),
  );
  return admitAll(c, items, 'id');
});

sources.post('/webhook', async function signedJson(c) {
  const body = await signedBody(c, 'SOURCE_WEBHOOK_SECRET', signedWith(c, 'SOURCE_WEBHOOK_SECRET'));
  if (body instanceof Response) return body;
  const item = postedLead(body);
  if ('issues' in item) return invalid(c, item.issues);
  const receivedAt = Date.now();
  const outcome = await admitFromSource(sourceContext(c), await configOf(c, receivedAt), item, receivedAt);
  if (!outcome.ok) return invalid(c, outcome.issues);
  // As the intake answers: who answers and when, nothing of how routing works.
  const minutes = Math.max(1, Math.round(outcome.slaMs / 60_000));
  return c.json({ leadId: outcome.leadId, owner: { name: outcome.junk ? null : outcome.owner.name }, respondWithin: outcome.junk ? null : { minutes } }, 202);
});

type Secret = 'HUBSPOT_CLIENT_SECRET' | 'SALESFORCE_WEBHOOK_SECRET' | 'SOURCE_WEBHOOK_SECRET';

/** The body, parsed, once its signature is verified under the secret `name`; else the refusal (503 unset, 401 refused, 400 not JSON). */
async function signedBody(c: C, name: Secret, verify: (secret: string, body: string) => Promise<Verdict>): Promise<unknown> {
  const secret = c.env[name];
  if (!secret) return notConfigured(c, name);
  const body = await c.req.text();
  const verdict = await verify(secret, body);
  if (!verdict.ok) return c.json({ error: verdict.error, message: verdict.message }, 401);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return badBody(c, 'The body is not JSON');
  }
}

/** Our `X-Lead-Router-Signature` check under the secret `name`. */
function signedWith(c: C, name: Secret) {
  return (secret: string, body: string) => verifySigned(secret, c.req.header('X-Lead-Router-Signature'), body, Date.now(), name);
}

/**
 * Admits records side by side and answers `{ leads, skipped }`, each under the record's id
 * (`refName`). An admission that throws makes the whole delivery a 503 to retry: what was
 * admitted is answered, not admitted again.
 */
async function admitAll(c: C, items: { ref: string; item: SourceLead | { skip: string } | { known: Admitted } }[], refName: string) {
  const receivedAt = Date.now();
  const config = await configOf(c, receivedAt);
  const ctx = sourceContext(c);
  const leads: Record<string, unknown>[] = [];
  const skipped: Record<string, string>[] = [];
  const results = await Promise.allSettled(
    items.map(({ item }): Promise<SourceOutcome | undefined> =>
      'skip' in item
        ? Promise.resolve(undefined)
        : 'known' in item
          ? Promise.resolve({ ok: true, ...item.known })
          : admitFromSource(ctx, config, item, receivedAt),
    ),
  );
  for (const [i, result] of results.entries()) {
    const { ref, item } = items[i]!;
    if (result.status === 'rejected') {
      c.header('Retry-After', '30');
      return c.json(
        {
          error: 'unavailable',
          message: 'Some records could not be admitted right now: send the same request again (those already admitted are not admitted twice)',
        },
        503,
      );
    }
    const outcome = result.value;
    if ('skip' in item) skipped.push({ [refName]: ref, reason: item.skip });
    else if (outcome?.ok) leads.push({ [refName]: ref, leadId: outcome.leadId, owner: { name: outcome.owner.name } });
    else if (outcome) skipped.push({ [refName]: ref, reason: `cannot be read: ${outcome.issues.map((x) => `${x.field} ${x.message}`).join('; ')}` });
  }
  return c.json({ leads, skipped });
}

async function configOf(c: C, now: number): Promise<RoutingConfig> {
  const [{ config }] = await Promise.all([currentConfig(c.env.LEADS_KV, now, routerSource(c.env)), ensurePhoneMetadata(c.env)]);
  return config;
}

function sourceContext(c: C): SourceContext {
  return { env: c.env, waitUntil: (work) => c.executionCtx.waitUntil(work), publicUrl: c.env.PUBLIC_URL ?? new URL(c.req.url).origin };
}

function notConfigured(c: C, setting: string) {
  c.header('Retry-After', '300');
  return c.json({ error: 'not_configured', message: `This source is not set up: ${setting} is not set`, missing: [setting] }, 503);
}

function badBody(c: C, message: string) {
  return c.json({ error: 'invalid_json', message }, 400);
}

function invalid(c: C, issues: FieldIssue[]) {
  return c.json({ error: 'invalid_lead', message: 'The lead cannot be read', issues }, 400);
}
