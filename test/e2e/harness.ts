/**
 * Real-browser end to end: the Worker under `wrangler dev` (workerd, local state), a host page
 * served from another origin, provider calls caught by a local capture server, and Debian's
 * Chromium driven by playwright-core. Everything on loopback.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Where screenshots and other artefacts of the e2e tests are kept. */
export const ARTEFACTS = join(ROOT, 'test-results');

/** A request the capture server received. */
export interface Captured {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Starts a server on a free loopback port. */
async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A local stand-in for the providers' APIs: answers 200 and keeps every request. */
export async function startCapture(): Promise<{ url: string; requests: Captured[]; close: () => void }> {
  const requests: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `cap_${requests.length}` }));
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, requests, close: () => server.close() };
}

/** Serves the HTML pages of a host site from its own origin: `html` is given the path asked for. */
export async function startHostPage(html: (path: string) => string): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html(req.url ?? '/')));
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** Starts `wrangler dev` in development mode (as `npm run dev` does) with extra vars; resolves when it answers. */
export async function startWorker(vars: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const state = mkdtempSync(join(tmpdir(), 'e2e-state-'));
  // The accounts index set up first, as `npm run dev` does (its absence is a setup problem).
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'd1', 'migrations', 'apply', 'ACCOUNTS_DB', '--local', '--persist-to', state],
    {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, CI: 'true' },
    },
  );
  const args = [
    join(ROOT, 'node_modules/wrangler/bin/wrangler.js'),
    'dev',
    join(ROOT, 'worker/dev-entry.ts'),
    '--port',
    String(port),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    state,
    ...Object.entries({ ENVIRONMENT: 'development', ...vars }).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d));
  child.stderr!.on('data', (d: Buffer) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${log.slice(-2000)}`);
    try {
      // Up once it answers at all: /health is 503 while a setting is missing, which some tests want.
      await fetch(`${url}/health`);
      break;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`wrangler dev did not start:\n${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(state, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error('Chromium is not installed: apt-get install -y chromium (.ci/run does)');
  mkdirSync(ARTEFACTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The development admin token (`wrangler dev` runs with ENVIRONMENT=development). */
export const DEV_ADMIN = { Authorization: 'Bearer dev-admin-token' };

/**
 * Publishes the example routing config with every rep always available, so owners do not
 * depend on the hour the test runs; resolves with the HTTP status.
 */
export async function publishAlwaysOpenExample(workerUrl: string): Promise<number> {
  const config = JSON.parse(readFileSync(join(ROOT, 'shared/config/examples/routing.json'), 'utf8'));
  delete config.defaults.hours;
  for (const rep of Object.values<Record<string, unknown>>(config.reps)) {
    delete rep.hours;
    delete rep.outOfOffice;
  }
  const res = await fetch(`${workerUrl}/v1/admin/config`, {
    method: 'PUT',
    headers: { ...DEV_ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ config, note: 'every rep always open, for the e2e tests' }),
  });
  return res.status;
}
