/**
 * Turns a decision's packed trace into sentences a RevOps person can audit: every route in
 * order with why it matched or not, every candidate rep with why they were taken or passed over.
 * Conditions are re-evaluated on the lead (they are pure); availability is read from the trace,
 * so the explanation is exactly what happened, not a second guess.
 */
import type { RoutingConfig } from '../config/schema.ts';
import { formatDuration } from '../time/duration.ts';
import { outOfOffice } from './availability.ts';
import { localTime, type Zone } from './clock.ts';
import type { CompiledConfig, CompiledPool, CompiledTarget } from './compile.ts';
import { describeTest, holds, type SlotValue } from './conditions.ts';
import { accountOwner, configAccountDomain, contactOwner, describeAccount } from './account.ts';
import { compiled, slotValues } from './route.ts';
import { explainScore } from './score.ts';
import { foundLines } from '../enrichment/trace.ts';
import { missingSkill, needOf, type Need } from './team.ts';
import { Reason, Step, unpack } from './trace.ts';
import type { CandidateReason, Decision, RoutableLead, TraceLine } from './types.ts';

const REASONS: Record<number, CandidateReason> = {
  [Reason.Taken]: 'taken',
  [Reason.Inactive]: 'inactive',
  [Reason.OutOfOffice]: 'out_of_office',
  [Reason.OffHours]: 'off_hours',
  [Reason.AtCapacity]: 'at_capacity',
  [Reason.NoLanguage]: 'no_language',
  [Reason.NoSkill]: 'no_skill',
  [Reason.AtDailyCap]: 'at_daily_cap',
};
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The decision's trace as sentences, in the order routing went. */
export function explain(decision: Decision, lead: RoutableLead, config: RoutingConfig | CompiledConfig): TraceLine[] {
  const c = compiled(config);
  const account = accountOwner(c, lead);
  const values = slotValues(c, lead, account);
  const lines: TraceLine[] = [];
  // What routing knew before the first route: the lead's account and its score.
  if (decision.strategy !== 'junk') {
    lines.push(...foundLines(lead));
    if (lead.account !== undefined)
      lines.push({ step: 'account', account: lead.account.id, used: lead.account.confidence >= c.minConfidence, reason: describeAccount(c, lead.account) });
    else if (account >= 0)
      lines.push({
        step: 'account',
        account: `config:${configAccountDomain(c, lead.domain)}`,
        used: true,
        reason: `named account ${configAccountDomain(c, lead.domain)} in the config, owner ${c.reps[account]!.name}`,
      });
    if (c.scoring && decision.score)
      lines.push({ step: 'score', score: decision.score.score, reason: `score ${decision.score.score}: ${explainScore(c.scoring, values)}` });
    if (decision.confidence) lines.push({ step: 'confidence', level: 'low', reason: `low confidence: ${decision.confidence.reasons.join('; ')}` });
  }
  let routeId = '';
  let target: CompiledTarget | undefined;
  // What the matched route requires of the rep taking this lead (its target only).
  let need: Need | undefined;
  let seen = new Set<number>();

  const closePool = () => {
    if (target?.kind !== 'pool') return;
    const pool = c.pools[target.pool]!;
    for (const member of pool.members) {
      if (seen.has(member)) continue;
      const rep = c.reps[member]!;
      const leastLoaded = pool.strategy === 'least_loaded';
      lines.push({
        step: 'candidate',
        route: routeId,
        rep: rep.id,
        taken: false,
        reason: leastLoaded ? 'more_loaded' : 'not_next',
        detail: leastLoaded ? 'as many open leads or more, per unit of weight' : `not next in ${pool.strategy === 'weighted' ? 'the weighted ' : ''}rotation`,
      });
    }
    target = undefined;
  };

  // Routes not recorded between two recorded ones failed their conditions.
  let nextRoute = 0;
  const failedUpTo = (end: number) => {
    for (; nextRoute < end; nextRoute++) {
      lines.push({ step: 'route', route: c.routes[nextRoute]!.id, matched: false, reason: whyNot(c, nextRoute, values) });
    }
  };

  for (let i = 0; i < decision.trace.length; i++) {
    const { tag, a, b } = unpack(decision.trace[i]!);
    if (tag !== Step.Candidate && tag !== Step.Load && tag !== Step.Entry) closePool();
    if (tag === Step.NoAccount || tag === Step.NoContact || tag === Step.Match) {
      failedUpTo(a);
      nextRoute = a + 1;
    } else if (tag === Step.Fallback) failedUpTo(c.routes.length);
    switch (tag) {
      case Step.Junk:
        lines.push({ step: 'junk', queue: decision.owner.id, reason: 'qualified as junk: junk is reviewed by a person, never sent to a rep or confirmed' });
        break;
      case Step.NoMatch:
        lines.push({ step: 'route', route: c.routes[a]!.id, matched: false, reason: whyNot(c, a, values) });
        break;
      case Step.NoAccount:
        lines.push({
          step: 'route',
          route: c.routes[a]!.id,
          matched: false,
          reason: lead.domain ? `${lead.domain} is not a named account` : 'the lead has no company domain to match a named account',
        });
        break;
      case Step.NoContact:
        lines.push({
          step: 'route',
          route: c.routes[a]!.id,
          matched: false,
          reason: lead.contactOwner ? `the known contact's owner ${lead.contactOwner} is no rep in the config` : 'the lead is no known contact of a rep',
        });
        break;
      case Step.Match: {
        const r = c.routes[a]!;
        routeId = r.id;
        target = r.target;
        need = r.requirement === undefined ? undefined : needOf(r.requirement, lead);
        seen = new Set();
        lines.push({
          step: 'route',
          route: r.id,
          matched: true,
          reason: why(c, a, b, values, r.target, r.target.kind === 'contact' ? contactOwner(c, lead) : account) + requirementWords(c, a, need),
        });
        break;
      }
      case Step.Alternate:
        target = c.routes[a]!.ifUnavailable;
        need = undefined;
        seen = new Set();
        break;
      case Step.Unavailable:
        lines.push({ step: 'route', route: c.routes[a]!.id, matched: false, reason: 'nobody it names is available now; trying the next route' });
        break;
      case Step.Candidate: {
        seen.add(a);
        const rep = c.reps[a]!;
        const reason = REASONS[b]!;
        lines.push({ step: 'candidate', route: routeId, rep: rep.id, taken: b === Reason.Taken, reason, detail: detail(c, decision, a, reason, target, need) });
        break;
      }
      case Step.Load: {
        const last = lines[lines.length - 1];
        if (last?.step === 'candidate') last.detail = `fewest open leads per unit of weight (${a} open)`;
        break;
      }
      case Step.Entry: {
        const last = lines[lines.length - 1];
        if (last?.step === 'candidate') last.detail = `(re)entering the pool: counted level with the least-loaded colleague (${a} open, counted as ${b})`;
        break;
      }
      case Step.Fallback:
        lines.push({ step: 'fallback', queue: decision.owner.id, reason: 'no route took the lead: the fallback queue owns it' });
        break;
    }
  }
  closePool();
  return lines;
}

