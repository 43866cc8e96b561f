/**
 * Every problem of a config at once, for the editor. `parseConfig` stops at the first layer
 * that fails (shape, then references), which shows problems one fix at a time; here the values
 * the shape check refuses are set aside and the rest is checked for references too, so a bad
 * value and a dangling reference are listed together. The authority stays `parseConfig`: a
 * config is valid exactly when it has no problems here.
 */
import { parseConfig, type ConfigIssue } from './parse.ts';
import { RoutingConfigSchema } from './schema.ts';
import type { ShadowWarning } from './shadowing.ts';

/** The problems and warnings of a config. */
export interface ConfigCheck {
  issues: ConfigIssue[];
  warnings: ShadowWarning[];
}

/** Deletes the value at `path` from `root`; false when there is none. */
function remove(root: unknown, path: readonly PropertyKey[]): boolean {
  let node = root as Record<PropertyKey, unknown> | unknown[] | undefined;
  for (const key of path.slice(0, -1)) {
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key as string] as typeof node;
    if (node === null || typeof node !== 'object') return false;
  }
  const last = path[path.length - 1];
  if (node === undefined || last === undefined || !(last in (node as object))) return false;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete (node as Record<PropertyKey, unknown>)[last as string];
  return true;
}

/**
 * All the problems of `input` (a parsed JSON value) and, when it is valid, the warnings.
 * @example checkAll(JSON.parse(text)).issues.length // 0 when it would publish
 */
export function checkAll(input: unknown): ConfigCheck {
  const parsed = parseConfig(input);
  if (parsed.ok) return { issues: [], warnings: parsed.warnings };
  const issues = [...parsed.issues];
  const shape = RoutingConfigSchema.safeParse(input);
  if (shape.success) return { issues, warnings: [] };
  // Set aside what the shape check refused (deepest first, so array indexes stay right) and
  // check the references of the rest.
  const rest: unknown = JSON.parse(JSON.stringify(input));
  const paths = shape.error.issues
    .map((i) => i.path)
    .sort((a, b) => b.length - a.length || String(b.at(-1)).localeCompare(String(a.at(-1)), undefined, { numeric: true }));
  if (!paths.every((p) => p.length > 1 && remove(rest, p))) return { issues, warnings: [] };
  const second = parseConfig(rest);
  if (!second.ok) {
    const seen = new Set(issues.map((i) => `${i.path}\u0000${i.message}`));
    for (const issue of second.issues) if (!seen.has(`${issue.path}\u0000${issue.message}`) && !issues.some((i) => i.path === issue.path)) issues.push(issue);
  }
  return { issues, warnings: [] };
}
