/**
 * Turns a parsed routing config into the tables the engine runs on: reps, pools and queues by
 * number, conditions as slot tests, working hours as minute spans, dates as instants.
 * Done once per config (cached), so a decision never parses anything.
 */
import type { EscalationStepSpec, FormTypeSpec, RouteTarget, RoutingConfig } from '../config/schema.ts';
import { normalizeWebsite } from '../normalize/website.ts';
import { parseDuration } from '../time/duration.ts';
import type { WeekHours, Zone } from './clock.ts';
import { SlotTable, compileWhen, type CompiledWhen, type SlotValue, type WhenContext } from './conditions.ts';
import { FIELD_READERS, ROUTABLE_FIELDS, type DerivedField, type RoutableField } from './fields.ts';
import { leadFold } from './operands.ts';
import { indexRoutes, type RouteIndex } from './route-index.ts';
import { compileScoring, type CompiledScoring } from './score.ts';
import { compileRequirement, compileTeam, type CompiledPool, type CompiledRep, type CompiledRequirement } from './team.ts';
import type { EscalationStep, Owner, RoutableLead } from './types.ts';

export type { CompiledPool, CompiledRep } from './team.ts';

/** A route target by number. */
export type CompiledTarget =
  | { kind: 'rep'; rep: number }
  | { kind: 'pool'; pool: number }
  | { kind: 'queue'; queue: number }
  | { kind: 'account' }
  | { kind: 'contact' };

/** A route, compiled. */
export interface CompiledRoute {
  readonly id: string;
  readonly index: number;
  readonly when: CompiledWhen;
  readonly target: CompiledTarget;
  /** Undefined: try the next route. */
  readonly ifUnavailable: CompiledTarget | undefined;
  readonly slaMs: number | undefined;
  readonly escalation: string | undefined;
  readonly slaClock: 'wall' | 'working_hours' | undefined;
  /** What the rep taking the lead must have (applies to `target`, not to `ifUnavailable`). */
  readonly requirement: CompiledRequirement | undefined;
}

/** The engine's view of a config. */
export interface CompiledConfig {
  readonly config: RoutingConfig;
  readonly reps: readonly CompiledRep[];
  readonly repIndex: ReadonlyMap<string, number>;
  readonly pools: readonly CompiledPool[];
  readonly queues: readonly { id: string; name: string; owner: Owner }[];
  readonly queueIndex: ReadonlyMap<string, number>;
  /** Normalised domain → rep index (a null-prototype dictionary: faster than a Map at 10k keys). */
  readonly accounts: Readonly<Record<string, number>>;
  readonly accountCount: number;
  /** A lead's matched account counts for routing from this confidence on (`accountIndex.minConfidence`). */
  readonly minConfidence: number;
  /** The `scoring` section, compiled; undefined without one. */
  readonly scoring: CompiledScoring | undefined;
  /** The slots of `score`, `fit` and `engagement` (allocated whenever there is a scoring section). */
  readonly scoreSlots: readonly [number, number, number];
  readonly territories: readonly { id: string; when: CompiledWhen }[];
  readonly routes: readonly CompiledRoute[];
  readonly slots: SlotTable;
  /** Per slot: how the lead's value is folded as it is read (free text, regions…), or undefined. */
  readonly slotFolds: readonly (((value: string) => string) | undefined)[];
  /** Per slot: reads the field from a lead (undefined for the fields the engine derives). */
  readonly slotReaders: readonly (((lead: RoutableLead) => SlotValue) | undefined)[];
  /** Reused by `route` for slot values: routing is synchronous, so one buffer per config is safe. */
  readonly scratch: SlotValue[];
  /** Which routes can match, by the value of one discriminating slot (see {@link RouteIndex}). */
  readonly index: RouteIndex;
  readonly formTypes: ReadonlyMap<
    string,
    { slaMs: number; escalation: string | undefined; slaClock: 'wall' | 'working_hours' | undefined; spec: FormTypeSpec }
  >;
  readonly defaultSlaClock: 'wall' | 'working_hours';
  /** The defaults' working hours and zone (queues keep these hours). */
  readonly defaultWeek: WeekHours | undefined;
  readonly defaultZone: Zone;
  readonly escalations: ReadonlyMap<string, readonly EscalationStep[]>;
  readonly defaultSlaMs: number;
  readonly defaultEscalation: string | undefined;
  readonly junkQueue: number;
  readonly fallback: { queue: number; slaMs: number | undefined; escalation: string | undefined };
}

