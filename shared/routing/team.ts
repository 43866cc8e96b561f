/**
 * The team, compiled: reps with their hours, absences, caps, languages and skills; pools with
 * their members and rotation; and what a route requires of the rep who takes its lead.
 */
import type { RequirementSpec, RoutingConfig } from '../config/schema.ts';
import { Zone, compileHours, toInstant, type WeekHours } from './clock.ts';
import { foldText } from './operands.ts';
import type { Owner, RoutableLead } from './types.ts';
import { MAX_SCHEDULE, weightedSchedule } from './weighted.ts';

/** A rep, ready for availability checks. */
export interface CompiledRep {
  readonly id: string;
  readonly name: string;
  /** The owner value decisions share (frozen), so a decision allocates none. */
  readonly owner: Owner;
  readonly index: number;
  readonly active: boolean;
  readonly zone: Zone;
  /** Undefined: always working. */
  readonly week: WeekHours | undefined;
  readonly outOfOffice: readonly { from: number; to: number; backup: number }[];
  /** Most open leads at once (Infinity: no cap). */
  readonly capacity: number;
  /** Most new leads per local day (Infinity: no cap). */
  readonly dailyCapacity: number;
  readonly weight: number;
  /** ISO 639 codes, lower case. */
  readonly languages: readonly string[];
  /** Skills, folded like free text. */
  readonly skills: readonly string[];
}

/** A pool: member rep indexes and, for weighted pools, the rotation schedule. */
export interface CompiledPool {
  readonly id: string;
  readonly name: string;
  readonly strategy: 'round_robin' | 'weighted' | 'least_loaded';
  readonly members: readonly number[];
  readonly weights: readonly number[];
  /** Weighted pools: member positions in smooth weighted round-robin order, one cycle. */
  readonly schedule: readonly number[];
}

/** A route's requirement, compiled: what the lead decides is resolved per lead by {@link needOf}. */
export interface CompiledRequirement {
  /** `lead`, a fixed language code, or undefined. */
  readonly language: string | undefined;
  /** The lead's product is required as the skill `product:<product>`. */
  readonly product: boolean;
  /** Fixed skills, folded. */
  readonly skills: readonly string[];
}

/** What the rep taking one lead must have. */
export interface Need {
  readonly language: string | undefined;
  readonly skills: readonly string[];
}

/** The team and the helpers the rest of compilation resolves references with. */
export interface Team {
  reps: CompiledRep[];
  repIndex: Map<string, number>;
  pools: CompiledPool[];
  poolIndex: Map<string, number>;
  /** A rep's index, reporting a dangling reference at `path`. */
  repRef: (id: string, path: string) => number;
  zoneOf: (tz: string) => Zone;
  defaultWeek: WeekHours | undefined;
}

/** Compiles reps and pools; dangling references and bad ranges go to `problem`. */
export function compileTeam(config: RoutingConfig, problem: (path: string, message: string) => void): Team {
  const zones = new Map<string, Zone>();
  const zoneOf = (tz: string) => {
    let zone = zones.get(tz);
    if (!zone) zones.set(tz, (zone = new Zone(tz)));
    return zone;
  };
  const defaultZone = config.defaults?.timeZone ?? 'UTC';
  // Reps with the same hours share one table.
  const weeks = new Map<string, WeekHours>();
  const weekOf = (hours: NonNullable<RoutingConfig['defaults']>['hours']): WeekHours | undefined => {
    if (!hours) return undefined;
    const key = JSON.stringify(hours);
    let week = weeks.get(key);
    if (!week) weeks.set(key, (week = compileHours(hours)));
    return week;
  };
  const defaultWeek = weekOf(config.defaults?.hours);

  const repIds = Object.keys(config.reps);
  const repIndex = new Map(repIds.map((id, i) => [id, i]));
  const repRef = (id: string, path: string): number => {
    const index = repIndex.get(id);
    if (index === undefined) problem(path, `no rep "${id}"`);
    return index ?? -1;
  };
  const reps: CompiledRep[] = repIds.map((id, index) => {
    const rep = config.reps[id]!;
    const zone = zoneOf(rep.timeZone ?? defaultZone);
    if (rep.manager !== undefined) repRef(rep.manager, `reps.${id}.manager`);
    return {
      id,
      name: rep.name,
      owner: Object.freeze({ kind: 'rep', id, name: rep.name }),
      index,
      active: rep.active !== false,
      zone,
      week: rep.hours ? weekOf(rep.hours) : defaultWeek,
      outOfOffice: (rep.outOfOffice ?? []).map((ooo, i) => {
        const range = { from: toInstant(ooo.from, zone), to: toInstant(ooo.to, zone, true), backup: -1 };
        if (ooo.backup !== undefined) range.backup = repRef(ooo.backup, `reps.${id}.outOfOffice[${i}].backup`);
        if (!(range.to > range.from)) problem(`reps.${id}.outOfOffice[${i}]`, '"to" is before "from"');
        return range;
      }),
      capacity: rep.capacity ?? Number.POSITIVE_INFINITY,
      dailyCapacity: rep.dailyCapacity ?? Number.POSITIVE_INFINITY,
      weight: rep.weight ?? 1,
      languages: rep.languages ?? [],
      skills: (rep.skills ?? []).map(foldText),
    };
  });

  const poolIds = Object.keys(config.pools);
  const poolIndex = new Map(poolIds.map((id, i) => [id, i]));
  const pools: CompiledPool[] = poolIds.map((id) => {
    const pool = config.pools[id]!;
    const members: number[] = [];
    const weights: number[] = [];
    pool.members.forEach((member, i) => {
      const repId = typeof member === 'string' ? member : member.rep;
      const rep = repRef(repId, `pools.${id}.members[${i}]`);
      if (rep < 0) return;
      if (members.includes(rep)) problem(`pools.${id}.members[${i}]`, `"${repId}" is listed twice`);
      members.push(rep);
      weights.push(typeof member === 'string' ? reps[rep]!.weight : member.weight);
    });
    const schedule = pool.strategy === 'weighted' ? weightedSchedule(weights) : [];
    if (!schedule) problem(`pools.${id}`, `weights need a rotation longer than ${MAX_SCHEDULE}: use small whole numbers`);
    return { id, name: pool.name ?? id, strategy: pool.strategy, members, weights, schedule: schedule ?? [] };
  });

  return { reps, repIndex, pools, poolIndex, repRef, zoneOf, defaultWeek };
}

/** A route's `requires`, compiled; undefined when it requires nothing. */
export function compileRequirement(spec: RequirementSpec | undefined): CompiledRequirement | undefined {
  if (spec === undefined || (spec.language === undefined && spec.product === undefined && spec.skills === undefined)) return undefined;
  return { language: spec.language, product: spec.product === 'lead', skills: (spec.skills ?? []).map(foldText) };
}

/**
 * What the rep taking `lead` must have under `requirement`; undefined when nothing (a lead
 * whose language or product is unknown places no requirement on it: anyone may take it).
 */
export function needOf(requirement: CompiledRequirement, lead: RoutableLead): Need | undefined {
  const language = requirement.language === 'lead' ? lead.language : requirement.language;
  const skills = requirement.product && lead.product !== undefined ? [...requirement.skills, `product:${foldText(lead.product)}`] : requirement.skills;
  return language === undefined && skills.length === 0 ? undefined : { language, skills };
}

/** The first skill of `need` the rep lacks, or undefined. */
export function missingSkill(rep: CompiledRep, need: Need): string | undefined {
  for (let i = 0; i < need.skills.length; i++) {
    if (!rep.skills.includes(need.skills[i]!)) return need.skills[i];
  }
  return undefined;
}
