/**
 * Lead scoring: the config's `scoring` section gives points per condition, for fit (who the lead
 * is: size, country, tier) and for engagement (what they did: form, page, intent), each part
 * capped and never below 0. The sum is the lead's `score`, which routes test like any field
 * (`"score": { "gte": 80 }`), and which the trace explains rule by rule.
 */
import type { RoutingConfig } from '../config/schema.ts';
import { compileWhen, describeTest, firstFailing, type CompiledWhen, type SlotTable, type SlotValue, type WhenContext } from './conditions.ts';

/** The score of one lead. */
export interface LeadScore {
  score: number;
  fit: number;
  engagement: number;
}

/** One scoring rule, compiled. */
interface CompiledRule {
  when: CompiledWhen;
  points: number;
  label: string | undefined;
}

/** One part of the score (fit or engagement), compiled. */
interface CompiledPart {
  rules: readonly CompiledRule[];
  max: number;
}

/** The scoring section, compiled against the config's slots. */
export interface CompiledScoring {
  fit: CompiledPart;
  engagement: CompiledPart;
}

/** The fields scoring produces: conditions may test them in routes, never in scoring itself. */
export const SCORE_FIELDS = ['score', 'fit', 'engagement'] as const;

/** Compiles the `scoring` section, or undefined when the config has none. */
export function compileScoring(spec: RoutingConfig['scoring'], slots: SlotTable, context: (prefix: string) => WhenContext): CompiledScoring | undefined {
  if (spec === undefined) return undefined;
  const part = (name: 'fit' | 'engagement'): CompiledPart => {
    const p = spec[name];
    const rules = (p?.rules ?? []).map((rule, i) => {
      const path = `scoring.${name}.rules[${i}]`;
      const ctx = context(`${path}.when.`);
      const when = compileWhen(rule.when, slots, ctx);
      for (const test of when.flat()) {
        if ((SCORE_FIELDS as readonly string[]).includes(test.field)) ctx.problem(test.field, 'a scoring rule cannot test the score it makes');
      }
      return { when, points: rule.points, label: rule.label };
    });
    return { rules, max: p?.max ?? Number.POSITIVE_INFINITY };
  };
  return { fit: part('fit'), engagement: part('engagement') };
}

/** The lead's score from its slot values. */
export function scoreLead(scoring: CompiledScoring, values: readonly SlotValue[]): LeadScore {
  const fit = partScore(scoring.fit, values);
  const engagement = partScore(scoring.engagement, values);
  return { score: fit + engagement, fit, engagement };
}

function partScore(part: CompiledPart, values: readonly SlotValue[]): number {
  let sum = 0;
  for (const rule of part.rules) if (holdsAny(rule.when, values) >= 0) sum += rule.points;
  return Math.min(part.max, Math.max(0, sum));
}

function holdsAny(when: CompiledWhen, values: readonly SlotValue[]): number {
  for (let i = 0; i < when.length; i++) if (firstFailing(when[i]!, values) === -1) return i;
  return -1;
}

/**
 * The score explained point by point, e.g.
 * `fit 45 of 60: employees 250 ≥ 200 +25, country "US" is one of [us, ca] +20; engagement 0`.
 */
export function explainScore(scoring: CompiledScoring, values: readonly SlotValue[]): string {
  const part = (name: string, p: CompiledPart) => {
    const parts: string[] = [];
    let sum = 0;
    for (const rule of p.rules) {
      const alternative = holdsAny(rule.when, values);
      if (alternative < 0) continue;
      sum += rule.points;
      const why = rule.label ?? (rule.when[alternative]!.map((t) => describeTest(t, values[t.slot], true)).join(' and ') || 'every lead');
      parts.push(`${why} ${rule.points >= 0 ? '+' : ''}${rule.points}`);
    }
    const total = Math.min(p.max, Math.max(0, sum));
    const capped = total !== sum ? ` (${sum} ${sum > total ? 'capped' : 'floored'})` : '';
    const of = Number.isFinite(p.max) ? ` of ${p.max}` : '';
    return `${name} ${total}${of}${capped}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
  };
  return `${part('fit', scoring.fit)}; ${part('engagement', scoring.engagement)}`;
}

/** The fields scoring rules read that the lead lacks: points it could not earn. */
export function missingScoreFields(scoring: CompiledScoring, values: readonly SlotValue[]): string[] {
  const missing = new Set<string>();
  for (const rule of [...scoring.fit.rules, ...scoring.engagement.rules]) {
    for (const test of rule.when.flat()) if (test.op !== 'exists' && values[test.slot] === undefined) missing.add(test.field);
  }
  return [...missing];
}
