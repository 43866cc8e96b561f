/**
 * Site key and origin check, with the CORS answers that go with it: every answer, refusals
 * included, is readable by the page that asked, and anyone refused gets a 403 that says which
 * check failed (and is counted, see refusal-count.ts).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { originAllowed, sitesOf } from '../sites.ts';
import { countRefusal } from './refusal-count.ts';

/** Request headers the widget sends. */
const ALLOWED_HEADERS = 'Content-Type, X-Site-Key, Idempotency-Key';

/**
 * Checks `X-Site-Key` (or `?site=`) against `SITES` and the `Origin` against the site's list.
 * Sets `site` for the handlers; answers CORS preflights itself.
 *
 * CORS is granted to every origin, the refused ones too, and that is safe: CORS only decides
 * whether a page's script may *read* an answer; it authorises nothing. The authority is this
 * check, run on the POST itself, which a refused origin still fails, storing nothing. What a
 * refused page can then read is its 403 ("Origin https://x is not allowed for site "demo""),
 * telling it only what it sent; no cookies or other credentials are involved (no
 * `Access-Control-Allow-Credentials`), so no one's session can be borrowed; and anyone outside
 * a browser could always send the POST and read the answer. Without it the browser turned the
 * 403 into a network error, and the widget retried forever, the visitor and the marketer none
 * the wiser. The preflight carries no header values (no site key), so it cannot be checked: it
 * lets the POST be sent, and the POST is checked in full.
 */
export function siteAuth(): MiddlewareHandler<{ Bindings: AppEnv; Variables: { site: string } }> {
  return async function siteAuthMiddleware(c, next) {
    const origin = c.req.header('Origin');
    // Set first, so every later answer carries them: 4xx of the handlers, and the 500s and 503s
    // of the app's onError, which answer through the same context.
    if (origin !== undefined) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    const sites = sitesOf(c.env.SITES);
    const key = c.req.header('X-Site-Key') ?? c.req.query('site');
    const site = key === undefined ? undefined : sites[key];
    if (!site || !originAllowed(site, origin)) {
      // Only lead submissions count: a refused one is a lead lost unless someone looks.
      if (c.req.method === 'POST') countRefusal(c.env, c.executionCtx, { site: key ?? '', origin: origin ?? '', reason: site ? 'origin' : 'site' });
      const message = !site
        ? key === undefined
          ? 'Missing site key (X-Site-Key header)'
          : `Unknown site key "${key}"`
        : `Origin ${origin} is not allowed for site "${key}"`;
      return c.json({ error: 'forbidden', message }, 403);
    }
    c.set('site', key!);
    await next();
  };
}
