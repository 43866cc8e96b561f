/**
 * Size budget of the deployed Worker: builds it as `wrangler deploy` would (without uploading)
 * and fails when the bundle is over 100 KiB gzip. Part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { helpRequested } from './cli.ts';

helpRequested(`
Usage: npm run size

Builds the Worker as \`wrangler deploy\` would (--dry-run, nothing uploaded) and fails when the
bundle is over 100 KiB gzip. Part of npm test.
`);

const BUDGET = 100 * 1024;
const out = mkdtempSync(join(tmpdir(), 'worker-size-'));
try {
  execFileSync(process.execPath, [join('node_modules', 'wrangler', 'bin', 'wrangler.js'), 'deploy', '--dry-run', '--outdir', out], { stdio: 'pipe' });
  const bundle = readFileSync(join(out, 'index.js'));
  const gzip = gzipSync(bundle, { level: 9 }).length;
  const line = `worker bundle: ${(bundle.length / 1024).toFixed(1)} KiB, ${(gzip / 1024).toFixed(1)} KiB gzip (budget ${BUDGET / 1024} KiB gzip)`;
  if (gzip > BUDGET) {
    console.error(`✗ ${line}`);
    process.exit(1);
  }
  console.log(`✓ ${line}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
