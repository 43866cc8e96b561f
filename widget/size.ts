/**
 * The widget's size budgets, on what browsers get (gzip level 9): `widget.js` as the Worker
 * serves it, the example config's form specs inlined in front of the built bundle (built by
 * the Worker's own `widgetBody`, so the check cannot drift from what is served), at most
 * 10 KiB; the same with the Spanish strings inlined (`widget.js?lang=es`), at most 10 KiB too,
 * since that one response is a Spanish page's whole first load; the phone chunk (libphonenumber-js
 * and its metadata) at most 15 KiB; the other lazy chunks at most 2 KiB each. Prints every file;
 * exits 1 when one is over. Run after the build: `node widget/size.ts` (`npm run size:widget`).
 * `WIDGET_ROUTING_CONFIG=my-config.json` measures with a deployment's own config.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseConfig } from '../shared/config/parse.ts';
import { formSpecs, widgetBody } from '../worker/http/form-specs.ts';
import { CHUNKS, type ChunkName } from './vite.config.ts';

const KIB = 1024;
/** Budgets in bytes of gzip, by chunk; widget.js's is {@link WIDGET_BUDGET}. */
const CHUNK_BUDGETS: Record<ChunkName, number> = { es: 2 * KIB, email: 2 * KIB, phone: 15 * KIB };
/** widget.js's budget as served (with its inlined specs), in bytes of gzip. */
export const WIDGET_BUDGET = 10 * KIB;

/** One served or built file's sizes. */
export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
  budget: number;
}

const built = (file: string) => readFileSync(new URL(`../dist/public/${file}`, import.meta.url), 'utf8');

/** The routing config the served specs come from: the example, or `WIDGET_ROUTING_CONFIG`. */
function routingConfig() {
  const path = process.env.WIDGET_ROUTING_CONFIG ?? fileURLToPath(new URL('../shared/config/examples/routing.json', import.meta.url));
  const parsed = parseConfig(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`${path}: not a valid routing config: ${JSON.stringify(parsed.issues)}`);
  return parsed.config;
}

const size = (file: string, text: string, budget: number): FileSize => {
  const bytes = Buffer.from(text);
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, budget };
};

/** The sizes of widget.js as served (English, Spanish) and of every chunk, as built. */
export function measure(): FileSize[] {
  const bundle = built('widget.js');
  const forms = formSpecs(routingConfig());
  return [
    size('widget.js (served)', widgetBody(bundle, forms), WIDGET_BUDGET),
    size('widget.js?lang=es (served)', widgetBody(bundle, forms, built('widget-es.js')), WIDGET_BUDGET),
    ...Object.keys(CHUNKS).map((name) => size(`widget-${name}.js`, built(`widget-${name}.js`), CHUNK_BUDGETS[name as ChunkName])),
  ];
}

/** One line of the report. */
export const describe = ({ file, bytes, gzip, budget }: FileSize): string =>
  `${gzip > budget ? '✗' : '✓'} ${file}: ${bytes} bytes, ${gzip} bytes gzip (budget ${budget}, ${budget - gzip} left)`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = measure();
  for (const line of sizes) (line.gzip > line.budget ? console.error : console.log)(describe(line));
  console.log(`  (the bundle alone, dist/public/widget.js: ${gzipSync(built('widget.js'), { level: 9 }).length} bytes gzip)`);
  if (sizes.some((line) => line.gzip > line.budget)) process.exit(1);
}
