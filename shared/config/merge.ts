/**
 * A three-way merge of config JSON, for two people editing at once: the changes of a draft
 * (from the version it started from) applied onto the version someone else published since.
 * Objects merge key by key; where both changed the same value differently (a list counts as
 * one value, rules matched by id), the draft's wins and the place is named, for a person to
 * check before publishing again.
 */

/** The outcome of {@link mergeConfigs}. */
export interface Merge {
  merged: unknown;
  /** Where both sides changed the same value: paths like `reps.ana.hours`. */
  conflicts: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Routes merge by id: a list of `{ id }` objects. */
const isRuleList = (v: unknown): v is { id: string }[] => Array.isArray(v) && v.every((x) => isObject(x) && typeof x.id === 'string');

function merge(base: unknown, mine: unknown, theirs: unknown, path: string, conflicts: string[]): unknown {
  if (equal(mine, theirs)) return mine;
  if (equal(base, mine)) return theirs;
  if (equal(base, theirs)) return mine;
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const value = merge(base[key], mine[key], theirs[key], path ? `${path}.${key}` : key, conflicts);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (isRuleList(base) && isRuleList(mine) && isRuleList(theirs)) {
    const has = (list: { id: string }[], id: string) => list.some((r) => r.id === id);
    const byId = (list: { id: string }[], id: string) => list.find((r) => r.id === id);
    const common = (list: { id: string }[]) =>
      list
        .map((r) => r.id)
        .filter((id) => has(base, id) && has(mine, id) && has(theirs, id))
        .join();
    const [baseOrder, myOrder, theirOrder] = [common(base), common(mine), common(theirs)];
    if (myOrder !== baseOrder && theirOrder !== baseOrder && myOrder !== theirOrder) conflicts.push(`${path} (order)`);
    // The side that reordered gives the order; the other side's new rules go before the rule
    // that follows them there (last when none does). A rule either side deleted goes.
    const [lead, other] = myOrder !== baseOrder ? [mine, theirs] : [theirs, mine];
    const order = lead.map((r) => r.id).filter((id) => !has(base, id) || (has(mine, id) && has(theirs, id)));
    other.forEach((r, i) => {
      if (has(base, r.id) || order.includes(r.id)) return;
      const next = other.slice(i + 1).find((x) => order.includes(x.id));
      order.splice(next ? order.indexOf(next.id) : order.length, 0, r.id);
    });
    return order.map((id) => merge(byId(base, id), byId(mine, id), byId(theirs, id), `${path}.${id}`, conflicts));
  }
  conflicts.push(path || '(config)');
  return mine;
}

/**
 * My changes (base → mine) applied onto theirs (base → theirs).
 * @example const { merged, conflicts } = mergeConfigs(v3, myDraft, v4);
 */
export function mergeConfigs(base: unknown, mine: unknown, theirs: unknown): Merge {
  const conflicts: string[] = [];
  const merged = merge(base, mine, theirs, '', conflicts);
  return { merged, conflicts };
}
