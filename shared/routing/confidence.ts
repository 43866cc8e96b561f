/**
 * Routing confidence: a decision taken on missing or doubtful data says so (seeds/000:
 * "flagging routing confidence when data is incomplete"). A route passed over only because the
 * lead left out what it tests, an account match too weak to route on, an account owner who is
 * no rep, a score short of points for want of data: each is a reason, in words.
 */
import type { CompiledConfig, CompiledRoute } from './compile.ts';
import { holds, firstFailing, type CompiledTest, type SlotValue } from './conditions.ts';
import { missingScoreFields, SCORE_FIELDS } from './score.ts';
import type { RoutableLead } from './types.ts';
import { indexUnreadWords } from '../enrichment/trace.ts';

/** {@link matchingAlternative}'s answer for a route that could have matched had the lead given more. */
export const MISSING = -2;

/** Firmographics any lead may lack and enrichment could fill, whatever the form asks. */
const FIRMOGRAPHIC = ['employees', 'employeesMax', 'country', 'region', 'company', 'industry'];
/** The routable fields a form field gives. */
const GIVES: Readonly<Record<string, readonly string[]>> = {
  email: ['email', 'emailDomain', 'emailKind', 'domain'],
  website: ['website', 'domain'],
  postalCode: ['postalCode', 'postalDistrict'],
};
const lackables = new WeakMap<object, ReadonlySet<string>>();
const FIRMOGRAPHIC_ONLY: ReadonlySet<string> = new Set(FIRMOGRAPHIC);

/**
 * The fields a lead of this form type can be said to lack: those its form asks for, and
 * firmographics. A field the form never asks for (a contact form's `product`) or whose absence
 * is an answer (no territory, no account tier, no intent signal) is no gap.
 */
export function lackable(c: CompiledConfig, formType: string): ReadonlySet<string> {
  const spec = c.formTypes.get(formType)?.spec;
  if (spec === undefined) return FIRMOGRAPHIC_ONLY;
  let set = lackables.get(spec);
  if (!set) lackables.set(spec, (set = new Set([...FIRMOGRAPHIC, ...spec.fields.flatMap((f) => GIVES[f] ?? [f])])));
  return set;
}

/** True when a failed test failed for want of data the lead could have given. */
function lacking(test: CompiledTest, value: SlotValue, could: ReadonlySet<string>): boolean {
  return value === undefined && test.op !== 'exists' && could.has(test.field);
}

/**
 * The first alternative of `when` that holds; else -1, or {@link MISSING} when some alternative
 * failed only on fields the lead lacks (an `exists` test is a deliberate no, not missing data).
 */
export function matchingAlternative(when: CompiledRoute['when'], values: readonly SlotValue[], could: ReadonlySet<string>): number {
  let result = -1;
  for (let i = 0; i < when.length; i++) {
    const tests = when[i]!;
    const failing = firstFailing(tests, values);
    if (failing === -1) return i;
    // Cheap in the usual case: the first failing test is on a value the lead has.
    if (result === -1 && lacking(tests[failing]!, values[tests[failing]!.slot], could) && missingFields(tests, values, could) !== undefined) result = MISSING;
  }
  return result;
}

/** The fields an alternative failed on when all of them are missing from the lead; undefined when it failed on data the lead has. */
function missingFields(tests: readonly CompiledTest[], values: readonly SlotValue[], could: ReadonlySet<string>): string[] | undefined {
  const fields: string[] = [];
  for (const test of tests) {
    if (holds(test, values[test.slot])) continue;
    if (!lacking(test, values[test.slot], could)) return undefined;
    if (!fields.includes(test.field)) fields.push(test.field);
  }
  return fields;
}

/**
 * Why the decision may be wrong, in words; empty when it rests on sound data.
 * @param missed routes the engine saw fail only for lack of data
 * @param taken the index of the route that took the lead (the route count for the fallback)
 */
export function lowConfidence(
  c: CompiledConfig,
  lead: RoutableLead,
  values: readonly SlotValue[],
  missed: readonly number[] | undefined,
  taken: number,
): string[] {
  const reasons: string[] = [];
  if (lead.indexUnread !== undefined) reasons.push(indexUnreadWords(lead.indexUnread));
  const a = lead.account;
  if (a !== undefined && a.confidence < c.minConfidence) {
    reasons.push(`the company '${a.matchedOn}' resembles the account '${a.name}' only ${a.confidence} (below ${c.minConfidence}): not routed on`);
  } else if (a !== undefined && a.owner === undefined && a.ownerRef !== undefined) {
    reasons.push(`the account '${a.name}' is owned by ${a.ownerRef}, who is no rep in the config`);
  }
  // Routes the route index skipped (the lead lacks the field it sorts on) were not seen failing.
  const passed = new Set(missed);
  const could = lackable(c, lead.formType);
  if (c.index.slot >= 0 && values[c.index.slot] === undefined) {
    for (let i = 0; i < taken; i++) if (matchingAlternative(c.routes[i]!.when, values, could) === MISSING) passed.add(i);
  }
  for (const i of [...passed].sort((x, y) => x - y)) {
    if (i >= taken) continue;
    const fields = c.routes[i]!.when.map((tests) => missingFields(tests, values, could)).find((f) => f !== undefined) ?? [];
    reasons.push(`route '${c.routes[i]!.id}' was passed over for want of ${fields.join(' and ')}`);
  }
  const route = c.routes[taken];
  if (c.scoring && route && route.when.some((tests) => tests.some((t) => (SCORE_FIELDS as readonly string[]).includes(t.field)))) {
    const lacking = missingScoreFields(c.scoring, values).filter((f) => could.has(f));
    if (lacking.length > 0) reasons.push(`route '${route.id}' tested the score, which earned nothing for the missing ${lacking.join(', ')}`);
  }
  return reasons;
}
