/**
 * Checks that warn rather than refuse: a config that loads but has a part that can never work.
 * Condition values no normalised lead can have are found while compiling (`operands.ts`); here,
 * route requirements no rep the route sends to can ever meet.
 *
 * Warnings, not errors: a stored config must keep loading after an upgrade adds a check
 * (RouterState re-reads published versions, and refusing one would stop intake), and such a
 * route loses no lead: its leads go on to the next route and, at worst, the fallback queue.
 */
import type { CompiledConfig } from '../routing/compile.ts';

/** A part of a config that loads but can never work as written: where, and why. */
export interface ConfigWarning {
  path: string;
  message: string;
}

/** Warnings for route requirements that no rep of the route's target can meet, or that do nothing. */
export function checkRequirements(c: CompiledConfig): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  for (const { requirement, target, index, id } of c.routes) {
    if (requirement === undefined || target.kind === 'account' || target.kind === 'contact') continue;
    const path = `routes[${index}] "${id}" requires`;
    if (target.kind === 'queue') {
      warnings.push({ path, message: 'a queue takes any lead: the requirement has no effect' });
      continue;
    }
    // Who the route can give a lead to: the pool's members, or the rep and their backups.
    const reps = (target.kind === 'pool' ? c.pools[target.pool]!.members : [target.rep, ...c.reps[target.rep]!.outOfOffice.map((o) => o.backup)])
      .map((r) => c.reps[r])
      .filter((r) => r !== undefined);
    const never = (what: string, key: string) =>
      warnings.push({ path: `${path}.${key}`, message: `nobody route "${id}" sends to ${what}: it never takes a lead` });
    const language = requirement.language;
    if (language !== undefined && language !== 'lead' && !reps.some((r) => r.languages.includes(language))) never(`speaks ${language}`, 'language');
    for (const skill of requirement.skills) if (!reps.some((r) => r.skills.includes(skill))) never(`has the skill ${skill}`, 'skills');
  }
  return warnings;
}
