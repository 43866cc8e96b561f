/**
 * The routing engine: `route(lead, config, state, now)` → one owner, always, with the route,
 * the strategy, the SLA, the escalation chain, the state change and a trace.
 *
 * Pure and deterministic: live state goes in, the change comes out, nothing is mutated, and
 * the same inputs give the same decision. The caller commits the change with
 * {@link applyStateChange} before routing the next lead. First matching route wins; junk goes to the junk
 * queue before any route; a lead no route takes goes to the mandatory fallback queue.
 */
import type { RoutingConfig } from '../config/schema.ts';
import { accountOwner, contactOwner, usableAccount } from './account.ts';
import { availability, outOfOffice } from './availability.ts';
import { compileConfig, type CompileProblem, type CompiledConfig, type CompiledTarget } from './compile.ts';
import { matches, type SlotValue } from './conditions.ts';
import { MISSING, lackable, lowConfidence, matchingAlternative } from './confidence.ts';
import { pickFromPool } from './pools.ts';
import { scoreLead } from './score.ts';
import { needOf, type Need } from './team.ts';
import { Reason, Step, pack } from './trace.ts';
import type { Decision, EscalationStep, RoutableLead, RoutingState, StateChange, Strategy } from './types.ts';

export { applyStateChange, copyState, movesState } from './state-change.ts';

