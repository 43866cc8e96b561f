/**
 * `npm run bench`: routing decisions per second on 100,000 leads, 10,000 named accounts,
 * 30 routes and 200 reps: ours (with a trace recorded for every decision, and the state
 * threaded exactly as RouterState threads it: `route`, then `applyStateChange`, per lead)
 * against the same routing in json-logic-js and json-rules-engine; and ours again with a
 * language requirement on every pool route and a daily cap on every rep. Checks that all
 * assign every lead to the same owner, then prints medians and ratios.
 */
import { parseConfig } from '../../shared/config/parse.ts';
import { applyStateChange, compiled, route } from '../../shared/routing/route.ts';
import type { CompiledConfig } from '../../shared/routing/compile.ts';
import type { RoutableLead, RoutingState } from '../../shared/routing/types.ts';
import { SIZE, benchConfig, benchConfigWithSkills, benchLeads } from './fixture.ts';
import { jsonLogicRouter, jsonRulesEngineRouter, type Router } from './generic-engines.ts';
import { helpRequested } from '../cli.ts';

helpRequested(`
Usage: npm run bench   (this is its second half)

Routing decisions per second on 100,000 leads (10,000 named accounts, 30 routes, 200 reps):
ours, with a trace per decision, against json-logic-js and json-rules-engine; checks that all
three assign every lead alike, then prints medians and ratios.
`);

const parsed = parseConfig(benchConfig());
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const config = parsed.config;
const c = compiled(config);
const { leads, instants } = benchLeads();
console.log(
  `routing benchmark: ${SIZE.leads.toLocaleString('en')} leads, ${SIZE.accounts.toLocaleString('en')} named accounts, ${c.routes.length} routes, ${c.reps.length} reps, Node ${process.version}`,
);

/** Our engine as RouterState.decide runs it: route the lead, then commit its state change. */
function production(config: CompiledConfig): Router {
  return (lead: RoutableLead, at: number, state: RoutingState): string => {
    const decision = route(lead, config, state, at);
    if (decision.trace.length === 0) throw new Error('no trace');
    applyStateChange(state, decision.stateChange);
    return decision.owner.id;
  };
}
const ours = production(c);
const withSkills = parseConfig(benchConfigWithSkills());
if (!withSkills.ok) throw new Error(JSON.stringify(withSkills.issues));

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
  ['+ languages, daily caps', production(withSkills.compiled), 7],
];
const rates = new Map<string, number>();
let reference: string[] | undefined;
for (const [name, router] of contenders) {
  const warm = await runAll(router);
  if (!reference) reference = warm.owners;
  else {
    const differing = warm.owners.filter((o, i) => o !== reference![i]).length;
    if (differing > 0) throw new Error(`${name} assigned ${differing} leads differently from lead-router`);
  }
}
// Our two configs' runs interleave, so a busy moment of the machine or a warmer JIT favours
// neither; the generic engines (which leave much garbage behind) run after them, in turn.
const samples = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
const ourTwo = contenders.filter(([name]) => name.startsWith('lead-router') || name.startsWith('+'));
for (let run = 0; run < 7; run++) for (const [name, router] of ourTwo) samples.get(name)!.push(leads.length / (await runAll(router)).seconds);
for (const [name, router, runs] of contenders) {
  if (ourTwo.some(([ours]) => ours === name)) continue;
  for (let run = 0; run < runs; run++) samples.get(name)!.push(leads.length / (await runAll(router)).seconds);
}
for (const [name, , runs] of contenders) {
  const rate = samples.get(name)!;
  rates.set(name, median(rate));
  console.log(
    `  ${name.padEnd(24)} ${Math.round(median(rate)).toLocaleString('en').padStart(11)} decisions/s  (median of ${runs} runs; min ${Math.round(Math.min(...rate)).toLocaleString('en')}, max ${Math.round(Math.max(...rate)).toLocaleString('en')})`,
  );
}

const ourRate = rates.get('lead-router (trace on)')!;
console.log(`\nassignments identical across the engines and configs: ${leads.length.toLocaleString('en')} of ${leads.length.toLocaleString('en')}`);
console.log('  lead-router: each decision is routed and its state change committed with applyStateChange, as RouterState does');
for (const [name, rate] of rates) {
  if (name.startsWith('+')) console.log(`  lead-router ${name}: ${(rate / ourRate).toFixed(2)}× the plain config's rate`);
  else if (rate !== ourRate) console.log(`  lead-router vs ${name}: ${(ourRate / rate).toFixed(1)}× faster`);
}
const owners = new Map<string, number>();
for (const owner of reference!) owners.set(owner, (owners.get(owner) ?? 0) + 1);
console.log(`  owners used: ${owners.size}; to queues: triage ${owners.get('triage') ?? 0}, junk ${owners.get('junk') ?? 0}`);
