/**
 * `GET /v1/admin/refusals?days=7`: submissions refused at the edge in the last `days` days
 * (1–30, default 7), per site key, origin and reason, from `SiteHealth`, with the site's name
 * when the key is one of `SITES`. A site whose leads are all refused shows here (and on the
 * dashboard's overview) instead of going quiet.
 */
import { Hono } from 'hono/tiny';
import type { AppEnv } from '../app-env.ts';
import { KEPT_HOURS } from '../durable/site-health.ts';
import { sitesOf } from '../sites.ts';

/** The refusal routes, mounted inside the admin app. */
export const refusals = new Hono<{ Bindings: AppEnv }>();

const DEFAULT_DAYS = 7;

refusals.get('/refusals', async function readRefusals(c) {
  const raw = c.req.query('days') ?? String(DEFAULT_DAYS);
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > KEPT_HOURS / 24) {
    const message = `days must be a whole number from 1 to ${KEPT_HOURS / 24}`;
    return c.json({ error: 'invalid_request', message, issues: [{ field: 'days', code: 'invalid', message }] }, 400);
  }
  const rows = await c.env.SITE_HEALTH.getByName('global').refusals(days);
  const sites = sitesOf(c.env.SITES);
  return c.json({
    days,
    total: rows.reduce((sum, row) => sum + row.count, 0),
    refusals: rows.map((row) => ({ ...row, siteName: Object.hasOwn(sites, row.site) ? sites[row.site]!.name : null })),
  });
});
