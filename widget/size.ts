/**
 * The widget's size budget: bytes and gzip (level 9) of the built `dist/public/widget.js`;
 * exits 1 over 10 KiB gzip. Run after the build: `node widget/size.ts`.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 10 * 1024;
const FILE = new URL('../dist/public/widget.js', import.meta.url);

const bundle = readFileSync(FILE);
const gzip = gzipSync(bundle, { level: 9 }).length;
const line = `widget.js: ${bundle.length} bytes, ${gzip} bytes gzip (budget ${BUDGET})`;
if (gzip > BUDGET) {
  console.error(`✗ ${line}`);
  process.exit(1);
}
console.log(`✓ ${line}`);
