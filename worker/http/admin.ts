/**
 * `/v1/admin/*`: RevOps and operators, behind the admin bearer token. Read a lead with its
 * decision, trace and timeline; the deployment's health; the routing config and its versions
 * (config-api.ts); dry-run test leads against the live or a proposed config with no side effects.
 * Every body must be a JSON object and every lead id well formed before anything is touched.
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { parseConfig } from '../../shared/config/parse.ts';
import { TestLeadFileSchema, runTestLeads } from '../../shared/config/test-leads.ts';
import { adminToken, type AppEnv } from '../app-env.ts';
import { leadObject } from '../lead/lead-id.ts';
import { bodyOf, invalid, jsonObjectBody, leadIdParam } from './admin-input.ts';
import { accounts } from './accounts.ts';
import { audit } from './audit.ts';
import { configApi } from './config-api.ts';
import { healthDetail, tokenMatches } from './health.ts';
import { refusals } from './refusals.ts';
import { people } from './people.ts';
import { readCorrections } from '../lead/corrections.ts';
import { ensurePhoneMetadata } from '../phone-metadata.ts';

/** The admin routes, mounted at `/v1/admin`. */
export const admin = new Hono<{ Bindings: AppEnv }>();

function unauthorized(c: Context, message: string): Response {
  c.header('WWW-Authenticate', 'Bearer realm="lead-router"');
  return c.json({ error: 'unauthorized', message }, 401);
}

/** Most test leads one dry run routes (each is a full decision with its trace). */
const DRY_RUN_MAX = 500;

admin.use('*', async function requireAdmin(c, next) {
  const token = adminToken(c.env);
  if (!token) return unauthorized(c, 'Admin is closed: set the ADMIN_TOKEN secret');
  const header = c.req.header('Authorization');
  if (header === undefined) return unauthorized(c, 'Send Authorization: Bearer <admin token>');
  const match = /^Bearer +([\w.~+/=-]+) *$/i.exec(header);
  if (!match) return unauthorized(c, 'Malformed Authorization header');
  if (!(await tokenMatches(match[1]!, token))) return unauthorized(c, 'Wrong admin token');
  await next();
});
admin.use('*', jsonObjectBody);
admin.use('/leads/:id', leadIdParam);
admin.use('/leads/:id/*', leadIdParam);

admin.get('/health', async function readHealth(c) {
  const detail = await healthDetail(c.env);
  return c.json(detail, detail.ok ? 200 : 503);
});

admin.get('/leads/:id', async function readLead(c) {
  const id = c.req.param('id');
  const view = await leadObject(c.env, id).view(id);
  return view ? c.json(view) : c.json({ error: 'not_found', message: `No lead ${c.req.param('id')}` }, 404);
});

admin.post('/leads/:id/close', async function closeLead(c) {
  const body = await bodyOf(c);
  const outcome = typeof body['outcome'] === 'string' && body['outcome'].trim() ? body['outcome'].trim().slice(0, 80) : undefined;
  if (!outcome)
    return c.json(
      {
        error: 'invalid_request',
        message: 'Send { outcome: "won" | "lost" | "disqualified" | … }',
        issues: [{ field: 'outcome', code: 'required', message: 'outcome is required' }],
      },
      400,
    );
  const by = typeof body['by'] === 'string' ? body['by'].slice(0, 80) : 'admin';
  const record = await leadObject(c.env, c.req.param('id')).close(c.req.param('id'), outcome, by, Date.now());
  return record ? c.json({ closed: record.closed }) : c.json({ error: 'not_found', message: `No lead ${c.req.param('id')}` }, 404);
});

admin.post('/leads/:id/reroute', async function correctAndReroute(c) {
  const body = (await c.req.json().catch(() => null)) as { fields?: unknown; by?: unknown } | null;
  const read = readCorrections(body?.fields ?? {});
  if (!read.ok) return c.json({ error: 'invalid_request', message: 'Some corrections cannot be used', issues: read.issues }, 400);
  const by = typeof body?.by === 'string' && body.by.trim() ? body.by.trim().slice(0, 80) : 'admin';
  const id = c.req.param('id');
  const result = await leadObject(c.env, id).reroute(id, read.fields, by, Date.now());
  if (result.ok) return c.json({ record: result.record });
  if (result.reason === 'not_found') return c.json({ error: 'not_found', message: `No lead ${id}` }, 404);
  if (result.reason === 'ended') return c.json({ error: 'ended', message: 'The lead is closed, won or lost: it is not routed again' }, 409);
  return c.json({ error: 'invalid_lead', message: 'Some corrections cannot be used', issues: 'issues' in result ? result.issues : [] }, 400);
});

admin.post('/leads/:id/rescue', async function rescueLead(c) {
  const body = await bodyOf(c);
  const by = typeof body['by'] === 'string' && body['by'].trim() ? body['by'].trim().slice(0, 80) : 'admin';
  const id = c.req.param('id');
  const result = await leadObject(c.env, id).rescue(id, by, Date.now());
  if (result.ok) return c.json({ record: result.record });
  if (result.reason === 'not_found') return c.json({ error: 'not_found', message: `No lead ${id}` }, 404);
  return c.json({ error: 'not_junk', message: 'Only a lead in junk review can be marked real' }, 409);
});

admin.get('/state', async function readState(c) {
  return c.json(await c.env.ROUTER.getByName('global').snapshot());
});

admin.post('/route', async function dryRun(c) {
  const body = await bodyOf(c);
  if (Array.isArray(body['leads']) && body['leads'].length > DRY_RUN_MAX) return c.json(invalid('leads', `A dry run routes at most ${DRY_RUN_MAX} leads`), 400);
  const file = TestLeadFileSchema.safeParse({ leads: body['leads'], ...(body['at'] === undefined ? {} : { at: body['at'] }) });
  if (!file.success)
    return c.json(
      {
        error: 'invalid_test_leads',
        message: 'Send { leads: [...], config? }',
        issues: file.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
      400,
    );
  const router = c.env.ROUTER.getByName('global');
  await ensurePhoneMetadata(c.env);
  let config = (await router.config()).config;
  let warnings: unknown[] = [];
  if (body['config'] !== undefined) {
    const proposed = parseConfig(body['config']);
    if (!proposed.ok) return c.json({ error: 'invalid_config', message: 'The proposed config is invalid', issues: proposed.issues }, 400);
    config = proposed.config;
    warnings = proposed.warnings;
  }
  const { configVersion: _v, ...state } = await router.snapshot();
  const results = runTestLeads(file.data, config, Date.now(), state);
  return c.json({
    proposed: body['config'] !== undefined,
    warnings,
    results: results.map(({ decision, ...rest }) => ({ ...rest, decision: decision && { ...decision, trace: undefined } })),
  });
});

admin.route('/', configApi);
admin.route('/', audit);
admin.route('/', refusals);
admin.route('/', people);
admin.route('/accounts', accounts);
