/**
 * `GET /widget.js[?lang=es]`: the built widget (a static asset) with the live form specs in
 * front of it, and the Spanish strings when the page asks for them, so the form renders from
 * this one request (see form-specs.ts). Cached by browsers and the edge for five minutes; a
 * published config shows within that.
 */
import type { Context } from 'hono';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import type { AppEnv } from '../app-env.ts';
import { currentConfig } from '../config/store.ts';
import { formSpecs, inlineLanguage, widgetBody } from './form-specs.ts';

/** The served body per language ('' for none), for one parsed config and one build. */
let cached: { config: RoutingConfig; assetTag: string; bodies: Map<string, string> } | undefined;

/** Serves the widget bundle with `window.__leadRouterForms` set (and `?lang=`'s strings). */
export async function widgetScript(c: Context<{ Bindings: AppEnv }>): Promise<Response> {
  const asset = await c.env.ASSETS.fetch(new URL('/widget.js', c.req.url));
  if (!asset.ok) return c.text('// widget bundle missing: run `npm run build:widget`', 404);
  const { config } = await currentConfig(c.env.LEADS_KV, Date.now(), c.env.ROUTER.getByName('global'));
  const assetTag = asset.headers.get('ETag') ?? '';
  if (cached?.config !== config || cached.assetTag !== assetTag) cached = { config, assetTag, bodies: new Map() };
  const lang = inlineLanguage(c.req.query('lang')) ?? '';
  let body = cached.bodies.get(lang);
  if (body === undefined) {
    // A language chunk that cannot be read is left out: the widget then fetches it itself.
    const strings = lang ? await c.env.ASSETS.fetch(new URL(`/widget-${lang}.js`, c.req.url)).then((res) => (res.ok ? res.text() : undefined)) : undefined;
    body = widgetBody(await asset.text(), formSpecs(config), strings);
    cached.bodies.set(lang, body);
  } else await asset.body?.cancel();
  return new Response(body, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
