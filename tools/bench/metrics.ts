/**
 * `npm run bench:metrics`: the metrics store (worker/metrics/store.ts: one MetricsObject shard
 * per ISO week, SQLite in workerd under `wrangler dev`) holding a year of leads, how fast the
 * dashboard's queries answer from it, how many rows it writes per lead and how many bytes it
 * keeps per lead. Seeds BENCH_DAYS days (365) of BENCH_LEADS_PER_DAY synthetic leads (1,000)
 * through the real `ingest` path, then prints the median and p90 of each query over 15 runs,
 * timed from Node over HTTP to `wrangler dev` (tools/bench/metrics-worker), so each includes one
 * loopback round trip.
 *
 * Why 1,000 a day stands for 10,000: the figures read the day rollups, one row per day holding
 * every key (route, rep, form type, source, pool member), not per lead; above a few hundred leads
 * a day every key is present every day and the rollup stops growing. The latency histograms grow
 * slowly (two significant digits: a bounded number of buckets). Rows written are counted by the
 * shards themselves, from `cursor.rowsWritten` of every statement they run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import { helpRequested } from '../cli.ts';

helpRequested(`
Usage: [BENCH_DAYS=365] [BENCH_LEADS_PER_DAY=1000] npm run bench:metrics

Seeds the metrics store (MetricsObject under wrangler dev) with BENCH_DAYS days of
BENCH_LEADS_PER_DAY synthetic leads through its real ingest path, then prints the median and
p90 of each dashboard query.
`);

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const PER_DAY = Number(process.env.BENCH_LEADS_PER_DAY ?? 1_000);
const RUNS = 15;
const DAY_MS = 86_400_000;

const ROUTES = [
  'named-accounts',
  'same-day-sf',
  'same-day-other',
  'urgent-callback',
  'emea',
  'latam',
  'enterprise',
  'mid-market-east',
  'mid-market-west',
  'mid-market',
  'payroll',
  'pricing-page-work-email',
  'free-tier',
  'demo-direct-to-ae',
  'incomplete',
  'smb',
  'round-robin',
  '$fallback',
];
const REPS = Array.from({ length: 40 }, (_, i) => `rep${i}`);
const FORMS = ['demo_request', 'contact', 'quote', 'urgent_service', 'content_download'];
const SOURCES = ['google', 'linkedin', 'direct', 'newsletter', 'partner', 'webinar', 'bing', 'referral'];

/** A deterministic pseudo-random sequence, so runs seed the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length)]!;
}

function syntheticLead(i: number, receivedAt: number, rnd: () => number): LeadFacts {
  const rep = pick(REPS, rnd());
  const junk = rnd() < 0.05;
  const responded = !junk && rnd() < 0.8;
  const stageRoll = rnd();
  const facts: LeadFacts = {
    // Ids carry the arrival, as real lead ids do (worker/lead/lead-id.ts): erasure finds leads by them.
    id: `ld_${receivedAt.toString(36)}b${i.toString(36)}`,
    rev: 1,
    receivedAt,
    formType: pick(FORMS, rnd()),
    source: pick(SOURCES, rnd()),
    status: junk ? 'junk' : 'qualified',
    route: junk ? '$junk' : pick(ROUTES, rnd()),
    pool: `pool${Math.floor(rnd() * 8)}`,
    firstOwner: junk ? 'queue:junk-review' : `rep:${rep}`,
    owner: `rep:${rep}`,
    configVersion: 1,
    dueAt: receivedAt + 15 * 60_000,
    confirmedAt: junk ? undefined : receivedAt + Math.round(20 + rnd() * 400),
    notifiedAt: junk ? undefined : receivedAt + Math.round(30 + rnd() * 600),
    respondedAt: responded ? receivedAt + Math.round(60_000 * Math.exp(rnd() * 4)) : undefined,
    reassignments: rnd() < 0.1 ? 1 : 0,
    escalated: rnd() < 0.15,
    duplicates: rnd() < 0.08 ? 1 : 0,
    deadLetters: rnd() < 0.01 ? 1 : 0,
    misroutedTo: rnd() < 0.03 ? `rep:${pick(REPS, rnd())}` : undefined,
    stage: stageRoll < 0.3 ? 'accepted' : stageRoll < 0.4 ? 'won' : stageRoll < 0.5 ? 'lost' : undefined,
    email: `person${i}@company${i % 5_000}.example.com`,
    phone: `+1415${String(5_550_000 + (i % 1_000_000)).padStart(7, '0')}`,
    company: `Company ${i % 5_000}`,
    name: `Person ${i}`,
  };
  for (const key of Object.keys(facts) as (keyof LeadFacts)[]) if (facts[key] === undefined) delete facts[key];
  return facts;
}

/** The lead a synthetic lead's facts stand for, as its object sends it for replay. */
function routableOf(facts: LeadFacts): RoutableLead {
  return {
    formType: facts.formType,
    consent: true,
    source: facts.source,
    honeypot: false,
    status: facts.status as RoutableLead['status'],
    urgency: 'normal',
    intent: 'medium',
    email: facts.email!,
    company: facts.company!,
    country: 'US',
    employees: 10 + (facts.receivedAt % 900),
  };
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms`;
}

/**
 * CPU time (ms) used so far by `wrangler dev` and its workerd, from /proc (Linux): what a query
 * costs the runtime whatever else the machine is doing, where wall time depends on its load.
 */
function runtimeCpuMs(root: number): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      parents.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended
    }
  }
  const within = (pid: number): boolean => pid === root || (parents.has(pid) && pid > 1 && within(parents.get(pid)!));
  let total = 0;
  for (const [pid, t] of ticks) if (within(pid)) total += t;
  return total * 10; // clock ticks of 10 ms
}

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  const cpu = runtimeCpuMs(child.pid!);
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  console.log(`  ${label.padEnd(44)} ${stats(samples)}, runtime CPU ${((runtimeCpuMs(child.pid!) - cpu) / RUNS).toFixed(1)} ms`);
}

const PORT = 8797;
const BASE = `http://127.0.0.1:${PORT}`;
const state = mkdtempSync(join(tmpdir(), 'bench-metrics-'));
const child = spawn(
  process.execPath,
  [
    join('node_modules', 'wrangler', 'bin', 'wrangler.js'),
    'dev',
    '--config',
    'tools/bench/metrics-worker/wrangler.toml',
    '--port',
    String(PORT),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    state,
  ],
  { stdio: 'ignore' },
);

async function call<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (path.startsWith('/ingest') || path.startsWith('/sweep') ? res.text() : res.json()) as Promise<T>;
}