function whyNot(c: CompiledConfig, routeIndex: number, values: readonly SlotValue[]): string {
  return c.routes[routeIndex]!.when.map((alternative) => {
    const failing = alternative.find((test) => !holds(test, values[test.slot]));
    return failing ? describeTest(failing, values[failing.slot], false) : 'holds';
  }).join('; and ');
}

function why(c: CompiledConfig, routeIndex: number, alternative: number, values: readonly SlotValue[], target: CompiledTarget, account: number): string {
  const tests = c.routes[routeIndex]!.when[alternative] ?? [];
  const parts = tests.map((test) => describeTest(test, values[test.slot], true));
  if (target.kind === 'account') parts.push(`named account owned by ${c.reps[account]?.name ?? '?'}`);
  if (target.kind === 'contact') parts.push(`known contact owned by ${c.reps[account]?.name ?? '?'}`);
  return parts.length > 0 ? parts.join(' and ') : 'every lead reaching this route';
}

/** What a route's requirement asked of the rep for this lead, as the end of its match line. */
function requirementWords(c: CompiledConfig, routeIndex: number, need: Need | undefined): string {
  if (c.routes[routeIndex]!.requirement === undefined) return '';
  if (need === undefined) return "; the lead's language (or product) is unknown, so any member may take it";
  const parts = need.skills.map((skill) => `the skill ${skill}`);
  if (need.language !== undefined) parts.unshift(`a speaker of ${need.language}`);
  return `; needs ${parts.join(' and ')}`;
}

function detail(
  c: CompiledConfig,
  decision: Decision,
  repIndex: number,
  reason: CandidateReason,
  target: CompiledTarget | undefined,
  need: Need | undefined,
): string {
  const rep = c.reps[repIndex]!;
  switch (reason) {
    case 'taken':
      if (decision.strategy === 'backup' && decision.owner.id === rep.id) return 'covering as out-of-office backup';
      if (target?.kind === 'pool') return poolWord(c.pools[target.pool]!);
      return target?.kind === 'account' ? 'owns the named account' : target?.kind === 'contact' ? 'owns the known contact' : 'named by the route';
    case 'inactive':
      return 'inactive';
    case 'out_of_office': {
      const range = outOfOffice(rep, decision.at);
      const until = range ? `${localStamp(range.to, rep.zone)} ${rep.zone.name}` : '?';
      const backup = range && range.backup >= 0 ? `, backup ${c.reps[range.backup]!.name}` : ', no backup';
      return `out of office until ${until}${backup}`;
    }
    case 'off_hours': {
      const { weekday, minute } = localTime(rep.zone, decision.at);
      const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      return `off hours (${WEEKDAYS[weekday]} ${hhmm} in ${rep.zone.name})`;
    }
    case 'at_capacity':
      return `at capacity (${rep.capacity} open leads)`;
    case 'at_daily_cap':
      return `at daily cap (${rep.dailyCapacity} new leads today in ${rep.zone.name})`;
    case 'no_language':
      return `does not speak ${need?.language ?? '?'}`;
    case 'no_skill':
      return `lacks the skill ${need ? missingSkill(rep, need) : '?'}`;
    default:
      return '';
  }
}

/** `2027-01-02 00:00` on the zone's wall clock. */
function localStamp(epochMs: number, zone: Zone): string {
  return new Date(epochMs + zone.offsetAt(epochMs)).toISOString().slice(0, 16).replace('T', ' ');
}

function poolWord(pool: CompiledPool): string {
  if (pool.strategy === 'least_loaded') return 'fewest open leads per unit of weight';
  return pool.strategy === 'weighted' ? 'next in the weighted rotation' : 'next in rotation';
}

/** A one-line summary of a decision: owner, route, strategy, SLA. */
export function summarize(decision: Decision): string {
  const who = decision.owner.kind === 'rep' ? decision.owner.name : `queue "${decision.owner.name}"`;
  const how = decision.pool ? `${decision.strategy.replace('_', '-')} in pool ${decision.pool}` : decision.strategy.replace('_', ' ');
  return `${who} via ${decision.route} (${how}), respond within ${formatDuration(decision.slaMs)}`;
}
