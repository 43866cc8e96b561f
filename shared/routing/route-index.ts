/**
 * The route index: which routes can still match, by the value of one field.
 */
import type { CompiledRoute } from './compile.ts';
import type { CompiledWhen, SlotValue } from './conditions.ts';

/**
 * An exact shortcut through the routes: most routes pin one field to a few values (`country`,
 * `formType`), so for each value of the field that pins the most routes, the list of routes
 * that can still match, in order. A route left out of a list fails its conditions for that
 * value, so skipping it changes nothing but the time taken.
 */
export interface RouteIndex {
  /** The discriminating slot, or -1 when no field pins enough routes to be worth it. */
  readonly slot: number;
  /** Slot value → indexes of the routes that may match it, in route order. */
  readonly byValue: ReadonlyMap<SlotValue, readonly number[]>;
  /** The routes that may match any other value (or none). */
  readonly other: readonly number[];
}

const MIN_INDEXED_ROUTES = 4;

/** Builds the index over compiled routes. */
export function indexRoutes(routes: readonly CompiledRoute[]): RouteIndex {
  const all = routes.map((r) => r.index);
  // For each slot, the values each route allows (undefined: the route does not pin the slot).
  const allowed = new Map<number, (Set<SlotValue> | undefined)[]>();
  for (const r of routes) {
    for (const test of r.when[0] ?? []) {
      if (!allowed.has(test.slot))
        allowed.set(
          test.slot,
          routes.map((route) => pinnedValues(route.when, test.slot)),
        );
    }
  }
  let best = -1;
  let bestCount = MIN_INDEXED_ROUTES - 1;
  for (const [slot, sets] of allowed) {
    const count = sets.filter((set) => set !== undefined).length;
    if (count > bestCount) [best, bestCount] = [slot, count];
  }
  if (best < 0) return { slot: -1, byValue: new Map(), other: all };
  const sets = allowed.get(best)!;
  const values = new Set<SlotValue>(sets.flatMap((set) => (set ? [...set] : [])));
  const byValue = new Map<SlotValue, number[]>();
  for (const value of values)
    byValue.set(
      value,
      all.filter((i) => sets[i] === undefined || sets[i].has(value)),
    );
  return { slot: best, byValue, other: all.filter((i) => sets[i] === undefined) };
}

/** The values a route allows for a slot when every alternative pins it with eq or in; else undefined. */
function pinnedValues(when: CompiledWhen, slot: number): Set<SlotValue> | undefined {
  const union = new Set<SlotValue>();
  for (const alternative of when) {
    let pinned: Set<SlotValue> | undefined;
    for (const test of alternative) {
      if (test.slot !== slot || (test.op !== 'eq' && test.op !== 'in')) continue;
      const values = test.op === 'eq' ? [test.value as SlotValue] : (test.value as SlotValue[]);
      pinned = pinned ? new Set(values.filter((v) => pinned!.has(v))) : new Set(values);
    }
    if (!pinned) return undefined;
    for (const value of pinned) union.add(value);
  }
  return union;
}
