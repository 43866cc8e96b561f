/**
 * Before the widget tests: builds `dist/public/` (widget.js and its lazy chunks) when it is
 * missing or older than its sources, and hands the texts to the tests (`inject('widgetBundle')`,
 * `inject('widgetChunks')`), which run the same cases against them as against the source: a
 * minifier bug must fail them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWidget } from '../../widget/build.ts';
import { CHUNKS } from '../../widget/vite.config.ts';

const BUNDLE = 'dist/public/widget.js';
const SOURCES = [
  'widget/src',
  'widget/vite.config.ts',
  'widget/build.ts',
  'widget/phone-metadata.ts',
  'shared/lead',
  'shared/normalize',
  'shared/config/examples/routing.json',
];

/** The newest modification time under `path`. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export default async function setup(project: TestProject): Promise<void> {
  const files = [BUNDLE, ...Object.keys(CHUNKS).map((name) => `dist/public/widget-${name}.js`)];
  let built = 0;
  try {
    built = Math.min(...files.map((file) => statSync(file).mtimeMs));
  } catch {}
  if (built < Math.max(...SOURCES.map(newest))) console.log((await buildWidget()).join('\n'));
  project.provide('widgetBundle', readFileSync(BUNDLE, 'utf8'));
  project.provide('widgetChunks', Object.fromEntries(Object.keys(CHUNKS).map((name) => [name, readFileSync(`dist/public/widget-${name}.js`, 'utf8')])));
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The text of the built `dist/public/widget.js`. */
    widgetBundle: string;
    /** The text of each built lazy chunk, by name. */
    widgetChunks: Record<string, string>;
  }
}
