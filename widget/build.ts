/**
 * `npm run build:widget`: the phone chunk's metadata (widget/phone-metadata.ts), then widget.js
 * and each lazy chunk (widget/vite.config.ts) into `dist/public/`, the demo page next to them,
 * and the sizes against their budgets (widget/size.ts, which `npm test` runs to enforce them).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { writePhoneMetadata } from './phone-metadata.ts';
import { describe, measure } from './size.ts';
import { CHUNKS, widgetConfig, type ChunkName } from './vite.config.ts';

/** Builds every file of the widget; returns the size report's lines. */
export async function buildWidget(): Promise<string[]> {
  writePhoneMetadata();
  for (const chunk of [undefined, ...(Object.keys(CHUNKS) as ChunkName[])]) {
    await build({ ...widgetConfig(chunk), logLevel: 'warn' });
  }
  // The demo host page, so `npm run dev` serves it at /demo.html.
  copyFileSync(new URL('demo.html', import.meta.url), new URL('../dist/public/demo.html', import.meta.url));
  // The example routing config, the Worker's version 0 until one is published (worker/config/store.ts).
  mkdirSync(new URL('../dist/public/config/', import.meta.url), { recursive: true });
  copyFileSync(new URL('../shared/config/examples/routing.json', import.meta.url), new URL('../dist/public/config/example.json', import.meta.url));
  // The server's phone metadata, read by the Worker once per isolate (worker/phone-metadata.ts), not bundled.
  copyFileSync(new URL('../shared/normalize/phone-metadata.json', import.meta.url), new URL('../dist/public/config/phone-metadata.json', import.meta.url));
  // The static assets' headers (the dashboard's and the demo page's CSP): worker/http/_headers.
  copyFileSync(new URL('../worker/http/_headers', import.meta.url), new URL('../dist/public/_headers', import.meta.url));
  // The style sheet of the Worker's own pages (ack link, dev outbox): worker/http/page.ts.
  copyFileSync(new URL('../worker/http/page.css', import.meta.url), new URL('../dist/public/page.css', import.meta.url));
  return measure().map(describe);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) for (const line of await buildWidget()) console.log(line);
