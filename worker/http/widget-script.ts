/**
 * `GET /widget.js`: the built widget (a static asset) with the live form specs in front of it,
 * so the form renders from this one request. Cached by browsers and the edge for five minutes;
 * a published config shows within that.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { currentConfig } from '../config/store.ts';
import { formSpecs } from './forms.ts';

let cached: { version: number; assetTag: string; body: string } | undefined;

/** Serves the widget bundle with `window.__leadRouterForms` set. */
export async function widgetScript(c: Context<{ Bindings: AppEnv }>): Promise<Response> {
  const asset = await c.env.ASSETS.fetch(new URL('/widget.js', c.req.url));
  if (!asset.ok) return c.text('// widget bundle missing: run `npm run build:widget`', 404);
  const { version, config } = await currentConfig(c.env.LEADS_KV, Date.now(), c.env.ROUTER.getByName('global'));
  const assetTag = asset.headers.get('ETag') ?? '';
  if (!cached || cached.version !== version || cached.assetTag !== assetTag) {
    // `<` is escaped so the JSON cannot close a script element if someone inlines the file.
    const forms = JSON.stringify(formSpecs(config)).replaceAll('<', '\\u003c');
    cached = { version, assetTag, body: `window.__leadRouterForms=${forms};\n${await asset.text()}` };
  }
  return new Response(cached.body, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
