/**
 * `POST /v1/leads`: the intake. Site and origin, rate and size limits, then the shared core
 * (validate, normalise, qualify), then the identity's object admits the lead (dedupe, route,
 * persist) before the 202 goes out. The answer tells the lead who will respond and when, and
 * nothing of how routing works. An overloaded object is answered 503 (http/overload.ts).
 */
import { Hono } from 'hono/tiny';
import { bodyLimit } from 'hono/body-limit';
import { canonicalEmail, identityKeys } from '../../shared/lead/identity.ts';
import { prepareLead } from '../../shared/lead/prepare.ts';
import type { Owner } from '../../shared/routing/types.ts';
import { parseDuration } from '../../shared/time/duration.ts';
import type { AppEnv } from '../app-env.ts';
import { currentConfig, routerSource } from '../config/store.ts';
import { beforeRouting } from '../enrichment/before-routing.ts';
import { enrichLater } from '../enrichment/enrich.ts';
import { homeTag, identityObject } from '../lead/lead-id.ts';
import { siteAuth } from '../middleware/site-auth.ts';
import { ensurePhoneMetadata } from '../phone-metadata.ts';

/** Largest accepted body: a full form with a long message is under 8 KB. */
export const MAX_BODY_BYTES = 32 * 1024;

type IntakeEnv = { Bindings: AppEnv; Variables: { site: string } };

/** The intake routes, mounted at `/v1/leads`. */
export const intake = new Hono<IntakeEnv>();

intake.use('/', siteAuth());

intake.post(
  '/',
  async function requireJson(c, next) {
    // Only JSON is read: a form post or text/plain (which browsers send cross-origin unasked) is refused plainly.
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return c.json({ error: 'unsupported_media_type', message: 'Send the lead as JSON, with Content-Type: application/json' }, 415);
    }
    await next();
  },
  async function limitRate(c, next) {
    const { success } = await c.env.INTAKE_LIMITER.limit({ key: clientOf(c.req.header('CF-Connecting-IP')) });
    if (!success) {
      c.header('Retry-After', '60');
      return c.json({ error: 'rate_limited', message: 'Too many submissions from this address: try again in a minute' }, 429);
    }
    await next();
  },
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: 'too_large', message: `The request body is over ${MAX_BODY_BYTES / 1024} KB` }, 413),
  }),
  async function acceptLead(c) {
    const receivedAt = Date.now();
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json(
        {
          error: 'invalid_json',
          message: 'The request body is not JSON',
          issues: [{ field: 'body', code: 'invalid', message: 'The request body is not JSON' }],
        },
        400,
      );
    }
    const [{ config }] = await Promise.all([currentConfig(c.env.LEADS_KV, receivedAt, routerSource(c.env)), ensurePhoneMetadata(c.env)]);
    const prepared = prepareLead(body, config);
    if (!prepared.ok) return c.json({ error: 'invalid_lead', message: 'Some fields need attention', issues: prepared.issues }, 400);

    const { qualification } = prepared;
    // The lead's account, known contact and firmographics, each within its time box (issue 11).
    const { lead, later } = await beforeRouting(c.env, prepared.lead, config, receivedAt);
    const keys = identityKeys(lead, config.dedupe.keys);
    // Without an email or phone there is nobody to dedupe against: the lead is its own identity.
    const [key = `anonymous:${crypto.randomUUID()}`, ...others] = keys;
    const home = homeTag(c.env, key);
    const idempotencyKey = c.req.header('Idempotency-Key')?.slice(0, 200);
    const admitted = await identityObject(c.env, home).admit({
      home,
      key,
      others: others.map((other) => ({ key: other, home: homeTag(c.env, other) })),
      lead,
      qualification,
      ...(lead.email ? { email: canonicalEmail(lead.email) } : {}),
      windowMs: parseDuration(config.dedupe.window)!,
      site: c.get('site'),
      receivedAt,
      client: clientOf(c.req.header('CF-Connecting-IP')),
      publicUrl: c.env.PUBLIC_URL ?? new URL(c.req.url).origin,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    if (later) c.executionCtx.waitUntil(enrichLater(c.env, admitted.leadId, later));
    // The same answer whether the person is new or returning: the 202 must not tell anyone with
    // a site key whether an address enquired before. Junk is promised nothing.
    const minutes = Math.max(1, Math.round(admitted.slaMs / 60_000));
    return c.json(
      { leadId: admitted.leadId, owner: { name: admitted.junk ? null : firstName(admitted.owner) }, respondWithin: admitted.junk ? null : { minutes } },
      202,
    );
  },
);

/** The client a rate limit counts: its address, or one bucket for local calls without one. */
function clientOf(address: string | undefined): string {
  return address ?? 'local';
}

/** A rep's first name; a queue is "our team" to the lead (null here, worded by the widget). */
function firstName(owner: Owner): string | null {
  return owner.kind === 'rep' ? (owner.name.split(/\s+/)[0] ?? owner.name) : null;
}
