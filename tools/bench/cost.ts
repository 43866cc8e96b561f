/**
 * `npm run bench:cost`: what a lead costs on the platform's meters, counted in an instrumented
 * copy of the Worker (tools/bench/cost-worker) under `wrangler dev`: Worker invocations, Durable
 * Object requests, rows read and written (SQL cursors' own counts; key-value calls and alarms as
 * the pricing page bills them), Workers KV reads and writes, bytes stored, and the sequential
 * object round trips before the 202. Leads are sent one at a time, each left to finish its
 * deliveries, so every figure is per lead:
 * - a unique lead, up to its deliveries and metrics feed;
 * - a duplicate (the same person submits the same form again);
 * - a whole life: created, delivered, escalated through its chain unacknowledged (reassigned,
 *   manager alerted, moved to a queue; steps a few seconds apart), then closed.
 * Ours (the lead objects, RouterState) and the metrics store's share are shown apart.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { leadBody } from './load.ts';
import { ASSUMED, monthlyCost, type Usage } from './prices.ts';
import { machineLoad, startWorker, tracing, type DevWorker } from './wrangler-dev.ts';
import { helpRequested } from '../cli.ts';

helpRequested(`
Usage: [BENCH_LEADS=20] [BENCH_VERBOSE=1] npm run bench:cost

What a lead costs on the platform's meters, counted in an instrumented copy of the Worker under
wrangler dev: Worker invocations, Durable Object requests, rows read and written, KV reads and
writes, bytes stored, sequential object round trips; per unique lead, per duplicate and over an
unacknowledged lead's whole life. BENCH_VERBOSE=1 lists every SQL statement's rows.
`);

/** What `GET /__bench/tally` answers (tools/bench/cost-worker/meter.ts). */
interface Tally {
  invocations: number;
  requests: Record<string, number>;
  methods: Record<string, number>;
  rowsRead: Record<string, number>;
  rowsWritten: Record<string, number>;
  alarmsSet: Record<string, number>;
  kvReads: number;
  kvWrites: number;
  bytes: Record<string, number>;
  statements: Record<string, [number, number, number]>;
  paths: { path: string; trips: number }[];
}

const N = Number(process.env.BENCH_LEADS ?? 20);
const PORT = 8796;
const CONFIG = 'tools/bench/cost-worker/wrangler.generated.toml';
const OURS = ['LeadObject', 'RouterState'];
const THEIRS = ['MetricsObject'];

let lastArrival = performance.now();
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    lastArrival = performance.now();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: crypto.randomUUID() }));
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const capture = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// The product's wrangler.toml with the instrumented Worker as `main`: the same bindings, one source.
const toml = readFileSync('wrangler.toml', 'utf8')
  .replace(/^main = .*$/m, 'main = "index.ts"')
  .replace(/^compatibility_date = (.*)$/m, 'compatibility_date = $1\ncompatibility_flags = ["nodejs_als"]')
  .replace(/^(directory|migrations_dir) = "(.*)"$/gm, '$1 = "../../../$2"')
  .replace(/= "\.\/(.*)"$/gm, '= "../../../$1"');
writeFileSync(CONFIG, toml);