/** A problem found while compiling, with where it is. */
export interface CompileProblem {
  path: string;
  message: string;
}

const DEFAULT_SLA_MS = 3_600_000;
/** Below this similarity a name match is shown, not routed on (issue 11's precision goal holds at it). */
export const DEFAULT_MIN_CONFIDENCE = 0.9;
const DERIVED: ReadonlySet<string> = new Set<DerivedField>(['territory', 'namedAccount', 'accountTier', 'existingCustomer', 'score', 'fit', 'engagement']);

/**
 * Compiles a parsed config. Dangling references and bad conditions are collected into
 * `problems` (the caller refuses the config when there are any); condition values no lead can
 * ever have into `warnings` (the config loads, and says so).
 */
export function compileConfig(config: RoutingConfig, problems: CompileProblem[] = [], warnings: CompileProblem[] = []): CompiledConfig {
  const problem = (path: string, message: string) => problems.push({ path, message });
  const { reps, repIndex, pools, poolIndex, repRef, zoneOf, defaultWeek } = compileTeam(config, problem);
  const defaultZone = config.defaults?.timeZone ?? 'UTC';

  const queueIds = Object.keys(config.queues);
  const queueIndex = new Map(queueIds.map((id, i) => [id, i]));
  const queues = queueIds.map((id) => {
    config.queues[id]!.watchers.forEach((w, i) => repRef(w, `queues.${id}.watchers[${i}]`));
    const name = config.queues[id]!.name;
    return { id, name, owner: Object.freeze({ kind: 'queue', id, name }) as Owner };
  });
  const queueRef = (id: string, path: string): number => {
    const index = queueIndex.get(id);
    if (index === undefined) problem(path, `no queue "${id}"`);
    return index ?? -1;
  };

  const accounts: Record<string, number> = Object.create(null);
  for (const [domain, account] of Object.entries(config.accounts)) {
    // Written as the lead's domain is normalised (`WWW.Acme.com` is `acme.com`).
    accounts[normalizeWebsite(domain) ?? domain.toLowerCase()] = repRef(typeof account === 'string' ? account : account.owner, `accounts.${domain}`);
  }

  const escalations = new Map<string, readonly EscalationStep[]>();
  for (const [id, steps] of Object.entries(config.escalations)) {
    escalations.set(id, Object.freeze(steps.map((step, i) => compileStep(step, `escalations.${id}[${i}]`))));
  }
  const escalationRef = (id: string | undefined, path: string) => {
    if (id !== undefined && !escalations.has(id)) problem(path, `no escalation chain "${id}"`);
    return id;
  };
  function compileStep(step: EscalationStepSpec, path: string): EscalationStep {
    const afterMs = parseDuration(step.after)!;
    if (step.action === 'reassign') {
      if (step.pool !== undefined && !poolIndex.has(step.pool)) problem(`${path}.pool`, `no pool "${step.pool}"`);
      return { afterMs, action: 'reassign', ...(step.pool === undefined ? {} : { pool: step.pool }), ...(step.tellLead ? { tellLead: true } : {}) };
    }
    if (step.action === 'alert_manager') {
      if (step.notify !== undefined) repRef(step.notify, `${path}.notify`);
      return step.notify === undefined ? { afterMs, action: 'alert_manager' } : { afterMs, action: 'alert_manager', notify: step.notify };
    }
    queueRef(step.queue, `${path}.queue`);
    return { afterMs, action: 'move_to_queue', queue: step.queue };
  }

  const slots = new SlotTable();
  const formTypeIds = Object.keys(config.formTypes);
  const products = productOptions(config);
  const whenContext = (prefix: string): WhenContext => ({
    problem: (p, m) => problem(`${prefix}${p}`, m),
    warn: (p, m) => warnings.push({ path: `${prefix}${p}`, message: m }),
    formTypes: formTypeIds,
    territories: Object.keys(config.territories),
    products,
  });
  const territories = Object.entries(config.territories).map(([id, when]) => {
    const compiled = compileWhen(when, slots, whenContext(`territories.${id}.`));
    if (compiled.some((alternative) => alternative.some((test) => test.field === 'territory'))) {
      problem(`territories.${id}`, 'a territory cannot be defined by territory');
    }
    return { id, when: compiled };
  });
  const territoryIds = new Set(Object.keys(config.territories));
  const scoring = compileScoring(config.scoring, slots, whenContext);
  const scoreSlots = scoring ? ([slots.slotOf('score'), slots.slotOf('fit'), slots.slotOf('engagement')] as const) : ([-1, -1, -1] as const);

  const target = (to: RouteTarget, path: string): CompiledTarget => {
    if ('rep' in to) return { kind: 'rep', rep: repRef(to.rep, path) };
    if ('pool' in to) {
      const pool = poolIndex.get(to.pool);
      if (pool === undefined) problem(path, `no pool "${to.pool}"`);
      return { kind: 'pool', pool: pool ?? -1 };
    }
    if ('queue' in to) return { kind: 'queue', queue: queueRef(to.queue, path) };
    return 'accountOwner' in to ? { kind: 'account' } : { kind: 'contact' };
  };

  const seen = new Set<string>();
  const routes: CompiledRoute[] = config.routes.map((route, index) => {
    const path = `routes[${index}] "${route.id}"`;
    if (seen.has(route.id)) problem(path, `route id "${route.id}" is used twice`);
    seen.add(route.id);
    const when = compileWhen(route.when, slots, whenContext(`${path} when.`));
    for (const alternative of when) {
      for (const test of alternative) {
        if (test.field !== 'territory' || test.op === 'exists') continue;
        for (const t of [test.value].flat()) {
          if (!territoryIds.has(String(t))) problem(`${path} when.territory`, `no territory "${t}"`);
        }
      }
    }
    return {
      id: route.id,
      index,
      when,
      target: target(route.to, `${path} to`),
      ifUnavailable: route.ifUnavailable === undefined || route.ifUnavailable === 'next' ? undefined : target(route.ifUnavailable, `${path} ifUnavailable`),
      slaMs: route.sla === undefined ? undefined : parseDuration(route.sla),
      escalation: escalationRef(route.escalation, `${path} escalation`),
      slaClock: route.slaClock,
      requirement: compileRequirement(route.requires),
    };
  });

  const formTypes = new Map(
    Object.entries(config.formTypes).map(([id, spec]) => {
      for (const field of [...spec.required, ...(spec.wanted ?? [])]) {
        if (!spec.fields.includes(field)) problem(`formTypes.${id}`, `"${field}" is required or wanted but not among its fields`);
      }
      return [
        id,
        { slaMs: parseDuration(spec.sla)!, escalation: escalationRef(spec.escalation, `formTypes.${id}.escalation`), slaClock: spec.slaClock, spec },
      ] as const;
    }),
  );

  for (const [source, spec] of Object.entries(config.sources ?? {})) {
    if (spec?.formType !== undefined && !formTypes.has(spec.formType)) problem(`sources.${source}.formType`, `no form type "${spec.formType}"`);
  }

  return {
    config,
    reps,
    repIndex,
    pools,
    queues,
    queueIndex,
    accounts,
    accountCount: Object.keys(accounts).length,
    minConfidence: config.accountIndex?.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    scoring,
    scoreSlots,
    territories,
    routes,
    slots,
    slotFolds: slots.fields.map((field) => leadFold((ROUTABLE_FIELDS[field] as RoutableField).compare)),
    slotReaders: slots.fields.map((field) => (DERIVED.has(field) ? undefined : FIELD_READERS[field as Exclude<typeof field, DerivedField>])),
    scratch: new Array<SlotValue>(slots.fields.length),
    index: indexRoutes(routes),
    formTypes,
    escalations,
    defaultSlaMs: config.defaults?.sla ? parseDuration(config.defaults.sla)! : DEFAULT_SLA_MS,
    defaultSlaClock: config.defaults?.slaClock ?? 'wall',
    defaultWeek,
    defaultZone: zoneOf(defaultZone),
    defaultEscalation: escalationRef(config.defaults?.escalation, 'defaults.escalation'),
    junkQueue: queueRef(config.qualification.junkQueue, 'qualification.junkQueue'),
    fallback: {
      queue: queueRef(config.fallback.queue, 'fallback.queue'),
      slaMs: config.fallback.sla === undefined ? undefined : parseDuration(config.fallback.sla),
      escalation: escalationRef(config.fallback.escalation, 'fallback.escalation'),
    },
  };
}

/**
 * Every form's product options, for checking product conditions; undefined when some form asks
 * for a product without options (free text: any value may come).
 */
function productOptions(config: RoutingConfig): string[] | undefined {
  const options: string[] = [];
  for (const spec of Object.values(config.formTypes)) {
    if (!spec.fields.includes('product')) continue;
    if (!spec.options?.product) return undefined;
    options.push(...spec.options.product.filter((o) => !options.includes(o)));
  }
  return options;
}
