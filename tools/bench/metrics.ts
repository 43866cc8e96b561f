/**
 * `npm run bench:metrics`: the metrics store (the MetricsObject, SQLite in workerd under
 * `wrangler dev`) holding a year of leads, and how fast the dashboard's queries answer from it.
 * Seeds BENCH_DAYS days (365) of BENCH_LEADS_PER_DAY synthetic leads (1,000) through the real
 * `ingest` path, then prints the median and p90 of each query over 15 runs, timed from Node over
 * HTTP to `wrangler dev` (tools/bench/metrics-worker), so each includes one loopback round trip.
 *
 * Why 1,000 a day stands for 10,000: the figures read the daily rollups, which hold one row per
 * day and key (route, rep, form type, source, pool member), not per lead; above a few hundred
 * leads a day every key is present every day and the row count stops growing. The latency
 * histograms grow slowly (two significant digits: a bounded number of buckets).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

const ROUTES = ['named-accounts', 'same-day-sf', 'same-day-other', 'urgent-callback', 'emea', 'latam', 'enterprise', 'mid-market-east', 'mid-market-west', 'mid-market', 'payroll', 'pricing-page-work-email', 'free-tier', 'demo-direct-to-ae', 'incomplete', 'smb', 'round-robin', '$fallback'];
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
    id: `ld_bench${i.toString(36).padStart(8, '0')}`,
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
    company: `Company ${i % 5_000}`,
  };
  for (const key of Object.keys(facts) as (keyof LeadFacts)[]) if (facts[key] === undefined) delete facts[key];
  return facts;
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms`;
}

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  console.log(`  ${label.padEnd(44)} ${stats(samples)}`);
}

const PORT = 8797;
const BASE = `http://127.0.0.1:${PORT}`;
const state = mkdtempSync(join(tmpdir(), 'bench-metrics-'));
const child = spawn(process.execPath, [join('node_modules', 'wrangler', 'bin', 'wrangler.js'), 'dev', '--config', 'tools/bench/metrics-worker/wrangler.toml', '--port', String(PORT), '--ip', '127.0.0.1', '--persist-to', state], { stdio: 'ignore' });

async function call<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (path.startsWith('/ingest') ? res.text() : res.json()) as Promise<T>;
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
  for (let day = DAYS - 1; day >= 0; day--) {
    const batch: { facts: LeadFacts; lead: RoutableLead }[] = [];
    for (let n = 0; n < PER_DAY; n++) {
      const facts = syntheticLead(i++, today - day * DAY_MS + Math.floor((n * DAY_MS) / PER_DAY), rnd);
      // The lead itself, kept for replay, as a lead object sends it with its first snapshot.
      const lead: RoutableLead = { formType: facts.formType, consent: true, source: facts.source, honeypot: false, status: facts.status as RoutableLead['status'], urgency: 'normal', intent: 'medium', email: facts.email!, company: facts.company!, country: 'US', employees: 10 + (i % 900) };
      batch.push({ facts, lead });
    }
    await call('/ingest', batch);
  }
  const seconds = (performance.now() - seedStart) / 1_000;
  console.log(`metrics store: ${i.toLocaleString('en')} leads over ${DAYS} days ingested in ${seconds.toFixed(1)} s (${Math.round(i / seconds).toLocaleString('en')} snapshots/s)`);

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
  await time('replay sample, last 500 leads', () => call('/replay?limit=500'));
} finally {
  child.kill('SIGTERM');
  rmSync(state, { recursive: true, force: true });
}