/** Raised when a config that fails its checks is routed with. */
export class InvalidConfigError extends Error {
  readonly problems: readonly CompileProblem[];
  constructor(problems: readonly CompileProblem[]) {
    super(`invalid routing config: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.problems = problems;
  }
}

const compiledConfigs = new WeakMap<RoutingConfig, CompiledConfig>();
// The config of the last call: a pointer comparison instead of a lookup for the common case.
let lastConfig: RoutingConfig | CompiledConfig | undefined;
let lastCompiled: CompiledConfig | undefined;

/** The compiled form of a parsed config, compiled on first use and cached. */
export function compiled(config: RoutingConfig | CompiledConfig): CompiledConfig {
  if (config === lastConfig) return lastCompiled!;
  const c = 'slotFolds' in config ? config : compileCached(config);
  lastConfig = config;
  lastCompiled = c;
  return c;
}

function compileCached(config: RoutingConfig): CompiledConfig {
  let c = compiledConfigs.get(config);
  if (!c) {
    const problems: CompileProblem[] = [];
    c = compileConfig(config, problems);
    if (problems.length > 0) throw new InvalidConfigError(problems);
    compiledConfigs.set(config, c);
  }
  return c;
}

const NO_ESCALATION: readonly EscalationStep[] = Object.freeze([]);

/**
 * Routes one lead.
 * @param lead the normalised, qualified lead
 * @param config a parsed config (see `parseConfig`) or its compiled form
 * @param state cursors, open leads, new leads today and least-loaded rosters, as they are now
 * @param now the instant of the decision (epoch ms or Date): availability is judged then
 * @example
 * const decision = route(lead, config, { cursors: {}, load: {} }, Date.now());
 * decision.owner // { kind: 'rep', id: 'dana', name: 'Dana Whitfield' }
 */
export function route(lead: RoutableLead, config: RoutingConfig | CompiledConfig, state: RoutingState, now: number | Date): Decision {
  const c = compiled(config);
  const at = typeof now === 'number' ? now : now.getTime();
  const trace: number[] = [];

  if (lead.status === 'junk') {
    trace.push(pack(Step.Junk));
    // Junk is reviewed, never escalated: nobody should be paged for a bot.
    const slaMs = c.fallback.slaMs ?? c.formTypes.get(lead.formType)?.slaMs ?? c.defaultSlaMs;
    return queueDecision(c, c.junkQueue, '$junk', 'junk', slaMs, undefined, at, trace);
  }

  const account = accountOwner(c, lead);
  const contact = contactOwner(c, lead);
  const values = slotValues(c, lead, account, c.scratch);
  const routes = c.routes;
  const candidates = c.index.slot < 0 ? c.index.other : (c.index.byValue.get(values[c.index.slot]) ?? c.index.other);
  // Routes passed over only for lack of data: the decision then rests on what the lead left out.
  let missed: number[] | undefined;
  const could = lackable(c, lead.formType);
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!;
    const r = routes[i]!;
    const alternative = matchingAlternative(r.when, values, could);
    // A route whose conditions fail is not recorded: explain() knows every route before the
    // next recorded one failed its conditions, and re-evaluates them to say why.
    if (alternative < 0) {
      if (alternative === MISSING) (missed ??= []).push(i);
      continue;
    }
    if (r.target.kind === 'account' && account < 0) {
      trace.push(pack(Step.NoAccount, i));
      continue;
    }
    if (r.target.kind === 'contact' && contact < 0) {
      trace.push(pack(Step.NoContact, i));
      continue;
    }
    trace.push(pack(Step.Match, i, alternative));
    // A requirement (a language, skills) applies to the route's target; `ifUnavailable` is
    // where its leads go when nobody there qualifies.
    const need = r.requirement === undefined ? undefined : needOf(r.requirement, lead);
    let found = resolve(c, r.target, account, contact, state, at, trace, need);
    if (!found && r.ifUnavailable) {
      trace.push(pack(Step.Alternate, i));
      found = resolve(c, r.ifUnavailable, account, contact, state, at, trace, undefined);
    }
    if (found) {
      const formType = c.formTypes.get(lead.formType);
      const slaMs = r.slaMs ?? formType?.slaMs ?? c.defaultSlaMs;
      const escalationId = r.escalation ?? formType?.escalation ?? c.defaultEscalation;
      if (found.queue !== undefined)
        return finish(
          c,
          lead,
          values,
          missed,
          i,
          queueDecision(c, found.queue, r.id, found.strategy, slaMs, escalationId, at, trace, r.slaClock ?? formType?.slaClock),
        );
      const decision: Decision = {
        owner: c.reps[found.rep]!.owner,
        at,
        route: r.id,
        strategy: found.strategy,
        slaMs,
        slaClock: r.slaClock ?? formType?.slaClock ?? c.defaultSlaClock,
        escalation: escalationSteps(c, escalationId),
        stateChange: found.change,
        trace,
        // Always present (maybe undefined) so every decision has one shape: faster to build and read.
        pool: found.pool,
        escalationId,
        score: undefined,
        confidence: undefined,
      };
      return finish(c, lead, values, missed, i, decision);
    }
    trace.push(pack(Step.Unavailable, i));
  }

  trace.push(pack(Step.Fallback));
  const fallbackSla = c.fallback.slaMs ?? c.formTypes.get(lead.formType)?.slaMs ?? c.defaultSlaMs;
  return finish(
    c,
    lead,
    values,
    missed,
    routes.length,
    queueDecision(c, c.fallback.queue, '$fallback', 'fallback', fallbackSla, c.fallback.escalation, at, trace),
  );
}

/** Adds the score, and the confidence when the decision rests on missing or doubtful data. */
function finish(
  c: CompiledConfig,
  lead: RoutableLead,
  values: readonly SlotValue[],
  missed: number[] | undefined,
  taken: number,
  decision: Decision,
): Decision {
  if (c.scoring)
    decision.score = { score: values[c.scoreSlots[0]] as number, fit: values[c.scoreSlots[1]] as number, engagement: values[c.scoreSlots[2]] as number };
  // Only leads with something left out or doubtful pay for the reasons.
  if (
    missed !== undefined ||
    lead.account !== undefined ||
    lead.indexUnread !== undefined ||
    c.scoring ||
    (c.index.slot >= 0 && values[c.index.slot] === undefined)
  ) {
    const reasons = lowConfidence(c, lead, values, missed, taken);
    if (reasons.length > 0) decision.confidence = { level: 'low', reasons };
  }
  return decision;
}

interface Found {
  rep: number;
  queue?: number;
  pool?: string;
  strategy: Strategy;
  change: StateChange;
}

function resolve(
  c: CompiledConfig,
  target: CompiledTarget,
  account: number,
  contact: number,
  state: RoutingState,
  now: number,
  trace: number[],
  need: Need | undefined,
): Found | undefined {
  switch (target.kind) {
    case 'queue':
      return { rep: -1, queue: target.queue, strategy: 'queue', change: {} };
    case 'pool': {
      const pool = c.pools[target.pool]!;
      const pick = pickFromPool(pool, c.reps, state, now, trace, need);
      if (!pick) return undefined;
      const rep = c.reps[pick.rep]!;
      const change: StateChange = { cursor: { pool: pool.id, value: pick.cursor }, assign: rep.id, day: rep.zone.dayNumber(now) };
      if (pick.roster) change.roster = { pool: pool.id, members: pick.roster };
      return { rep: pick.rep, pool: pool.id, strategy: pool.strategy, change };
    }
    case 'rep':
      return direct(c, target.rep, 'direct', state, now, trace, need);
    case 'account':
      // An `ifUnavailable: { accountOwner: true }` for a lead with no named account finds nobody.
      return account < 0 ? undefined : direct(c, account, 'account_owner', state, now, trace, need);
    case 'contact':
      return contact < 0 ? undefined : direct(c, contact, 'contact_owner', state, now, trace, need);
  }
}

/** One named rep, or their out-of-office backup (who must meet the route's requirement too). */
function direct(
  c: CompiledConfig,
  repIndex: number,
  strategy: Strategy,
  state: RoutingState,
  now: number,
  trace: number[],
  need: Need | undefined,
): Found | undefined {
  const rep = c.reps[repIndex]!;
  const reason = availability(rep, now, state, need);
  trace.push(pack(Step.Candidate, repIndex, reason));
  if (reason === Reason.Taken) return { rep: repIndex, strategy, change: { assign: rep.id, day: rep.zone.dayNumber(now) } };
  if (reason !== Reason.OutOfOffice) return undefined;
  const backupIndex = outOfOffice(rep, now)!.backup;
  if (backupIndex < 0) return undefined;
  const backup = c.reps[backupIndex]!;
  const backupReason = availability(backup, now, state, need);
  trace.push(pack(Step.Candidate, backupIndex, backupReason));
  if (backupReason !== Reason.Taken) return undefined;
  return { rep: backupIndex, strategy: 'backup', change: { assign: backup.id, day: backup.zone.dayNumber(now) } };
}

function queueDecision(
  c: CompiledConfig,
  queue: number,
  routeId: string,
  strategy: Strategy,
  slaMs: number,
  escalationId: string | undefined,
  at: number,
  trace: number[],
  slaClock?: 'wall' | 'working_hours',
): Decision {
  const decision: Decision = {
    owner: c.queues[queue]!.owner,
    at,
    route: routeId,
    strategy,
    slaMs,
    slaClock: slaClock ?? c.defaultSlaClock,
    escalation: escalationSteps(c, escalationId),
    stateChange: {},
    trace,
    pool: undefined,
    escalationId,
    score: undefined,
    confidence: undefined,
  };
  return decision;
}

function escalationSteps(c: CompiledConfig, id: string | undefined): readonly EscalationStep[] {
  return id === undefined ? NO_ESCALATION : (c.escalations.get(id) ?? NO_ESCALATION);
}

/** The values of the fields the config's conditions name, normalised for comparison, into `values`. */
export function slotValues(c: CompiledConfig, lead: RoutableLead, account: number, values: SlotValue[] = new Array(c.slots.fields.length)): SlotValue[] {
  const fields = c.slots.fields;
  let territorySlot = -1;
  for (let i = 0; i < fields.length; i++) {
    const reader = c.slotReaders[i];
    if (reader !== undefined) {
      const value = reader(lead);
      const fold = c.slotFolds[i];
      values[i] = fold !== undefined && typeof value === 'string' ? fold(value) : value;
      continue;
    }
    const field = fields[i]!;
    if (field === 'territory') territorySlot = i;
    else if (field === 'namedAccount') values[i] = account >= 0;
    else if (field === 'accountTier' || field === 'existingCustomer') {
      const matched = usableAccount(c, lead);
      // An enriched tier stands in for the account's when the account gives none.
      values[i] = field === 'existingCustomer' ? matched?.customer === true : (matched?.tier ?? lead.tier)?.toLowerCase();
    }
  }
  if (territorySlot >= 0) {
    values[territorySlot] = undefined;
    for (const territory of c.territories) {
      if (matches(territory.when, values)) {
        values[territorySlot] = territory.id;
        break;
      }
    }
  }
  // Scored last: scoring rules may test any other field, territory and account included.
  if (c.scoring) {
    const score = scoreLead(c.scoring, values);
    values[c.scoreSlots[0]] = score.score;
    values[c.scoreSlots[1]] = score.fit;
    values[c.scoreSlots[2]] = score.engagement;
  }
  return values;
}
