/**
 * The routing audit API, under `/v1/admin` (admin token): figures over a period, the leads
 * behind any figure, search, misroute reports, outcomes posted back by the CRM, and replay of
 * recent real leads against a proposed config (config versions: config-api.ts).
 */
import { Hono } from 'hono/tiny';
import { parseConfig } from '../../shared/config/parse.ts';
import { poolShares } from '../../shared/metrics/fairness.ts';
import { dayOf } from '../../shared/metrics/rollup.ts';
import { STAGES, type Stage } from '../../shared/metrics/types.ts';
import { replay } from '../../shared/routing/replay.ts';
import type { AppEnv } from '../app-env.ts';
import { leadObject } from '../lead/lead-id.ts';
import { ownerRef } from '../lead/owner-ref.ts';
import { parseLeadFilter } from '../metrics/lead-filter.ts';
import { parseDuration } from '../../shared/time/duration.ts';
import { metricsStore } from '../metrics/store.ts';

/** The audit routes, mounted inside the admin app. */
export const audit = new Hono<{ Bindings: AppEnv }>();

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
/** The longest period asked at once: about two years of weekly shards. */
const MAX_DAYS = 731;
const REPLAY_DEFAULT = 500;
const REPLAY_MAX = 5_000;

const invalid = (field: string, message: string) => ({ error: 'invalid_request', message, issues: [{ field, code: 'invalid', message }] });

audit.get('/metrics', async function readMetrics(c) {
  const parsed = parseLeadFilter({ from: c.req.query('from'), to: c.req.query('to'), asOf: c.req.query('asOf') });
  if (!parsed.ok) return c.json(invalid(parsed.field, parsed.message), 400);
  const now = parsed.filter.asOf ?? Date.now();
  const to = parsed.filter.to ?? dayOf(now);
  const from = parsed.filter.from ?? dayOf(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS);
  if (from > to) return c.json(invalid('from', 'from must not be after to'), 400);
  if (Date.parse(to) - Date.parse(from) > MAX_DAYS * DAY_MS) return c.json(invalid('from', `a period is at most ${MAX_DAYS} days`), 400);
  const [report, { config, version }] = await Promise.all([metricsStore(c.env).report(from, to, now), c.env.ROUTER.getByName('global').config()]);
  const counts = Object.fromEntries(report.by.pool_rep.map((k) => [k.key, k.figures.counters.leads]));
  return c.json({ ...report, configVersion: version, pools: poolShares(config, counts) });
});

audit.get('/leads', async function listLeads(c) {
  const q = c.req.query('q');
  if (q !== undefined) {
    const { config } = await c.env.ROUTER.getByName('global').config();
    // Search reaches back as far as leads keep personal data: the config's retention.
    const retention = parseDuration((config as { retention?: string }).retention ?? '') ?? undefined;
    return c.json({ leads: await metricsStore(c.env, retention).search(q.slice(0, 200), Date.now()) });
  }
  const parsed = parseLeadFilter(c.req.query());
  if (!parsed.ok) return c.json(invalid(parsed.field, parsed.message), 400);
  const { from, to } = parsed.filter;
  if (from && to && (from > to || Date.parse(to) - Date.parse(from) > MAX_DAYS * DAY_MS))
    return c.json(invalid('from', `from must not be after to, and a period is at most ${MAX_DAYS} days`), 400);
  return c.json(await metricsStore(c.env).leads(parsed.filter, parsed.filter.asOf ?? Date.now()));
});

audit.post('/leads/:id/misroute', async function reportMisroute(c) {
  const body = (await c.req.json().catch(() => ({}))) as { to?: unknown; note?: unknown; by?: unknown };
  const { config } = await c.env.ROUTER.getByName('global').config();
  const to = ownerRef(config, body.to);
  if (!to) return c.json(invalid('to', 'to must name a rep or a queue of the current config, like "dana" or "queue:triage"'), 400);
  const note = typeof body.note === 'string' ? body.note.trim().slice(0, 500) : undefined;
  const by = typeof body.by === 'string' && body.by.trim() ? body.by.trim().slice(0, 80) : 'admin';
  const record = await leadObject(c.env, c.req.param('id')).reportMisroute(c.req.param('id'), to, by, Date.now(), note);
  return record ? c.json({ misrouted: record.misrouted }) : c.json({ error: 'not_found', message: `No lead ${c.req.param('id')}` }, 404);
});

audit.post('/leads/:id/spot-check', async function reportSpotCheck(c) {
  const body = (await c.req.json().catch(() => ({}))) as { by?: unknown };
  const by = typeof body.by === 'string' && body.by.trim() ? body.by.trim().slice(0, 80) : 'admin';
  const record = await leadObject(c.env, c.req.param('id')).reportSpotCheck(c.req.param('id'), by, Date.now());
  return record ? c.json({ spotChecked: record.spotChecked }) : c.json({ error: 'not_found', message: `No lead ${c.req.param('id')}` }, 404);
});

audit.post('/leads/:id/outcome', async function reportOutcome(c) {
  const body = (await c.req.json().catch(() => ({}))) as { stage?: unknown; by?: unknown };
  if (typeof body.stage !== 'string' || !(STAGES as readonly string[]).includes(body.stage))
    return c.json(invalid('stage', `stage must be one of ${STAGES.join(', ')}`), 400);
  const by = typeof body.by === 'string' && body.by.trim() ? body.by.trim().slice(0, 80) : 'crm';
  const record = await leadObject(c.env, c.req.param('id')).reportStage(c.req.param('id'), body.stage as Stage, by, Date.now());
  return record ? c.json({ stage: record.stage }) : c.json({ error: 'not_found', message: `No lead ${c.req.param('id')}` }, 404);
});

audit.post('/replay', async function replayLeads(c) {
  const body = (await c.req.json().catch(() => undefined)) as { config?: unknown; limit?: unknown } | undefined;
  if (body?.config === undefined) return c.json(invalid('config', 'Send { config, limit? }: the proposed config to replay recent leads against'), 400);
  const limit = body.limit === undefined ? REPLAY_DEFAULT : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > REPLAY_MAX) return c.json(invalid('limit', `limit must be a whole number from 1 to ${REPLAY_MAX}`), 400);
  const proposed = parseConfig(body.config);
  if (!proposed.ok) return c.json({ error: 'invalid_config', message: 'The proposed config is invalid', issues: proposed.issues }, 400);
  const [sample, { config, version }] = await Promise.all([metricsStore(c.env).replaySample(limit, Date.now()), c.env.ROUTER.getByName('global').config()]);
  return c.json({ configVersion: version, warnings: proposed.warnings, ...replay(sample, config, proposed.config) });
});