interface ShardStats {
  name: string;
  leads: number;
  bytes: number;
}

/** Sends snapshots; answers the rows their transactions wrote. */
async function ingest(updates: unknown[]): Promise<number> {
  return Number(await call<string>('/ingest', updates));
}

try {
  const end = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${BASE}/`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error('wrangler dev did not start');
    await new Promise((r) => setTimeout(r, 250));
  }

  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const rnd = random(42);
  const seedStart = performance.now();
  let i = 0;
  let seedRows = 0;
  const seeded: { id: string; receivedAt: number }[] = [];
  for (let day = DAYS - 1; day >= 0; day--) {
    const batch: { facts: LeadFacts; lead: RoutableLead }[] = [];
    for (let n = 0; n < PER_DAY; n++) {
      const facts = syntheticLead(i++, today - day * DAY_MS + Math.floor((n * DAY_MS) / PER_DAY), rnd);
      // The lead itself, kept for replay, as a lead object sends it with its first snapshot.
      batch.push({ facts, lead: routableOf(facts) });
      seeded.push({ id: facts.id, receivedAt: facts.receivedAt });
    }
    seedRows += await ingest(batch);
  }
  const seconds = (performance.now() - seedStart) / 1_000;
  console.log(
    `metrics store: ${i.toLocaleString('en')} leads over ${DAYS} days ingested in ${seconds.toFixed(1)} s (${Math.round(i / seconds).toLocaleString('en')} snapshots/s)`,
  );

  const now = Date.now();
  const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
  const to = dayOf(now);
  const report = (days: number) => () => call(`/report?from=${dayOf(now - (days - 1) * DAY_MS)}&to=${to}&now=${now}`);
  const leads = (filter: Record<string, string>) => () => call(`/leads?now=${now}&filter=${encodeURIComponent(JSON.stringify(filter))}`);
  const year = dayOf(now - (DAYS - 1) * DAY_MS);
  // wrangler dev's local trace collector costs workerd CPU on every storage call; production has none.
  const tracing = process.env.X_LOCAL_OBSERVABILITY === 'false' ? 'off' : 'on (X_LOCAL_OBSERVABILITY=false turns it off)';
  console.log(`queries (${RUNS} runs each, over HTTP to wrangler dev on loopback; its local tracing ${tracing}):`);
  await time('the HTTP round trip alone', () => fetch(`${BASE}/`).then((r) => r.text()));
  await time('report, last 7 days', report(7));
  await time('report, last 30 days', report(30));
  if (DAYS > 30) await time(`report, last ${DAYS} days`, report(DAYS));
  await time(`leads behind a figure (a rep's late, ${DAYS} days)`, leads({ from: year, to, dim: 'rep', key: 'rep:rep7', is: 'late' }));
  await time(`leads behind a figure (overdue, ${DAYS} days)`, leads({ from: year, to, is: 'overdue' }));
  const middle = Math.floor(i / 2);
  await time('search by email', () => call(`/search?q=${encodeURIComponent(`person${middle}@company${middle % 5_000}.example.com`)}`));
  await time('search by company prefix', () => call('/search?q=Company%20123'));
  await time('replay sample, last 500 leads', () => call(`/replay?limit=500&now=${now}`));

  // Rows written: seeding (a day's leads in one batch, as a burst shares transactions), then
  // leads one at a time, each alone in its transaction (a quiet hour), and their later snapshots.
  console.log(`rows written (cursor.rowsWritten of every statement the shards ran):`);
  console.log(`  seeding, a day's leads per batch                        ${(seedRows / i).toFixed(2)} per lead`);
  const alone = 40;
  const single: LeadFacts[] = [];
  for (let n = 0; n < alone; n++) single.push(syntheticLead(i++, now - 60_000 + n, rnd));
  const step = async (label: string, make: (facts: LeadFacts) => LeadFacts | undefined) => {
    let rows = 0;
    let sent = 0;
    for (const facts of single) {
      const next = make(facts);
      if (!next) continue;
      // A new lead comes with the lead itself, kept for replay, as its object sends it.
      rows += await ingest([{ facts: next, ...(next.rev === 1 ? { lead: routableOf(next) } : {}) }]);
      sent++;
    }
    console.log(`  ${label.padEnd(56)}${(rows / sent).toFixed(2)} per ${label.startsWith('new') ? 'lead' : 'snapshot'}`);
  };
  const fresh = (f: LeadFacts): LeadFacts => ({
    ...f,
    rev: 1,
    respondedAt: undefined,
    stage: undefined,
    reassignments: 0,
    escalated: false,
    misroutedTo: undefined,
  });
  await step('new lead, alone in its transaction', (f) => fresh(f));
  await step('later snapshot: acknowledged', (f) => (f.status === 'junk' ? undefined : { ...fresh(f), rev: 2, respondedAt: f.receivedAt + 120_000 }));
  await step('later snapshot: an outcome', (f) =>
    f.status === 'junk' ? undefined : { ...fresh(f), rev: 3, respondedAt: f.receivedAt + 120_000, stage: 'won' },
  );

  // Bytes per lead, by age: a month within 90 days (facts, personal data, replay copies); after
  // the daily sweep, a month older than 90 days (replay copies dropped); and a month whose every
  // lead was then erased, as the end of their retention does (anonymous facts only).
  await call(`/sweep?from=${year}&to=${to}&now=${now}`);
  const monthOf = (at: number) => new Date(at).toISOString().slice(0, 7);
  const erased = monthOf(now - 300 * DAY_MS);
  const ids = seeded.filter((l) => monthOf(l.receivedAt) === erased).map((l) => l.id);
  const eraseStart = performance.now();
  for (let n = 0; n < ids.length; n += 1_000) await call('/erase', ids.slice(n, n + 1_000));
  const eraseSeconds = (performance.now() - eraseStart) / 1_000;
  const stats = await call<ShardStats[]>(`/stats?from=${year}&to=${to}`);
  const month = (name: string) => stats.find((s) => s.name === name);
  const perLead = (label: string, name: string) => {
    const s = month(name);
    console.log(
      `  ${label.padEnd(60)} ${s && s.leads > 0 ? `${Math.round(s.bytes / s.leads)} B per lead (${name}, ${s.leads.toLocaleString('en')} leads, ${(s.bytes / 1e6).toFixed(1)} MB)` : 'none'}`,
    );
  };
  console.log('bytes stored per lead (SQLite database size of a month / its leads):');
  perLead('received under 90 days ago (facts, personal data, replays)', monthOf(now - 45 * DAY_MS));
  perLead('over 90 days old (facts, personal data)', monthOf(now - 150 * DAY_MS));
  perLead(`every lead erased (anonymous facts; ${Math.round(ids.length / eraseSeconds).toLocaleString('en')} erased/s)`, erased);
  const largest = stats.reduce((max, s) => (s.bytes > max.bytes ? s : max), stats[0]!);
  console.log(`largest shard: ${largest.name}, ${(largest.bytes / 1e6).toFixed(1)} MB for ${largest.leads.toLocaleString('en')} leads`);
} finally {
  child.kill('SIGTERM');
  rmSync(state, { recursive: true, force: true });
}
