/**
 * `npm run bench:intake`: the Worker under `wrangler dev` (workerd, local KV and Durable
 * Objects), driven over loopback. Providers point at a local capture server that answers like
 * Resend, Slack and a CRM webhook and notes when each message for each lead arrives.
 * Prints, at BENCH_RATE (200) leads/s for BENCH_SECONDS (8), intake latency (p50/p99) and the
 * accepted throughput for unique leads and for duplicates, the closed-loop throughput of each,
 * and the time from intake to confirmation, rep notification and CRM delivery. Every request
 * carries its own Idempotency-Key, as the widget's do; answers other than 202 are counted by
 * status (0: the connection failed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helpRequested } from '../cli.ts';

helpRequested(`
Usage: [BENCH_RATE=200] [BENCH_SECONDS=8] npm run bench:intake

The Worker under wrangler dev over loopback: intake latency p50/p99, accepted throughput and
answers by status at BENCH_RATE leads/s for BENCH_SECONDS, for unique leads and duplicates, and
intake → confirmation / rep notification / CRM delivery at a local capture server.
`);

const WORKER_PORT = 8799;
const BASE = `http://127.0.0.1:${WORKER_PORT}`;
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

/** When each kind of message first arrived for each lead. */
const arrivals = { email: new Map<string, number>(), slack: new Map<string, number>(), crm: new Map<string, number>() };

