/**
 * `npm run bench:intake`: the Worker under `wrangler dev` (workerd, local KV and Durable
 * Objects) beside the reference Worker (tools/bench/reference-worker: Hono, parse the body, one
 * RPC bumping a global counter, one RPC writing a row in the person's object, 202), both driven
 * over loopback in the same run, phase by phase, in turn (the order swapped every round), so each
 * figure of ours is printed as a ratio to what the runtime allows a Worker of our shape on this
 * machine at this moment.
 *
 * Per round (BENCH_RUNS, default 3): closed loop (16 clients, BENCH_CLOSED_SECONDS = 5 s) of
 * unique leads and of duplicates (20 people, repeated), and unique leads offered at 50 and 200
 * leads/s for BENCH_SECONDS (8); then the medians of the rounds. Providers point at a local
 * capture server (Resend, Slack, a CRM webhook): intake → confirmation, rep notification and CRM
 * delivery are printed for the last round's 200 leads/s. Between phases the bench waits until our
 * Worker is idle again (its side effects done, its CPU quiet), so one phase's tail does not slow
 * the next. Each round also runs the reference with our side effects (SIDE_EFFECTS: two
 * rate-limit checks, four provider calls, a metrics RPC) in a closed loop: what the runtime
 * allows a Worker that must do what ours does, to tell that cost from our code's.
 * BENCH_ONLY=<word> runs only the phases whose label has it (e.g. `closed`, `unique`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { closedLoop, openLoop, type Phase } from './load.ts';
import { machineLoad, median, percentile, startWorker, tracing, type DevWorker } from './wrangler-dev.ts';
import { helpRequested } from '../cli.ts';

helpRequested(`
Usage: [BENCH_RUNS=3] [BENCH_SECONDS=8] [BENCH_CLOSED_SECONDS=5] [BENCH_ONLY=word] [X_LOCAL_OBSERVABILITY=false] npm run bench:intake

The Worker and the reference Worker (tools/bench/reference-worker) under wrangler dev, phase by
phase in turn: closed-loop unique leads/s and duplicates/s, p50/p99 at 50 and 200 leads/s
offered, CPU per lead, each of ours as a ratio to the reference; then intake → confirmation /
rep notification / CRM delivery at a local capture server.
`);

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CLOSED_SECONDS = Number(process.env.BENCH_CLOSED_SECONDS ?? 5);
const CLIENTS = 16;

/** When each kind of message first arrived for each lead, and when anything last arrived. */
const arrivals = { email: new Map<string, number>(), slack: new Map<string, number>(), crm: new Map<string, number>() };
let lastArrival = 0;

