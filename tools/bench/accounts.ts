/**
 * `npm run bench:accounts`: the accounts index at scale, under `wrangler dev` (workerd, local D1
 * in SQLite), through the real code (tools/bench/accounts-worker):
 * 1. BENCH_ACCOUNTS (100,000) synthetic accounts imported as one CSV file through the import path;
 * 2. as many again synced from a local server speaking HubSpot's CRM v3 list API, through the
 *    AccountSync object (pages of 100, 10 per alarm);
 * 3. the matching test set's accounts (test/fixtures/company-names.json) imported beside them;
 * 4. BENCH_LOOKUPS (2,000) lookups, one at a time (by work-email domain, by company name, and
 *    misses): the median and p90/p99, timed inside the Worker (the clock advances across the D1
 *    round trip) and from Node over loopback HTTP (the upper bound);
 * 5. every name variant of the test set looked up among them all: precision and recall at the
 *    default confidence threshold.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IndexedAccount } from '../../shared/accounts/types.ts';
import { DEFAULT_MIN_CONFIDENCE } from '../../shared/routing/compile.ts';
import { random, syntheticAccounts } from './accounts-data.ts';
import { startWorker } from './wrangler-dev.ts';

const COUNT = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 2_000);
const PORT = 8798;
const HUBSPOT_PORT = 8799;
const BASE = `http://127.0.0.1:${PORT}`;
const CONFIG = 'tools/bench/accounts-worker/wrangler.toml';
const REPS = ['dana', 'lee', 'priya', 'marco', 'sam', 'jordan', 'ana', 'ben', 'chloe', 'ingrid'];
const fixture = JSON.parse(readFileSync('test/fixtures/company-names.json', 'utf8')) as {
  accounts: { id: string; name: string; domains: string[] }[];
  variants: [string, string | null][];
};

const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
function csv(accounts: readonly IndexedAccount[]): string {
  const rows = accounts.map((a) =>
    [a.id.replace(/^csv:/, ''), a.name, a.domains.join(' '), a.owner ?? '', a.tier ?? '', a.customerSince ?? ''].map(quote).join(','),
  );
  return ['id,name,domains,owner,tier,customer_since', ...rows].join('\n');
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms`;
}

/** A local HubSpot: `GET /crm/v3/objects/companies?limit&after&properties`, as the real API answers. */
function hubspotServer(companies: readonly IndexedAccount[]) {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${HUBSPOT_PORT}`);
    if (req.headers.authorization !== 'Bearer bench-token') return void res.writeHead(401).end('{"status":"error","category":"INVALID_AUTHENTICATION"}');
    if (url.pathname !== '/crm/v3/objects/companies') return void res.writeHead(404).end('{}');
    const from = Number(url.searchParams.get('after') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const page = companies.slice(from, from + limit).map((a) => ({
      id: a.id.slice('hubspot:'.length),
      properties: {
        name: a.name,
        domain: a.domains[0] ?? null,
        hubspot_owner_id: a.owner ?? null,
        hs_lastmodifieddate: '2025-01-01T00:00:00.000Z',
        hs_ideal_customer_profile: a.tier ?? null,
      },
      updatedAt: '2025-01-01T00:00:00.000Z',
      archived: false,
    }));
    const next = from + limit < companies.length ? { paging: { next: { after: String(from + limit) } } } : {};
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results: page, ...next }));
  });
}

async function call<T>(path: string, body?: string): Promise<T> {
  const res = await fetch(`${BASE}${path}`, body === undefined ? {} : { method: 'POST', body });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

const imported = syntheticAccounts(COUNT, REPS, 7).map((a, i) => ({ ...a, id: `csv:${i + 1}` }));
const synced = syntheticAccounts(
  COUNT,
  REPS.map((_, i) => String(9001 + i)),
  11,
).map((a, i) => ({ ...a, id: `hubspot:${i + 1}`, owner: a.owner }));
const hubspot = hubspotServer(synced);
hubspot.listen(HUBSPOT_PORT, '127.0.0.1');
// Its own local state, the D1 migrations applied, answering once up (tools/bench/wrangler-dev.ts).
const worker = await startWorker({
  port: PORT,
  config: CONFIG,
  vars: { HUBSPOT_TOKEN: 'bench-token', HUBSPOT_BASE_URL: `http://127.0.0.1:${HUBSPOT_PORT}` },
});

