/**
 * Loading a routing config: shape (zod), then references and conditions (compile), then
 * warnings: condition values no lead can have, requirements nobody can meet, shadowed routes. Every problem names where it is, with the route's id when it is
 * in a route, so a RevOps person can find it in their JSON.
 */
import type * as z from 'zod/mini';
import { compileConfig, type CompileProblem, type CompiledConfig } from '../routing/compile.ts';
import { checkRequirements, type ConfigWarning } from './checks.ts';
import { RoutingConfigSchema, type RoutingConfig } from './schema.ts';
import { findShadowedRoutes } from './shadowing.ts';

export type { ConfigWarning } from './checks.ts';

/** A problem in a config: where, and what. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** The outcome of {@link parseConfig}. */
export type ParsedConfig = { ok: true; config: RoutingConfig; compiled: CompiledConfig; warnings: ConfigWarning[] } | { ok: false; issues: ConfigIssue[] };

/**
 * Parses and checks a routing config. Fails on bad shape, dangling references, bad
 * conditions or a missing fallback; warns (each warning naming the route or territory and the
 * field) on condition values no normalised lead can have, on requirements no rep of the route
 * can meet, and on shadowed routes.
 * @example
 * const parsed = parseConfig(JSON.parse(text));
 * if (!parsed.ok) for (const i of parsed.issues) console.error(`${i.path}: ${i.message}`);
 */
export function parseConfig(input: unknown): ParsedConfig {
  const result = RoutingConfigSchema.safeParse(input);
  if (!result.success) return { ok: false, issues: result.error.issues.map((issue) => toIssue(issue, input)) };
  const problems: CompileProblem[] = [];
  const warnings: ConfigWarning[] = [];
  const compiled = compileConfig(result.data, problems, warnings);
  if (problems.length > 0) return { ok: false, issues: problems };
  return { ok: true, config: result.data, compiled, warnings: [...warnings, ...checkRequirements(compiled), ...findShadowedRoutes(compiled)] };
}

function toIssue(issue: z.core.$ZodIssue, input: unknown): ConfigIssue {
  if (issue.code === 'invalid_union') {
    // A target or an escalation step reports every option's issues: report those of the option
    // the config meant (its literal and keys matched, like `"action": "move_to_queue"`).
    const meant = issue.errors.find((errors) => errors.length > 0 && !errors.some((e) => e.code === 'invalid_value' || e.code === 'unrecognized_keys'));
    if (meant) return toIssue({ ...meant[0]!, path: [...issue.path, ...meant[0]!.path] }, input);
  }
  const path = issue.path.map(String);
  let where = '';
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (/^\d+$/.test(key)) where += `[${key}]`;
    else where += where ? `.${key}` : key;
    if (i === 1 && path[0] === 'routes') {
      const id = routeId(input, Number(key));
      if (id) where += ` "${id}"`;
    }
  }
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  // A bad record key (a day name, a domain) carries its own message one level down.
  const keyMessage = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
  const message = missing ? 'is required' : (keyMessage ?? issue.message);
  if (where === 'fallback' && missing)
    return { path: 'fallback', message: 'is required: name the queue that owns a lead no route takes ({ "fallback": { "queue": "…" } })' };
  return { path: where || '(config)', message };
}

function routeId(input: unknown, index: number): string | undefined {
  const routes = (input as { routes?: unknown } | null)?.routes;
  const route = Array.isArray(routes) ? (routes[index] as { id?: unknown } | undefined) : undefined;
  return typeof route?.id === 'string' ? route.id : undefined;
}
