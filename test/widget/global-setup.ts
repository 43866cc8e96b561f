/**
 * Before the widget tests: builds `dist/public/widget.js` when it is missing or older than
 * its sources, and hands its text to the tests (`inject('widgetBundle')`), which run the same
 * cases against it as against the source: a minifier bug must fail them.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const BUNDLE = 'dist/public/widget.js';
const SOURCES = ['widget/src', 'widget/vite.config.ts', 'shared/lead', 'shared/normalize'];

/** The newest modification time under `path`. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export default function setup(project: TestProject): void {
  let built = 0;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {}
  if (built < Math.max(...SOURCES.map(newest))) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'widget/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  project.provide('widgetBundle', readFileSync(BUNDLE, 'utf8'));
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The text of the built `dist/public/widget.js`. */
    widgetBundle: string;
  }
}
