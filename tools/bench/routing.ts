/**
 * `npm run bench`: routing decisions per second on 100,000 leads, 10,000 named accounts,
 * 30 routes and 200 reps: ours (with a trace recorded for every decision) against the same
 * routing in json-logic-js and json-rules-engine. Checks that all three assign every lead
 * to the same owner, then prints medians and ratios.
 */
import { parseConfig } from '../../shared/config/parse.ts';
import { compiled, route } from '../../shared/routing/route.ts';
import type { RoutableLead, RoutingState } from '../../shared/routing/types.ts';
import { SIZE, benchConfig, benchLeads } from './fixture.ts';
import { jsonLogicRouter, jsonRulesEngineRouter, type Router } from './generic-engines.ts';

const parsed = parseConfig(benchConfig());
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const config = parsed.config;
const c = compiled(config);
const { leads, instants } = benchLeads();
console.log(`routing benchmark: ${SIZE.leads.toLocaleString('en')} leads, ${SIZE.accounts.toLocaleString('en')} named accounts, ${c.routes.length} routes, ${c.reps.length} reps, Node ${process.version}`);

function ours(lead: RoutableLead, at: number, state: RoutingState): string {
  const decision = route(lead, c, state, at);
  if (decision.trace.length === 0) throw new Error('no trace');
  const change = decision.stateChange;
  if (change.cursor) state.cursors[change.cursor.pool] = change.cursor.value;
  if (change.assign) state.load[change.assign] = (state.load[change.assign] ?? 0) + 1;
  return decision.owner.id;
}

async function runAll(router: Router): Promise<{ owners: string[]; seconds: number }> {
  const state: RoutingState = { cursors: {}, load: {} };
  const owners = new Array<string>(leads.length);
  const start = process.hrtime.bigint();
  for (let i = 0; i < leads.length; i++) {
    const owner = router(leads[i]!, instants[i]!, state);
    owners[i] = typeof owner === 'string' ? owner : await owner;
  }
  return { owners, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const contenders: [string, Router, number][] = [
  ['lead-router (trace on)', ours, 7],
  ['json-logic-js', jsonLogicRouter(config), 3],
  ['json-rules-engine', jsonRulesEngineRouter(config), 1],
];
const rates = new Map<string, number>();
let reference: string[] | undefined;
for (const [name, router, runs] of contenders) {
  const warm = await runAll(router);
  if (!reference) reference = warm.owners;
  else {
    const differing = warm.owners.filter((o, i) => o !== reference![i]).length;
    if (differing > 0) throw new Error(`${name} assigned ${differing} leads differently from lead-router`);
  }
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(leads.length / (await runAll(router)).seconds);
  rates.set(name, median(samples));
  console.log(`  ${name.padEnd(24)} ${Math.round(median(samples)).toLocaleString('en').padStart(11)} decisions/s  (median of ${runs} runs; min ${Math.round(Math.min(...samples)).toLocaleString('en')}, max ${Math.round(Math.max(...samples)).toLocaleString('en')})`);
}

const ourRate = rates.get('lead-router (trace on)')!;
console.log(`\nassignments identical across the three engines: ${leads.length.toLocaleString('en')} of ${leads.length.toLocaleString('en')}`);
for (const [name, rate] of rates) {
  if (rate !== ourRate) console.log(`  lead-router vs ${name}: ${(ourRate / rate).toFixed(1)}× faster`);
}
const owners = new Map<string, number>();
for (const owner of reference!) owners.set(owner, (owners.get(owner) ?? 0) + 1);
console.log(`  owners used: ${owners.size}; to queues: triage ${owners.get('triage') ?? 0}, junk ${owners.get('junk') ?? 0}`);