function capture(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const now = performance.now();
    const body = Buffer.concat(chunks).toString();
    const path = req.url ?? '';
    let kind: keyof typeof arrivals | undefined;
    let lead: string | undefined;
    if (path.startsWith('/resend')) {
      kind = 'email';
      lead = String(req.headers['idempotency-key'] ?? '').split(':')[0];
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: crypto.randomUUID() }));
    } else if (path.startsWith('/slack')) {
      kind = 'slack';
      lead = /\/v1\/leads\/(ld_[a-z0-9_]+)\/ack/.exec(body)?.[1];
      res.writeHead(200).end('ok');
    } else {
      kind = 'crm';
      lead = String(req.headers['x-lead-router-id'] ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    }
    // Email goes to the lead and to the rep; the first one is the confirmation (it is queued first).
    if (lead && !arrivals[kind].has(lead)) arrivals[kind].set(lead, now);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

async function waitForWorker(child: ChildProcess): Promise<void> {
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error('wrangler dev exited');
    try {
      if ((await fetch(`${BASE}/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('wrangler dev did not start');
}

function body(i: number, duplicate: boolean): string {
  const n = duplicate ? i % 20 : i;
  return JSON.stringify({
    formType: 'demo_request',
    fields: { firstName: 'Bench', lastName: `Lead${n}`, email: `bench${n}${duplicate ? 'dup' : ''}@company${n}.com`, company: `Company ${n}`, employees: String(10 + (n % 900)), country: 'US', region: 'NY' },
    context: { timeOnFormMs: 30_000, locale: 'en-US', pageUrl: 'https://northwind.example/demo' },
  });
}

interface Sent {
  started: number;
  latency: number;
  status: number;
  retryAfter?: number;
  leadId?: string;
}

async function post(i: number, duplicate: boolean): Promise<Sent> {
  const started = performance.now();
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${BASE}/v1/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Site-Key': 'demo', Origin: 'http://localhost:5173', 'CF-Connecting-IP': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 'Idempotency-Key': crypto.randomUUID() },
      body: body(i, duplicate),
    });
    text = await res.text();
  } catch {
    return { started, latency: performance.now() - started, status: 0 };
  }
  let json: { leadId?: string } = {};
  try {
    json = JSON.parse(text) as { leadId?: string };
  } catch {
    // A non-JSON answer (a platform error page) is counted by its status.
  }
  const retryAfter = Number(res.headers.get('Retry-After') ?? Number.NaN);
  return { started, latency: performance.now() - started, status: res.status, ...(retryAfter >= 0 ? { retryAfter } : {}), ...(json.leadId ? { leadId: json.leadId } : {}) };
}

/** Open loop: one request every 1/RATE s, whatever the answers do. */
async function openLoop(count: number, offset: number, duplicate: boolean): Promise<Sent[]> {
  const start = performance.now();
  const pending: Promise<Sent>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(post(offset + i, duplicate));
  }
  return Promise.all(pending);
}

/**
 * Closed loop: `concurrency` clients sending back to back for `seconds` (waiting out a
 * Retry-After, as the widget backs off). Returns what was sent.
 */
async function closedLoop(concurrency: number, seconds: number, offset: number, duplicate: boolean): Promise<Sent[]> {
  const end = performance.now() + seconds * 1000;
  const sent: Sent[] = [];
  let next = offset;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const answer = await post(next++, duplicate);
        sent.push(answer);
        if (answer.retryAfter !== undefined && answer.status !== 202) await new Promise((r) => setTimeout(r, answer.retryAfter! * 1000));
      }
    }),
  );
  return sent;
}

/** One line: latency of the accepted, accepted per second over the phase, and every status. */
function report(label: string, sent: Sent[]): void {
  const ok = sent.filter((s) => s.status === 202);
  const latencies = ok.map((s) => s.latency);
  const counts = new Map<number, number>();
  for (const s of sent) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const statuses = [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
  const span = Math.max(...sent.map((s) => s.started + s.latency)) - Math.min(...sent.map((s) => s.started));
  const rate = `${((ok.length * 1000) / span).toFixed(0)}/s`;
  console.log(`  ${label.padEnd(34)} p50 ${ms(percentile(latencies, 0.5)).padStart(9)}  p99 ${ms(percentile(latencies, 0.99)).padStart(9)}  accepted ${rate.padStart(5)}  (${ok.length}/${sent.length}; ${statuses})`);
}

const server = createServer(capture);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const capturePort = (server.address() as AddressInfo).port;
// Local state on tmpfs where there is one: the bench measures the Worker, not the disk's fsync.
const state = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'bench-state-'));
const vars = {
  // Development mode, as `npm run dev`: the bench signs in with the development admin token.
  ENVIRONMENT: 'development',
  RESEND_API_KEY: 're_bench',
  RESEND_BASE_URL: `http://127.0.0.1:${capturePort}/resend`,
  SLACK_WEBHOOK_URL: `http://127.0.0.1:${capturePort}/slack`,
  CRM_WEBHOOK_URL: `http://127.0.0.1:${capturePort}/crm`,
  CRM_WEBHOOK_SECRET: 'bench-secret',
  PUBLIC_URL: BASE,
};
// Locally every Durable Object is its own SQLite file: thousands of leads need thousands of
// open files, more than the usual limit. Raise it for the Worker process (where allowed).
const args = [join('node_modules', 'wrangler', 'bin', 'wrangler.js'), 'dev', 'worker/dev-entry.ts', '--port', String(WORKER_PORT), '--ip', '127.0.0.1', '--persist-to', state, ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])];
const quoted = [process.execPath, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
const wrangler = spawn('bash', ['-c', `ulimit -n 200000 2>/dev/null || true; exec ${quoted}`], { stdio: ['ignore', 'pipe', 'pipe'] });
// However this script ends, wrangler dev (and its workerd) must not outlive it and keep the port.
process.on('exit', () => wrangler.kill('SIGTERM'));
let log = '';
wrangler.stdout.on('data', (d: Buffer) => (log += d));
wrangler.stderr.on('data', (d: Buffer) => (log += d));

try {
  await waitForWorker(wrangler);
  // Every rep always available, so every lead is confirmed and notified whatever the hour.
  const config = JSON.parse(readFileSync('shared/config/examples/routing.json', 'utf8'));
  delete config.defaults.hours;
  for (const rep of Object.values<Record<string, unknown>>(config.reps)) {
    delete rep.hours;
    delete rep.outOfOffice;
  }
  const published = await fetch(`${BASE}/v1/admin/config`, { method: 'PUT', headers: { Authorization: 'Bearer dev-admin-token', 'Content-Type': 'application/json' }, body: JSON.stringify({ config, note: 'bench:intake config' }) });
  if (!published.ok) throw new Error(`publishing the bench config: ${published.status} ${await published.text()}`);
  await openLoop(100, 10_000_000, false); // warm up
  arrivals.email.clear();
  arrivals.slack.clear();
  arrivals.crm.clear();

  console.log(`intake against wrangler dev (workerd, local state), Node ${process.version}, ${RATE} leads/s for ${SECONDS} s`);
  const unique = await openLoop(RATE * SECONDS, 0, false);
  report('unique leads', unique);
  const duplicates = await openLoop(RATE * SECONDS, 0, true);
  report('duplicates (20 people, repeated)', duplicates);
  report('closed loop, 16 clients, unique', await closedLoop(16, 5, 20_000_000, false));
  report('closed loop, 16 clients, duplicates', await closedLoop(16, 5, 20_000_000, true));

  // Side effects of the unique leads, measured from the moment each request was sent.
  const ids = unique.filter((s) => s.leadId);
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline && ids.some((s) => !arrivals.crm.has(s.leadId!) || !arrivals.slack.has(s.leadId!) || !arrivals.email.has(s.leadId!))) {
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const [label, map] of [['confirmation email', arrivals.email], ['rep notified (Slack)', arrivals.slack], ['CRM delivered (webhook)', arrivals.crm]] as const) {
    const delays = ids.filter((s) => map.has(s.leadId!)).map((s) => map.get(s.leadId!)! - s.started);
    const inSecond = delays.filter((d) => d <= 1000).length;
    console.log(`  intake → ${label.padEnd(26)} p50 ${ms(percentile(delays, 0.5)).padStart(9)}  p99 ${ms(percentile(delays, 0.99)).padStart(9)}  (${delays.length}/${ids.length} delivered, ${inSecond} within 1 s)`);
  }
} catch (error) {
  console.error(log.slice(-3000));
  throw error;
} finally {
  const errors = log.split('\n').filter((line) => /unhandled|Error|overload/i.test(line) && !/workers\.cloudflare\.com|getaddrinfo/.test(line));
  if (errors.length > 0) console.log(`  worker log, ${errors.length} error lines; first: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
  wrangler.kill('SIGTERM');
  server.close();
  rmSync(state, { recursive: true, force: true });
}
