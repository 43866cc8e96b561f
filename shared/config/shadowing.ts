/**
 * Finds routes an earlier route shadows: every lead the later route matches, the earlier one
 * matches first. Decided on the conditions alone, conservatively: a warning is only given when
 * the implication is certain (a later `country: "US"` under an earlier `country: ["US", "CA"]`),
 * never on a guess.
 */
import type { CompiledConfig, CompiledRoute } from '../routing/compile.ts';
import { holds, type CompiledTest } from '../routing/conditions.ts';
import type { ConfigWarning } from './checks.ts';

/** One shadowed route, as a warning that names both routes. */
export type ShadowWarning = ConfigWarning;

/** Warnings for every route that an earlier one shadows. */
export function findShadowedRoutes(c: CompiledConfig): ShadowWarning[] {
  const warnings: ShadowWarning[] = [];
  for (let j = 1; j < c.routes.length; j++) {
    const later = c.routes[j]!;
    for (let i = 0; i < j; i++) {
      const earlier = c.routes[i]!;
      if (earlier.target.kind === 'account' && later.target.kind !== 'account') continue;
      if (!covers(earlier, later)) continue;
      const always = earlier.target.kind === 'queue' || earlier.ifUnavailable?.kind === 'queue';
      warnings.push({
        path: `routes[${j}] "${later.id}"`,
        message: always
          ? `never reached: every lead it matches is taken first by route "${earlier.id}" (routes[${i}])`
          : `reached only when nobody route "${earlier.id}" (routes[${i}]) names is available: every lead it matches, "${earlier.id}" matches first`,
      });
      break;
    }
  }
  return warnings;
}

/** True when every alternative of `later` implies some alternative of `earlier`. */
function covers(earlier: CompiledRoute, later: CompiledRoute): boolean {
  return later.when.every((b) => earlier.when.some((a) => a.every((testA) => b.some((testB) => implies(testB, testA)))));
}

/** True when every value passing `b` also passes `a` (both on the same field). */
export function implies(b: CompiledTest, a: CompiledTest): boolean {
  if (a.field !== b.field) return false;
  if (a.op === 'exists') return a.value === true ? !(b.op === 'exists' && b.value === false) : b.op === 'exists' && b.value === false;
  const bValues = possibleValues(b);
  if (bValues) return bValues.every((v) => holds(a, v));
  const av = a.value;
  const bv = b.value;
  switch (a.op) {
    case 'ne':
      return (b.op === 'ne' && bv === av) || (b.op === 'notIn' && (bv as unknown[]).includes(av));
    case 'notIn':
      return (
        (b.op === 'notIn' && (av as unknown[]).every((x) => (bv as unknown[]).includes(x))) ||
        (b.op === 'ne' && (av as unknown[]).length === 1 && (av as unknown[])[0] === bv)
      );
    case 'gte':
      return (b.op === 'gte' || b.op === 'gt') && (bv as number) >= (av as number);
    case 'gt':
      return (b.op === 'gt' && (bv as number) >= (av as number)) || (b.op === 'gte' && (bv as number) > (av as number));
    case 'lte':
      return (b.op === 'lte' || b.op === 'lt') && (bv as number) <= (av as number);
    case 'lt':
      return (b.op === 'lt' && (bv as number) <= (av as number)) || (b.op === 'lte' && (bv as number) < (av as number));
    case 'prefix':
      return b.op === 'prefix' && (bv as string[]).every((q) => (av as string[]).some((p) => q.startsWith(p)));
    case 'contains':
      return (b.op === 'contains' || b.op === 'prefix') && (bv as string[]).every((m) => (av as string[]).some((n) => m.includes(n)));
    default:
      return false;
  }
}

/** The finite set of values a test lets through, when it is one (eq, in). */
function possibleValues(t: CompiledTest): (string | number | boolean)[] | undefined {
  if (t.op === 'eq') return [t.value as string | number | boolean];
  if (t.op === 'in') return [...(t.value as (string | number)[])];
  return undefined;
}
