/**
 * `npm run bench:profile`: where workerd's CPU goes while the intake takes unique leads. Runs the
 * Worker under `wrangler dev --inspector-port`, drives it in a closed loop (BENCH_CLIENTS = 16,
 * BENCH_SECONDS = 10) while the V8 CPU profiler samples its isolate over the DevTools protocol,
 * then prints the self time by source file and the top functions. `BENCH_PROFILE_OUT=x.cpuprofile`
 * also writes the profile for Chrome DevTools; `BENCH_PROFILE_CONFIG=tools/bench/reference-worker/wrangler.toml`
 * profiles the reference Worker instead.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedLoop } from './load.ts';
import { machineLoad, startWorker, tracing } from './wrangler-dev.ts';
import { helpRequested } from '../cli.ts';

helpRequested(`
Usage: [BENCH_SECONDS=10] [BENCH_CLIENTS=16] [BENCH_PROFILE_OUT=x.cpuprofile] [BENCH_PROFILE_LINES=fn,fn] [BENCH_PROFILE_CONFIG=wrangler.toml] npm run bench:profile

workerd's V8 CPU profile while the Worker takes unique leads in a closed loop: self time by
source module and the top functions (runtime calls charged to their caller).
`);

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const INSPECTOR = 9239;

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  positionTicks?: { line: number; ticks: number }[];
}

// Providers answered at once by a local server, as in bench:intake.
const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"x"}')));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const capture = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const worker = await startWorker({
  port: 8795,
  ...(process.env.BENCH_PROFILE_CONFIG ? { config: process.env.BENCH_PROFILE_CONFIG } : {}),
  args: ['--inspector-port', String(INSPECTOR), '--minify=false'],
  vars: {
    RESEND_API_KEY: 're_bench',
    RESEND_BASE_URL: `${capture}/resend`,
    SLACK_WEBHOOK_URL: `${capture}/slack`,
    CRM_WEBHOOK_URL: `${capture}/crm`,
    CRM_WEBHOOK_SECRET: 'bench-secret',
  },
});
try {
  const [target] = (await (await fetch(`http://127.0.0.1:${INSPECTOR}/json`)).json()) as { webSocketDebuggerUrl: string }[];
  // wrangler's inspector proxy wants an Origin (Node's WebSocket takes headers as undici's option).
  const ws = new WebSocket(target!.webSocketDebuggerUrl, { headers: { Origin: `http://127.0.0.1:${INSPECTOR}` } });
  await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
  let seq = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => (waiting.set(++seq, resolve), ws.send(JSON.stringify({ id: seq, method, params }))));

  await closedLoop(worker.base, 8, 2, 50_000_000, false); // warm up
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 200 });
  await send('Profiler.start');
  const phase = await closedLoop(worker.base, CLIENTS, SECONDS, 0, false);
  const { profile } = (await send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number } };
  ws.close();
  if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile));

  const total = profile.nodes.reduce((n, node) => n + node.hitCount, 0);
  const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((n, node) => n + node.hitCount, 0);
  const busy = total - idle;
  const accepted = phase.sent.filter((s) => s.status === 202).length;
  const ms = ((profile.endTime - profile.startTime) / 1000) * (busy / total);
  console.log(
    `workerd CPU profile, closed loop of ${CLIENTS} clients for ${SECONDS} s: ${accepted} leads accepted (${phase.statuses}), ${(ms / accepted).toFixed(2)} ms of isolate CPU per lead (${machineLoad()}; tracing ${tracing()})`,
  );
  // The bundle esbuild writes marks each module with a `// path/to/module.ts` line: map lines back to modules.
  const modules = new Map<string, [number, string][]>();
  const sources = new Map<string, string[]>();
  const moduleOf = (url: string, line: number): string => {
    if (!modules.has(url)) {
      // wrangler names the bundle `index.js`; it is the newest .wrangler/tmp/dev-*/index.js.
      const bundles = existsSync('.wrangler/tmp')
        ? readdirSync('.wrangler/tmp')
            .map((d) => join('.wrangler/tmp', d, url))
            .filter(existsSync)
        : [];
      const path = url.startsWith('file:') ? fileURLToPath(url) : (bundles.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0] ?? url);
      const marks: [number, string][] = [];
      const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
      sources.set(url, lines);
      lines.forEach((text, i) => /^\/\/ [^ ]+\.(ts|js|mjs|json)$/.test(text) && marks.push([i, text.slice(3)]));
      modules.set(url, marks);
    }
    let found = url.replace(/^.*\//, '');
    for (const [at, name] of modules.get(url)!) if (at <= line) found = name;
    return found;
  };
  // Time in a runtime API (SQL exec, setAlarm, fetch…) is charged to the JS function that called it.
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const caller = (node: ProfileNode): ProfileNode => {
    let at = node;
    while (!at.callFrame.url && parent.get(at.id)?.callFrame.url) at = parent.get(at.id)!;
    return at;
  };
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const leaf of profile.nodes) {
    if (leaf.callFrame.functionName === '(idle)') continue;
    const node = caller(leaf);
    const file = node.callFrame.url ? moduleOf(node.callFrame.url, node.callFrame.lineNumber) : `(${node.callFrame.functionName || 'native'})`;
    byFile.set(file, (byFile.get(file) ?? 0) + leaf.hitCount);
    const api = node === leaf ? '' : ` → ${leaf.callFrame.functionName}`;
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${file}${api}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + leaf.hitCount);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  // BENCH_PROFILE_LINES=acceptLead,#put: the source lines of those functions that took the samples.
  for (const name of (process.env.BENCH_PROFILE_LINES ?? '').split(',').filter(Boolean)) {
    const ticks = new Map<string, number>();
    for (const node of profile.nodes) {
      if (node.callFrame.functionName !== name) continue;
      for (const { line, ticks: n } of node.positionTicks ?? []) {
        const text = (sources.get(node.callFrame.url)?.[line - 1] ?? '').trim().slice(0, 110);
        ticks.set(text, (ticks.get(text) ?? 0) + n);
      }
    }
    console.log(`lines of ${name}:\n${top(ticks, 6)}`);
  }
  console.log(`self time by file, runtime calls charged to their caller (share of busy samples):\n${top(byFile, 15)}\ntop functions:\n${top(byFunction, 30)}`);
} finally {
  worker.stop();
  server.close();
}