let worker: DevWorker | undefined;
const admin = { Authorization: 'Bearer dev-admin-token', 'Content-Type': 'application/json' };

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${worker!.base}${path}`, init);
  if (!res.ok && res.status !== 202) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function submit(body: string): Promise<string> {
  const res = await call('/v1/leads', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Site-Key': 'demo',
      Origin: 'http://localhost:5173',
      'Idempotency-Key': crypto.randomUUID(),
      'CF-Connecting-IP': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    },
    body,
  });
  return ((await res.json()) as { leadId: string }).leadId;
}

const get = async () => (await call('/__bench/tally')).json() as Promise<Tally>;

/** Waits until the meter has stood still for 1.5 s (deliveries, metrics feed and alarms done). */
async function quiet(): Promise<Tally> {
  let before = JSON.stringify(await get());
  for (;;) {
    await new Promise((r) => setTimeout(r, 1_500));
    const now = await get();
    const json = JSON.stringify(now);
    if (json === before && performance.now() - lastArrival > 1_500) return now;
    before = json;
  }
}

const sum = (map: Record<string, number>, classes?: string[]) =>
  Object.entries(map).reduce((n, [cls, v]) => n + (classes && !classes.includes(cls) ? 0 : v), 0);
const f = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** One line per lead of the counts in `t` (divided by `n`). */
function line(label: string, t: Tally, n: number, bytes?: number): void {
  const per = (v: number) => f(v / n).padStart(6);
  const rows = (map: Record<string, number>) => `${per(sum(map, OURS))} + ${per(sum(map, THEIRS))}`;
  if (process.env.BENCH_VERBOSE)
    for (const [q, [runs, read, written]] of Object.entries(t.statements))
      console.log(`    ${f(runs / n)}× ${q}: read ${f(read / n)}, written ${f(written / n)}`);
  console.log(
    `  ${label.padEnd(20)} ${per(t.invocations)} ${per(sum(t.requests))} (${Object.entries(t.requests)
      .map(([c, v]) => `${c} ${f(v / n)}`)
      .join(', ')})`,
  );
  const byClass = (map: Record<string, number>) =>
    Object.entries(map)
      .filter(([, v]) => v > 0)
      .map(([c, v]) => `${c} ${f(v / n)}`)
      .join(', ');
  console.log(
    `  ${''.padEnd(20)} rows read ${rows(t.rowsRead)}, rows written ${rows(t.rowsWritten)} (ours + metrics), KV reads ${per(t.kvReads)}, KV writes ${per(t.kvWrites)}${bytes === undefined ? '' : `, bytes stored ${Math.round(bytes)}`}`,
  );
  console.log(`  ${''.padEnd(20)} rows written by class: ${byClass(t.rowsWritten)} (alarms set, a row each: ${byClass(t.alarmsSet) || 'none'})`);
}

try {
  worker = await startWorker({
    port: PORT,
    config: CONFIG,
    vars: {
      ENVIRONMENT: 'development',
      RESEND_API_KEY: 're_bench',
      RESEND_BASE_URL: `${capture}/resend`,
      SLACK_WEBHOOK_URL: `${capture}/slack`,
      CRM_WEBHOOK_URL: `${capture}/crm`,
      CRM_WEBHOOK_SECRET: 'bench-secret',
    },
  });
  const config = JSON.parse(readFileSync('shared/config/examples/routing.json', 'utf8'));
  delete config.defaults.hours;
  for (const rep of Object.values<Record<string, unknown>>(config.reps)) {
    delete rep.hours;
    delete rep.outOfOffice;
  }
  await call('/v1/admin/config', { method: 'PUT', headers: admin, body: JSON.stringify({ config, note: 'bench' }) });
  // Warm: the config cached in the isolate, the global objects created, as in steady traffic.
  await submit(leadBody(999_999, false));
  const start = await quiet();

  console.log(`cost of a lead: instrumented copy of the Worker under wrangler dev (tracing ${tracing()}), ${N} leads one at a time (${machineLoad()})`);
  console.log(`  per lead             Worker invocations, Durable Object requests`);

  await call('/__bench/reset', { method: 'POST' });
  for (let i = 0; i < N; i++) await submit(leadBody(i, false));
  const unique = await quiet();
  const leadBytes = sum(unique.bytes, ['LeadObject']) - sum(start.bytes, ['LeadObject']);
  const globalBytes = sum(unique.bytes, ['RouterState', 'MetricsObject']) - sum(start.bytes, ['RouterState', 'MetricsObject']);
  line('unique lead', unique, N, (leadBytes + globalBytes) / N);
  console.log(
    `  ${''.padEnd(20)} bytes stored after delivery: ${Math.round(leadBytes / N)} in its own object (databaseSize), ${Math.round(globalBytes / N)} in RouterState and the metrics store`,
  );
  const trips = (t: Tally, path: string) => [...new Set(t.paths.filter((p) => p.path === path).map((p) => p.trips))].join(' or ');
  console.log(`  ${''.padEnd(20)} sequential object round trips before the 202: ${trips(unique, 'POST /v1/leads')}`);

  await call('/__bench/reset', { method: 'POST' });
  for (let i = 0; i < N; i++) await submit(leadBody(i, false));
  const duplicate = await quiet();
  line('duplicate', duplicate, N);
  console.log(`  ${''.padEnd(20)} sequential object round trips before the 202: ${trips(duplicate, 'POST /v1/leads')}`);

  // A whole life: escalation steps 12 s apart (after the 10 s delivery watchdog, as real steps
  // of minutes are), then the lead is closed.
  const STEP_S = 12;
  config.escalations.standard = [
    { after: `${STEP_S}s`, action: 'reassign' },
    { after: `${2 * STEP_S}s`, action: 'alert_manager' },
    { after: `${3 * STEP_S}s`, action: 'move_to_queue', queue: 'inbound-triage' },
  ];
  await call('/v1/admin/config', { method: 'PUT', headers: admin, body: JSON.stringify({ config, note: 'bench' }) });
  await new Promise((r) => setTimeout(r, 6_000)); // the isolate's config cache (5 s) sees the new version
  const body = (i: number) =>
    JSON.stringify({
      ...JSON.parse(leadBody(i, false)),
      fields: {
        firstName: 'Life',
        lastName: `Lead${i}`,
        email: `life${i}@company${i}.com`,
        company: `Company ${i}`,
        employees: '100',
        country: 'US',
        region: 'NY',
      },
    });
  await call('/__bench/reset', { method: 'POST' });
  const ids: string[] = [];
  for (let i = 0; i < N; i++) ids.push(await submit(body(i)));
  await new Promise((r) => setTimeout(r, (3 * STEP_S + 2) * 1000));
  await quiet();
  for (const id of ids) await call(`/v1/admin/leads/${id}/close`, { method: 'POST', headers: admin, body: JSON.stringify({ outcome: 'lost', by: 'bench' }) });
  const life = await quiet();
  line('whole life', life, N);
  // Checked after the count (reading a lead is a request too): each lead ran its whole chain.
  let ran = 0;
  for (const id of ids) {
    const view = (await (await call(`/v1/admin/leads/${id}`, { headers: admin })).json()) as { timeline: { type: string }[] };
    if (['reassigned', 'escalated', 'moved_to_queue', 'closed'].every((type) => view.timeline.some((e) => e.type === type))) ran += 1;
  }
  console.log(`  ${''.padEnd(20)} (${ran}/${N} leads reassigned, manager alerted, moved to a queue and closed; ${machineLoad()})`);
  const methods = (t: Tally) =>
    Object.entries(t.methods)
      .map(([m, v]) => `${m} ${f(v / N)}`)
      .join(', ');
  console.log(`  requests by method: unique ${methods(unique)}; duplicate ${methods(duplicate)}; life ${methods(life)}`);
  console.log(`  targets (issue 13): rows written per unique lead ≤ 20, over an unacknowledged lead's life ≤ 45 (ours and the metrics store's together)`);

  // A month of leads at Cloudflare's published prices (tools/bench/prices.ts): every lead living
  // the whole life above (the dearest case), one duplicate per ten leads, and what they keep.
  const usage = (t: Tally, metricsRows?: number): Usage => ({
    invocations: t.invocations / N,
    requests: sum(t.requests) / N,
    rowsRead: sum(t.rowsRead) / N,
    rowsWritten: (sum(t.rowsWritten, OURS) + (metricsRows ?? sum(t.rowsWritten, THEIRS) / N) * N) / N,
    kvReads: t.kvReads / N,
    kvWrites: t.kvWrites / N,
  });
  const perLead = (leadBytes + globalBytes) / N;
  const money = (v: number) => `$${v < 10 ? v.toFixed(2) : Math.round(v).toLocaleString('en')}`;
  console.log(
    `monthly cost (30 days), every lead living the whole life above, one duplicate per ten leads; ${Math.round(perLead)} bytes kept per lead; assumed: ${ASSUMED.workerCpuMs} ms CPU per Worker invocation, objects active ${ASSUMED.objectActiveSeconds} s per request`,
  );
  for (const [label, lead, dup] of [
    ['metrics store as measured', usage(life), usage(duplicate)],
    // The metrics store being reworked (issue 10): 7 rows for a lead's first snapshot, 2 for each later one (its tests).
    ['metrics store at 7 + 2 per later snapshot', usage(life, 7 + 2 * (sum(life.methods, ['MetricsObject.ingest']) / N - 1)), usage(duplicate, 2)],
  ] as const) {
    console.log(`  ${label}: rows written per lead ${f(lead.rowsWritten)}, per duplicate ${f(dup.rowsWritten)}`);
    for (const perDay of [1e4, 1e5, 1e6]) {
      const first = monthlyCost(perDay, lead, dup, 0.1, perLead, 15);
      const year = monthlyCost(perDay, lead, dup, 0.1, perLead, 365);
      const parts = Object.entries(first)
        .filter(([k, v]) => k !== 'total' && v >= 0.005)
        .map(([k, v]) => `${k} ${money(v)}`)
        .join(', ');
      console.log(
        `    ${perDay.toLocaleString('en').padStart(9)} leads/day: ${money(first.total).padStart(7)} the first month (${parts || 'within the allowances'}; + the $5 plan); ${money(year.total)} a month once a year of leads is kept`,
      );
    }
  }
} catch (error) {
  await new Promise((r) => setTimeout(r, 1000));
  console.error(worker?.log().slice(-4000) ?? '');
  throw error;
} finally {
  worker?.stop();
  server.close();
  rmSync(CONFIG, { force: true });
}
