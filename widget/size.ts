/**
 * The widget's size budgets, on the built files in `dist/public/` (gzip level 9): widget.js,
 * what every page with a form loads, at most 10 KiB; the phone chunk (libphonenumber-js and
 * its metadata) at most 15 KiB; the other lazy chunks at most 2 KiB each. Prints every file;
 * exits 1 when one is over. Run after the build: `node widget/size.ts` (`npm run size:widget`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHUNKS, type ChunkName } from './vite.config.ts';

const KIB = 1024;
/** Budgets in bytes of gzip, by chunk; widget.js's is {@link WIDGET_BUDGET}. */
const CHUNK_BUDGETS: Record<ChunkName, number> = { es: 2 * KIB, email: 2 * KIB, phone: 15 * KIB };
/** widget.js's budget, in bytes of gzip. */
export const WIDGET_BUDGET = 10 * KIB;

/** One built file's sizes. */
export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
  budget: number;
}

/** The sizes of widget.js and every chunk, as built. */
export function measure(): FileSize[] {
  const files: [string, number][] = [['widget.js', WIDGET_BUDGET], ...Object.keys(CHUNKS).map((name): [string, number] => [`widget-${name}.js`, CHUNK_BUDGETS[name as ChunkName]])];
  return files.map(([file, budget]) => {
    const bytes = readFileSync(new URL(`../dist/public/${file}`, import.meta.url));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, budget };
  });
}

/** One line of the report. */
export const describe = ({ file, bytes, gzip, budget }: FileSize): string =>
  `${gzip > budget ? '✗' : '✓'} ${file}: ${bytes} bytes, ${gzip} bytes gzip (budget ${budget}, ${budget - gzip} left)`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = measure();
  for (const size of sizes) (size.gzip > size.budget ? console.error : console.log)(describe(size));
  if (sizes.some((size) => size.gzip > size.budget)) process.exit(1);
}