try {
  console.log(`accounts index benchmark (wrangler dev: workerd, local D1), Node ${process.version}`);
  await fetch(`${BASE}/setup`);

  let t = performance.now();
  const result = await call<{ imported: number; issues: number }>('/import', csv(imported));
  let s = (performance.now() - t) / 1000;
  console.log(
    `  CSV import: ${result.imported.toLocaleString('en')} accounts (${result.issues} issues) in ${s.toFixed(1)} s (${Math.round(result.imported / s).toLocaleString('en')} accounts/s)`,
  );

  t = performance.now();
  await call('/sync?start=1');
  let status: { running?: unknown; last?: { accounts: number; error?: string } };
  do {
    await new Promise((r) => setTimeout(r, 500));
    status = await call('/sync');
  } while (status.running);
  s = (performance.now() - t) / 1000;
  if (status.last?.error) throw new Error(`sync failed: ${status.last.error}`);
  console.log(
    `  HubSpot sync (local server, pages of 100): ${status.last!.accounts.toLocaleString('en')} accounts in ${s.toFixed(1)} s (${Math.round(status.last!.accounts / s).toLocaleString('en')} accounts/s)`,
  );

  const testSet = fixture.accounts.map((a, i): IndexedAccount => ({
    id: `csv:${a.id}`,
    source: 'csv',
    name: a.name,
    domains: a.domains,
    owner: REPS[i % REPS.length]!,
  }));
  await call('/import', csv(testSet));
  const counts = await call<Record<string, { accounts: number }>>('/counts');
  const total = Object.values(counts).reduce((n, c) => n + c.accounts, 0);
  console.log(
    `  index: ${total.toLocaleString('en')} accounts (${Object.entries(counts)
      .map(([k, v]) => `${k} ${v.accounts.toLocaleString('en')}`)
      .join(
        ', ',
      )}); the routing config is unchanged (${readFileSync('shared/config/examples/routing.json').length.toLocaleString('en')} bytes): the index is not in it`,
  );

  // Lookups: a third by work-email domain, a third by a name as a lead types it, a third misses.
  const rnd = random(3);
  const inside: number[] = [];
  const http: number[] = [];
  const kinds = { domain: [0, 0], name: [0, 0], miss: [0, 0] } as Record<string, [number, number]>;
  for (let i = 0; i < LOOKUPS; i++) {
    const a = imported[Math.floor(rnd() * imported.length)]!;
    const kind = i % 3 === 0 ? 'domain' : i % 3 === 1 ? 'name' : 'miss';
    const query =
      kind === 'domain'
        ? `email=${encodeURIComponent(`jo@${a.domains[0]}`)}`
        : kind === 'name'
          ? `company=${encodeURIComponent(a.name.replace(/ (Inc\.|LLC|Ltd|Corp\.|GmbH|S\.A\.|plc|Co\.|AG|B\.V\.)$/, '').toUpperCase())}`
          : `company=${encodeURIComponent(`Zzyzx Qorvath ${i}`)}&email=${encodeURIComponent(`x${i}@gmail.com`)}`;
    const start = performance.now();
    const r = await call<{ ms: number; account: { id: string } | null }>(`/lookup?${query}`);
    http.push(performance.now() - start);
    inside.push(r.ms);
    kinds[kind]![0]++;
    if ((kind === 'miss' && r.account === null) || r.account?.id === a.id) kinds[kind]![1]++;
  }
  console.log(
    `  ${LOOKUPS.toLocaleString('en')} lookups, one at a time (${Object.entries(kinds)
      .map(([k, [n, ok]]) => `${k} ${ok}/${n} right`)
      .join(', ')}):`,
  );
  console.log(`    inside the Worker (lookupAccount, D1 round trip included)  ${stats(inside)}`);
  console.log(`    from Node over loopback HTTP                                ${stats(http)}`);

  let right = 0;
  let wrong = 0;
  let expected = 0;
  for (const [typed, id] of fixture.variants) {
    const r = await call<{ account: { id: string; confidence: number } | null }>(`/lookup?company=${encodeURIComponent(typed)}`);
    const got = r.account && r.account.confidence >= DEFAULT_MIN_CONFIDENCE ? r.account.id.replace(/^csv:/, '') : null;
    if (id !== null) expected++;
    if (got !== null && got === id) right++;
    else if (got !== null) wrong++;
  }
  console.log(
    `  matching test set (${expected} variants with an account, ${fixture.variants.length - expected} that must match none) among ${total.toLocaleString('en')} accounts, threshold ${DEFAULT_MIN_CONFIDENCE}:`,
  );
  console.log(`    precision ${(right / (right + wrong)).toFixed(3)}, recall ${(right / expected).toFixed(3)} (goal: precision ≥ 0.98 at recall ≥ 0.9)`);
} finally {
  worker.stop();
  hubspot.close();
}
