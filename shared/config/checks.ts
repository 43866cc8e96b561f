/**
 * Checks that warn rather than refuse: a config that loads but has a part that can never work.
 * Condition values no normalised lead can have are found while compiling (`operands.ts`); here,
 * route requirements no rep the route sends to can ever meet.
 *
 * Warnings, not errors: a stored config must keep loading after an upgrade adds a check
 * (RouterState re-reads published versions, and refusing one would stop intake), and such a
 * route loses no lead: its leads go on to the next route and, at worst, the fallback queue.
 */
import type { CompiledConfig, CompiledTarget } from '../routing/compile.ts';

/** A part of a config that loads but can never work as written: where, and why. */
export interface ConfigWarning {
  path: string;
  message: string;
}

/** Warnings for route requirements that no rep of the route's target can meet, or that do nothing. */
export function checkRequirements(c: CompiledConfig): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  for (const route of c.routes) {
    const requirement = route.requirement;
    if (requirement === undefined) continue;
    const path = `routes[${route.index}] "${route.id}" requires`;
    const reps = repsOf(c, route.target);
    if (reps === undefined) {
      warnings.push({ path, message: 'a queue takes any lead: the requirement has no effect' });
      continue;
    }
    const never = `nobody route "${route.id}" sends to`;
    const language = requirement.language;
    if (language !== undefined && language !== 'lead' && !reps.some((r) => c.reps[r]!.languages.includes(language))) {
      warnings.push({ path: `${path}.language`, message: `${never} speaks ${language}: it never takes a lead` });
    }
    for (const skill of requirement.skills) {
      if (!reps.some((r) => c.reps[r]!.skills.includes(skill))) warnings.push({ path: `${path}.skills`, message: `${never} has the skill ${skill}: it never takes a lead` });
    }
  }
  return warnings;
}

/** The reps a target can give a lead to (with out-of-office backups), or undefined for a queue. */
function repsOf(c: CompiledConfig, target: CompiledTarget): number[] | undefined {
  switch (target.kind) {
    case 'queue':
      return undefined;
    case 'pool':
      return [...c.pools[target.pool]!.members];
    case 'rep':
      return [target.rep, ...c.reps[target.rep]!.outOfOffice.map((o) => o.backup).filter((b) => b >= 0)];
    case 'account':
      // Any named account's owner may be the one; the check is on all of them.
      return [...new Set(Object.values(c.accounts))];
  }
}
