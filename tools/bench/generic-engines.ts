/**
 * The benchmark's routing written for two generic rules engines, the way a team would write it
 * with them: json-logic-js (what cal.com's routing forms run) and json-rules-engine. Each
 * evaluates the same ordered routes on the same facts, first match wins; picking a rep from a
 * pool (rotation, availability, out-of-office backup) is the same plain code for all of them,
 * so the comparison is of the rule evaluation, where generic engines differ.
 */
import jsonLogic from 'json-logic-js';
import { Engine, type NestedCondition } from 'json-rules-engine';
import type { RoutingConfig, WhenSpec } from '../../shared/config/schema.ts';
import { availability, outOfOffice } from '../../shared/routing/availability.ts';
import { compiled } from '../../shared/routing/route.ts';
import type { CompiledConfig, CompiledTarget } from '../../shared/routing/compile.ts';
import { pickFromPool } from '../../shared/routing/pools.ts';
import { Reason } from '../../shared/routing/trace.ts';
import type { RoutableLead, RoutingState } from '../../shared/routing/types.ts';

/** Decides the owner id of one lead (mutating `state` as the caller's commit would). */
export type Router = (lead: RoutableLead, at: number, state: RoutingState) => string | Promise<string>;

type Test = { op: string; value: unknown };

/** The route's conditions as (field, op, value) triples; the benchmark uses one alternative per route. */
function tests(when: WhenSpec | undefined): [string, Test][] {
  if (when === undefined) return [];
  if (Array.isArray(when)) throw new Error('the benchmark uses single-alternative routes');
  return Object.entries(when).flatMap(([field, spec]): [string, Test][] => {
    if (typeof spec !== 'object') return [[field, { op: 'eq', value: spec }]];
    if (Array.isArray(spec)) return [[field, { op: 'in', value: spec }]];
    return Object.entries(spec).map(([op, value]) => [field, { op, value }]);
  });
}

/** Facts both generic engines read: the lead plus its named-account owner. */
function facts(c: CompiledConfig, lead: RoutableLead): Record<string, unknown> {
  const owner = lead.domain === undefined ? undefined : c.accounts[lead.domain];
  return { ...lead, namedAccount: owner !== undefined };
}

/** Resolves a matched route's target, the same way for every harness. */
function resolveTarget(c: CompiledConfig, target: CompiledTarget, lead: RoutableLead, at: number, state: RoutingState): string | undefined {
  if (target.kind === 'queue') return c.queues[target.queue]!.id;
  if (target.kind === 'pool') {
    const pick = pickFromPool(c.pools[target.pool]!, c.reps, state, at, []);
    if (!pick) return undefined;
    const id = c.reps[pick.rep]!.id;
    state.cursors[c.pools[target.pool]!.id] = pick.cursor;
    state.load[id] = (state.load[id] ?? 0) + 1;
    return id;
  }
  const index = target.kind === 'rep' ? target.rep : c.accounts[lead.domain!]!;
  let rep = c.reps[index]!;
  let reason = availability(rep, at, state);
  if (reason === Reason.OutOfOffice) {
    const backup = outOfOffice(rep, at)!.backup;
    if (backup < 0) return undefined;
    rep = c.reps[backup]!;
    reason = availability(rep, at, state);
  }
  if (reason !== Reason.Taken) return undefined;
  state.load[rep.id] = (state.load[rep.id] ?? 0) + 1;
  return rep.id;
}

const LOGIC_OPS: Record<string, (v: unknown, value: unknown) => jsonLogic.RulesLogic> = {
  eq: (v, value) => ({ '===': [v, value] }),
  in: (v, value) => ({ in: [v, value] }) as jsonLogic.RulesLogic,
  gte: (v, value) => ({ '>=': [v, value] }) as jsonLogic.RulesLogic,
  lt: (v, value) => ({ '<': [v, value] }) as jsonLogic.RulesLogic,
};

/** The routing as json-logic-js rules. */
export function jsonLogicRouter(config: RoutingConfig): Router {
  const c = compiled(config);
  const rules = c.routes.map((route) => {
    const parts = tests(config.routes[route.index]!.when).map(([field, t]) => LOGIC_OPS[t.op]!({ var: field }, t.value));
    if (route.target.kind === 'account') parts.push({ '===': [{ var: 'namedAccount' }, true] });
    return { logic: parts.length === 0 ? true : { and: parts }, target: route.target };
  });
  return (lead, at, state) => {
    if (lead.status === 'junk') return c.queues[c.junkQueue]!.id;
    const data = facts(c, lead);
    for (const rule of rules) {
      if (!jsonLogic.truthy(jsonLogic.apply(rule.logic, data))) continue;
      const owner = resolveTarget(c, rule.target, lead, at, state);
      if (owner !== undefined) return owner;
    }
    return c.queues[c.fallback.queue]!.id;
  };
}

const ENGINE_OPS: Record<string, string> = { eq: 'equal', in: 'in', gte: 'greaterThanInclusive', lt: 'lessThan' };

/** The routing as json-rules-engine rules: one rule per route, priority in route order. */
export function jsonRulesEngineRouter(config: RoutingConfig): Router {
  const c = compiled(config);
  const engine = new Engine([], { allowUndefinedFacts: true });
  let stopAtFirst = true;
  c.routes.forEach((route, i) => {
    const all: NestedCondition[] = tests(config.routes[route.index]!.when).map(([field, t]) => ({
      fact: field,
      operator: ENGINE_OPS[t.op]!,
      value: t.value as never,
    }));
    if (route.target.kind === 'account') all.push({ fact: 'namedAccount', operator: 'equal', value: true });
    if (all.length === 0) all.push({ fact: 'consent', operator: 'in', value: [true, false] });
    engine.addRule({ name: route.id, priority: c.routes.length - i, conditions: { all }, event: { type: 'route', params: { index: i } } });
  });
  engine.on('success', () => {
    if (stopAtFirst) engine.stop();
  });
  return async (lead, at, state) => {
    if (lead.status === 'junk') return c.queues[c.junkQueue]!.id;
    const data = facts(c, lead);
    stopAtFirst = true;
    let { events } = await engine.run(data);
    for (let attempt = 0; attempt < 2; attempt++) {
      for (const event of events) {
        const route = c.routes[(event.params as { index: number }).index]!;
        const owner = resolveTarget(c, route.target, lead, at, state);
        if (owner !== undefined) return owner;
      }
      if (attempt === 1) break;
      // The first match had nobody available: evaluate every rule and try the later matches in order.
      const first = events[0] ? (events[0].params as { index: number }).index : -1;
      stopAtFirst = false;
      events = (await engine.run(data)).events.filter((e) => (e.params as { index: number }).index > first);
    }
    return c.queues[c.fallback.queue]!.id;
  };
}