function capture(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const now = performance.now();
    lastArrival = now;
    const body = Buffer.concat(chunks).toString();
    const path = req.url ?? '';
    let kind: keyof typeof arrivals;
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

/**
 * Waits until `worker` has finished a phase's work (deliveries, the metrics feed, a backlog after
 * an offered rate it could not keep up with): no side effect for a second and under 5 % of a core
 * used over half a second, or two minutes at most. The next phase then measures only itself.
 */
async function settle(worker: DevWorker): Promise<void> {
  const end = performance.now() + 120_000;
  for (;;) {
    const before = worker.cpuMs();
    await new Promise((r) => setTimeout(r, 500));
    const idle = worker.cpuMs() - before < 25 && performance.now() - lastArrival > 1_000;
    if (idle || performance.now() > end) return;
  }
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const ratio = (ours: number, ref: number) => `${(ours / ref).toFixed(2)}×`;

interface Measure {
  label: string;
  run(base: string, offset: number): Promise<Phase>;
  /** Throughput (closed loop) or latency (open loop) is the figure. */
  kind: 'rate' | 'latency';
}

const ALL: Measure[] = [
  { label: `closed loop, ${CLIENTS} clients, unique`, kind: 'rate', run: (base, offset) => closedLoop(base, CLIENTS, CLOSED_SECONDS, offset, false) },
  { label: `closed loop, ${CLIENTS} clients, duplicates`, kind: 'rate', run: (base, offset) => closedLoop(base, CLIENTS, CLOSED_SECONDS, offset, true) },
  { label: '50 leads/s offered, unique', kind: 'latency', run: (base, offset) => openLoop(base, 50, SECONDS, offset, false) },
  { label: '200 leads/s offered, unique', kind: 'latency', run: (base, offset) => openLoop(base, 200, SECONDS, offset, false) },
];
/** BENCH_ONLY=unique (a word of the labels) runs only the phases that name it. */
const MEASURES = ALL.filter((m) => !process.env.BENCH_ONLY || m.label.includes(process.env.BENCH_ONLY));

function describe(m: Measure, p: Phase): string {
  const accepted = `${p.sent.filter((s) => s.status === 202).length}/${p.sent.length}`;
  return m.kind === 'rate'
    ? `${p.rate.toFixed(0)}/s (${p.statuses})`
    : `p50 ${ms(p.p50)} p99 ${ms(p.p99)} (${accepted}${p.statuses.includes(' ') || !p.statuses.startsWith('202') ? `; ${p.statuses}` : ''})`;
}

function compare(m: Measure, ours: Phase, ref: Phase): string {
  return m.kind === 'rate' ? ratio(ours.rate, ref.rate) : `p50 ${ratio(ours.p50, ref.p50)} p99 ${ratio(ours.p99, ref.p99)}`;
}

const server = createServer(capture);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const capturePort = (server.address() as AddressInfo).port;
const capture_ = `http://127.0.0.1:${capturePort}`;
let ours: DevWorker | undefined;
let reference: DevWorker | undefined;
let shaped: DevWorker | undefined;
/** Error lines our Worker logged, every round's. */
const errors: string[] = [];

function harvestErrors(): void {
  errors.push(
    ...(ours?.log() ?? '').split('\n').filter((line) => /unhandled|Error|overload/i.test(line) && !/workers\.cloudflare\.com|getaddrinfo/.test(line)),
  );
}

/**
 * Starts the three Workers afresh, with fresh local state, publishes the bench config and warms
 * them up. Every round does: locally each Durable Object is a SQLite file open while the object
 * lives, and a round creates thousands (of both Workers), more than a process may keep open.
 */
async function startAll(): Promise<[DevWorker, DevWorker, DevWorker]> {
  harvestErrors();
  for (const worker of [ours, reference, shaped]) worker?.stop();
  // One after the other: two wrangler devs starting at once can race for the same local port.
  ours = await startWorker({
    port: 8799,
    vars: {
      RESEND_API_KEY: 're_bench',
      RESEND_BASE_URL: `${capture_}/resend`,
      SLACK_WEBHOOK_URL: `${capture_}/slack`,
      CRM_WEBHOOK_URL: `${capture_}/crm`,
      CRM_WEBHOOK_SECRET: 'bench-secret',
      PUBLIC_URL: 'http://127.0.0.1:8799',
    },
  });
  reference = await startWorker({ port: 8798, config: 'tools/bench/reference-worker/wrangler.toml' });
  shaped = await startWorker({ port: 8797, config: 'tools/bench/reference-worker/wrangler.toml', vars: { SIDE_EFFECTS: '1', CAPTURE: capture_ } });
  // Every rep always available, so every lead is confirmed and notified whatever the hour.
  const config = JSON.parse(readFileSync('shared/config/examples/routing.json', 'utf8'));
  delete config.defaults.hours;
  for (const rep of Object.values<Record<string, unknown>>(config.reps)) {
    delete rep.hours;
    delete rep.outOfOffice;
  }
  const published = await fetch(`${ours.base}/v1/admin/config`, {
    method: 'PUT',
    headers: { Authorization: 'Bearer dev-admin-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ config, note: 'bench' }),
  });
  if (!published.ok) throw new Error(`publishing the bench config: ${published.status} ${await published.text()}`);
  for (const worker of [ours, reference, shaped]) await openLoop(worker.base, 50, 2, 90_000_000, false); // warm up
  await settle(ours);
  return [ours, reference, shaped];
}

try {
  console.log(`intake: ours (wrangler.toml) against the reference Worker (tools/bench/reference-worker), both under wrangler dev, Node ${process.version}`);
  console.log(`wrangler dev's local tracing ${tracing()}; ${RUNS} rounds, each phase run on both in turn`);
  const results = MEASURES.map(() => ({ ours: [] as Phase[], ref: [] as Phase[] }));
  /** CPU ms of wrangler dev and workerd per accepted lead, per phase and round. */
  const cpu = MEASURES.map(() => ({ ours: [] as number[], ref: [] as number[] }));
  /** The reference doing our side effects too: closed loop, unique leads; rate and CPU per lead. */
  const side: { rate: number; cpu: number }[] = [];
  let offset = 0;
  let last: Phase | undefined;
  for (let round = 1; round <= RUNS; round++) {
    const [ours, reference, shaped] = await startAll();
    console.log(`round ${round} (${machineLoad()})`);
    for (const [i, m] of MEASURES.entries()) {
      const order = round % 2 === 1 ? (['ref', 'ours'] as const) : (['ours', 'ref'] as const);
      const got: Partial<Record<'ref' | 'ours', Phase>> = {};
      for (const who of order) {
        offset += 1_000_000;
        if (who === 'ours') for (const map of Object.values(arrivals)) map.clear();
        const worker = who === 'ours' ? ours : reference;
        const cpuBefore = worker.cpuMs();
        got[who] = await m.run(worker.base, offset);
        // Our side effects (deliveries, the metrics feed) finish after the answers: count them too.
        if (who === 'ours') await settle(ours);
        const accepted = got[who].sent.filter((s) => s.status === 202).length;
        cpu[i]![who].push((worker.cpuMs() - cpuBefore) / Math.max(1, accepted));
        if (who === 'ours') last = got.ours;
      }
      results[i]!.ours.push(got.ours!);
      results[i]!.ref.push(got.ref!);
      const [co, cr] = [cpu[i]!.ours.at(-1)!, cpu[i]!.ref.at(-1)!];
      console.log(
        `  ${m.label.padEnd(34)} ref ${describe(m, got.ref!).padEnd(40)} ours ${describe(m, got.ours!).padEnd(44)} ${compare(m, got.ours!, got.ref!)}; CPU/lead ${co.toFixed(1)} / ${cr.toFixed(1)} ms = ${ratio(co, cr)}`,
      );
    }
    if (!process.env.BENCH_ONLY) {
      const cpuBefore = shaped.cpuMs();
      const phase = await closedLoop(shaped.base, CLIENTS, CLOSED_SECONDS, (offset += 1_000_000), false);
      await settle(shaped);
      const accepted = phase.sent.filter((x) => x.status === 202).length;
      side.push({ rate: phase.rate, cpu: (shaped.cpuMs() - cpuBefore) / Math.max(1, accepted) });
      const rate = results[0]!.ours.at(-1)!.rate;
      console.log(
        `  ${'reference + our side effects'.padEnd(34)} ${`${phase.rate.toFixed(0)}/s`.padEnd(6)} CPU/lead ${side.at(-1)!.cpu.toFixed(1)} ms (closed loop, unique; ours / it: ${ratio(rate, phase.rate)}, CPU ${ratio(cpu[0]!.ours.at(-1)!, side.at(-1)!.cpu)})`,
      );
    }
  }

  console.log(`median of ${RUNS} rounds (${machineLoad()}); ours / reference:`);
  for (const [i, m] of MEASURES.entries()) {
    const { ours: o, ref: r } = results[i]!;
    const [co, cr] = [median(cpu[i]!.ours), median(cpu[i]!.ref)];
    const cpuLine = `CPU per lead (wrangler dev + workerd) ${co.toFixed(1)} / ${cr.toFixed(1)} ms = ${ratio(co, cr)}`;
    const refused = o.reduce((n, p) => n + p.sent.filter((s) => s.status !== 202).length, 0);
    if (m.kind === 'rate') {
      const [mo, mr] = [median(o.map((p) => p.rate)), median(r.map((p) => p.rate))];
      console.log(
        `  ${m.label.padEnd(34)} ${`${mo.toFixed(0)}/s`.padStart(6)} / ${`${mr.toFixed(0)}/s`.padStart(6)} = ${ratio(mo, mr)}  (rounds ${o.map((p, k) => ratio(p.rate, r[k]!.rate)).join(' ')}; not 202: ${refused}); ${cpuLine}`,
      );
    } else {
      const [o50, r50, o99, r99] = [median(o.map((p) => p.p50)), median(r.map((p) => p.p50)), median(o.map((p) => p.p99)), median(r.map((p) => p.p99))];
      console.log(
        `  ${m.label.padEnd(34)} p50 ${ms(o50)} / ${ms(r50)} = ${ratio(o50, r50)}, p99 ${ms(o99)} / ${ms(r99)} = ${ratio(o99, r99)}  (not 202: ${refused} of ${o.reduce((n, p) => n + p.sent.length, 0)}); ${cpuLine}`,
      );
    }
  }

  if (side.length > 0) {
    const [rate, c] = [median(side.map((x) => x.rate)), median(side.map((x) => x.cpu))];
    const [mo, co] = [median(results[0]!.ours.map((p) => p.rate)), median(cpu[0]!.ours)];
    console.log(
      `  ${'reference + our side effects'.padEnd(34)} ${`${rate.toFixed(0)}/s`.padStart(6)}, CPU per lead ${c.toFixed(1)} ms: two rate-limit checks, four provider calls and a metrics RPC per lead cost it ${ratio(c, median(cpu[0]!.ref))} the bare reference's CPU; ours / it = ${ratio(mo, rate)} (CPU ${ratio(co, c)})`,
    );
  }

  // Side effects of the last round's 200 leads/s, measured from the moment each request was sent.
  const ids = (last?.sent ?? []).filter((s) => s.leadId);
  for (const [label, map] of [
    ['confirmation email', arrivals.email],
    ['rep notified (Slack)', arrivals.slack],
    ['CRM delivered (webhook)', arrivals.crm],
  ] as const) {
    const delays = ids.filter((s) => map.has(s.leadId!)).map((s) => map.get(s.leadId!)! - s.started);
    const inSecond = delays.filter((d) => d <= 1000).length;
    console.log(
      `  intake → ${label.padEnd(26)} p50 ${ms(percentile(delays, 0.5)).padStart(9)}  p99 ${ms(percentile(delays, 0.99)).padStart(9)}  (${delays.length}/${ids.length} delivered, ${inSecond} within 1 s; last round, 200 leads/s)`,
    );
  }
} catch (error) {
  console.error(ours?.log().slice(-3000) ?? '');
  throw error;
} finally {
  harvestErrors();
  if (errors.length > 0) console.log(`  worker log, ${errors.length} error lines; first: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
  ours?.stop();
  reference?.stop();
  shaped?.stop();
  server.close();
}
