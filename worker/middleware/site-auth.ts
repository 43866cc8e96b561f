/**
 * Site key and origin check, with the CORS answers that go with it: a browser on an allowed
 * origin gets the headers it needs; anyone else gets a 403 that says which check failed.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { originAllowed, sitesOf } from '../sites.ts';

/** Request headers the widget sends. */
const ALLOWED_HEADERS = 'Content-Type, X-Site-Key, Idempotency-Key';

/**
 * Checks `X-Site-Key` (or `?site=`) against `SITES` and the `Origin` against the site's list.
 * Sets `site` for the handlers; answers CORS preflights itself (by origin alone, as browsers
 * send them without header values).
 */
export function siteAuth(): MiddlewareHandler<{ Bindings: AppEnv; Variables: { site: string } }> {
  return async function siteAuthMiddleware(c, next) {
    const origin = c.req.header('Origin');
    const sites = sitesOf(c.env.SITES);
    if (c.req.method === 'OPTIONS') {
      // A preflight carries no header values, so no site key: it passes when some site allows
      // the origin; the POST that follows is checked in full.
      if (origin === undefined || !Object.values(sites).some((site) => originAllowed(site, origin))) {
        return c.json({ error: 'forbidden', message: `Origin ${origin} is not allowed for any site` }, 403);
      }
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    const key = c.req.header('X-Site-Key') ?? c.req.query('site');
    const site = key === undefined ? undefined : sites[key];
    if (!site) {
      return c.json({ error: 'forbidden', message: key === undefined ? 'Missing site key (X-Site-Key header)' : `Unknown site key "${key}"` }, 403);
    }
    if (!originAllowed(site, origin)) {
      return c.json({ error: 'forbidden', message: `Origin ${origin} is not allowed for site "${key}"` }, 403);
    }
    if (origin !== undefined) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    c.set('site', key!);
    await next();
  };
}
