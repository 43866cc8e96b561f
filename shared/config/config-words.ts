/**
 * The phrasing of one config's parts, closed over that config: people's names, targets, hours,
 * absences, escalation steps, rules. {@link describeConfig} and the publish diff both speak
 * through it, so the routing page and "what this publish changes" say things the same way.
 */
import { alternativesOf, whenWords, type ConditionContext } from './condition-words.ts';
import type { DescribeOptions, EntryDescription, PoolDescription, RuleDescription } from './describe.ts';
import type { EscalationStepSpec, Rep, Route, RouteTarget, RoutingConfig } from './schema.ts';
import { count, durationWords, hoursWords, listWords, rangeWords, titleOf, zoneWords } from './words.ts';

const STRATEGY: Record<string, string> = { round_robin: 'round-robin', weighted: 'weighted rotation', least_loaded: 'fewest open leads first' };

/** The phrasing of one config's parts. */
export class ConfigWords implements ConditionContext {
  readonly #c: RoutingConfig;
  readonly #now: number | undefined;
  constructor(config: RoutingConfig, options: DescribeOptions = {}) {
    this.#c = config;
    this.#now = options.now;
  }

  /** A form type's label. */
  formLabel(id: string): string {
    return this.#c.formTypes[id]?.label ?? id;
  }

  /** A rep's full name. */
  fullName(rep: string): string {
    return this.#c.reps[rep]?.name ?? rep;
  }

  /** A rep's first name when no other rep shares it, else the full name. */
  shortName(rep: string): string {
    const name = this.fullName(rep);
    const first = name.split(' ')[0]!;
    const shared = Object.entries(this.#c.reps).some(([id, r]) => id !== rep && r.name.split(' ')[0] === first);
    return shared ? name : first;
  }

  /** A queue's name. */
  queue(id: string): string {
    return this.#c.queues[id]?.name ?? id;
  }

  /** A pool's name, ending in "pool". */
  poolName(id: string): string {
    const name = this.#c.pools[id]?.name ?? id;
    return /\bpool$/i.test(name) ? name : `${name} pool`;
  }

  /** An escalation chain's name. */
  chainName(id: string): string {
    return titleOf(id);
  }

  #members(pool: string): { rep: string; weight: number }[] {
    const p = this.#c.pools[pool];
    if (!p) return [];
    return p.members.map((m) => (typeof m === 'string' ? { rep: m, weight: this.#c.reps[m]?.weight ?? 1 } : { rep: m.rep, weight: m.weight }));
  }

  /** How a pool shares its leads, with its members' names: "round-robin between Ana and Ben". */
  sharing(pool: string): string {
    const p = this.#c.pools[pool];
    const members = this.#members(pool);
    const names = members.map((m) => this.shortName(m.rep));
    if (!p || members.length === 0) return 'nobody';
    if (members.length === 1) return `always ${names[0]}`;
    if (p.strategy === 'weighted')
      return `weighted rotation between ${listWords(members.map((m, i) => (m.weight === 1 ? names[i]! : `${names[i]} (×${m.weight})`)))}`;
    if (p.strategy === 'least_loaded') return `whichever of ${listWords(names, 'or')} has the fewest open leads`;
    return `round-robin between ${listWords(names)}`;
  }

  /** Where a target sends leads: "Enterprise AEs pool, round-robin between Priya and Marco". */
  target(to: RouteTarget): string {
    if ('pool' in to) return `${this.poolName(to.pool)}, ${this.sharing(to.pool)}`;
    if ('rep' in to) return this.shortName(to.rep);
    if ('queue' in to) return `the ${this.queue(to.queue)} queue`;
    if ('contactOwner' in to) return "the known contact's owner (or their out-of-office backup)";
    return "the account's owner (or their out-of-office backup)";
  }

  /** "if neither is available", by how many people the target names. */
  #nobody(to: RouteTarget): string | undefined {
    if ('queue' in to) return undefined;
    if ('rep' in to) return `if ${this.shortName(to.rep)} is not available`;
    if ('accountOwner' in to || 'contactOwner' in to) return 'if the owner is not available';
    const n = this.#members(to.pool).length;
    return n <= 1
      ? `if ${this.#members(to.pool)[0] ? this.shortName(this.#members(to.pool)[0]!.rep) : 'nobody'} is not available`
      : n === 2
        ? 'if neither is available'
        : 'if none of them is available';
  }

  /** The time to answer a rule's leads: its own, or the form's. */
  #sla(route: Route): string {
    if (route.sla) return durationWords(route.sla);
    const forms = this.#pinnedForms(route) ?? Object.keys(this.#c.formTypes);
    const slas = [...new Set(forms.map((f) => this.#c.formTypes[f]?.sla).filter((s): s is string => s !== undefined))];
    if (slas.length === 1) return durationWords(slas[0]!);
    return "the form's time";
  }

  /** The form types a rule is limited to, when every alternative names them. */
  #pinnedForms(route: Route): string[] | undefined {
    const alternatives = alternativesOf(route.when);
    if (alternatives.length === 0) return undefined;
    const forms: string[] = [];
    for (const a of alternatives) {
      const t = a.formType;
      const ids =
        typeof t === 'string'
          ? [t]
          : Array.isArray(t)
            ? t.map(String)
            : t && typeof t === 'object' && 'eq' in t && typeof t.eq === 'string'
              ? [t.eq]
              : undefined;
      if (!ids) return undefined;
      forms.push(...ids);
    }
    return forms;
  }

  #escalation(route: Route): string | undefined {
    const forms = this.#pinnedForms(route);
    const fromForm = forms?.length === 1 ? this.#c.formTypes[forms[0]!]?.escalation : undefined;
    const id = route.escalation ?? fromForm ?? this.#c.defaults?.escalation;
    return id === undefined ? undefined : this.chainName(id);
  }

  /** A rule in words. */
  rule(route: Route, index: number): RuleDescription {
    const title = titleOf(route.id);
    const when =
      route.when === undefined && 'accountOwner' in route.to
        ? "a named account's leads"
        : route.when === undefined && 'contactOwner' in route.to
          ? "a known contact's leads"
          : route.when === undefined
            ? 'every lead that gets here'
            : whenWords(route.when, this);
    const target = this.target(route.to);
    const sla = `answer within ${this.#sla(route)}`;
    const nobody = this.#nobody(route.to);
    const last = index === this.#c.routes.length - 1;
    const alternate =
      route.ifUnavailable === undefined || route.ifUnavailable === 'next'
        ? last
          ? `the fallback (${this.queue(this.#c.fallback.queue)} queue)`
          : 'the next rule'
        : this.target(route.ifUnavailable);
    const unavailable = nobody ? `${nobody} → ${alternate}` : undefined;
    const escalation = this.#escalation(route);
    return {
      id: route.id,
      position: index + 1,
      title,
      when,
      target,
      sla,
      ...(unavailable ? { unavailable } : {}),
      ...(escalation ? { escalation } : {}),
      ...(route.description ? { note: route.description } : {}),
      sentence: `${title} (${when}) → ${target}, ${sla}${unavailable ? `; ${unavailable}` : ''}`,
    };
  }

  /** The fallback in words. */
  fallback(): string {
    const f = this.#c.fallback;
    const watchers = this.#watchers(f.queue);
    const sla = f.sla ? `, answer within ${durationWords(f.sla)}` : '';
    const escalation = f.escalation ? `, then the ${this.chainName(f.escalation)} escalation` : '';
    return `Any lead no rule takes → the ${this.queue(f.queue)} queue${watchers ? ` (watched by ${watchers})` : ''}${sla}${escalation}.`;
  }

  #watchers(queue: string): string {
    return listWords((this.#c.queues[queue]?.watchers ?? []).map((w) => this.fullName(w)));
  }

  /** When a rep works: "Mon–Fri 9:00–17:30 New York time (team hours)". */
  hours(rep: Rep): string {
    const d = this.#c.defaults;
    const hours = rep.hours ?? d?.hours;
    const zone = rep.timeZone ?? d?.timeZone ?? 'UTC';
    return `${hoursWords(hours)}${hours ? `, ${zoneWords(zone)}` : ''}${!rep.hours && d?.hours ? ' (team hours)' : ''}`;
  }

  /** A rep's absences, without those already over. */
  #absences(rep: Rep): string[] {
    return (rep.outOfOffice ?? [])
      .filter((o) => this.#now === undefined || endOf(o.to) >= this.#now)
      .map((o) => this.absence(o, this.#now !== undefined && startOf(o.from) <= this.#now));
  }

  /** One absence: "out of office 4–8 Jan 2027, Holidays: Ben Carter covers". */
  absence(o: NonNullable<Rep['outOfOffice']>[number], current = false): string {
    const cover = o.backup ? `${this.fullName(o.backup)} covers` : 'no backup';
    return `out of office ${rangeWords(o.from, o.to)}${current ? ' (now)' : ''}${o.note ? `, ${o.note}` : ''}: ${cover}`;
  }

  /** What a pool member's line says: when they work, absences, cap. */
  #availability(id: string): string[] {
    const rep = this.#c.reps[id];
    if (!rep) return ['not in the config'];
    const lines = [rep.active === false ? 'inactive: gets no leads' : this.hours(rep)];
    if (rep.capacity !== undefined) lines.push(`at most ${count(rep.capacity, 'open lead')}`);
    return [...lines, ...this.#absences(rep)];
  }

  /** A pool and its members. */
  pool(id: string): PoolDescription {
    const p = this.#c.pools[id]!;
    const users = this.#c.routes
      .filter((r) => ('pool' in r.to && r.to.pool === id) || (typeof r.ifUnavailable === 'object' && 'pool' in r.ifUnavailable && r.ifUnavailable.pool === id))
      .map((r) => `rule ${titleOf(r.id)}`);
    const chains = Object.entries(this.#c.escalations)
      .filter(([, steps]) => steps.some((s) => s.action === 'reassign' && s.pool === id))
      .map(([chain]) => `the ${this.chainName(chain)} escalation`);
    const used = [...users, ...chains];
    return {
      id,
      name: p.name ?? id,
      how: STRATEGY[p.strategy] ?? p.strategy,
      lines: [],
      note: used.length > 0 ? `Used by ${listWords(used)}.` : 'Not used by any rule.',
      members: this.#members(id).map((m) => ({
        id: m.rep,
        name: `${this.fullName(m.rep)}${p.strategy === 'weighted' ? ` (×${m.weight})` : ''}`,
        lines: this.#availability(m.rep),
      })),
    };
  }

  /** A queue and who watches it. */
  queueEntry(id: string): EntryDescription {
    const q = this.#c.queues[id]!;
    const watchers = this.#watchers(id);
    const lines = [watchers ? `watched by ${watchers}` : 'watched by nobody: nobody is told when a lead lands here'];
    if (q.description) lines.push(q.description);
    return { id, name: q.name, lines };
  }

  /** One escalation step: "after 30 minutes, alert the owner's manager". */
  step(step: EscalationStepSpec): string {
    const after = `after ${durationWords(step.after)}`;
    if (step.action === 'reassign')
      return `${after}, give the lead to the next available rep of ${step.pool ? `the ${this.poolName(step.pool)}` : 'the same pool'}`;
    if (step.action === 'alert_manager') return `${after}, alert ${step.notify ? this.fullName(step.notify) : "the owner's manager"}`;
    return `${after}, move it to the ${this.queue(step.queue)} queue`;
  }

  /** An escalation chain, step by step, and who uses it. */
  escalation(id: string): EntryDescription {
    const steps = this.#c.escalations[id]!;
    const users = [
      ...this.#c.routes.filter((r) => r.escalation === id).map((r) => `rule ${titleOf(r.id)}`),
      ...Object.values(this.#c.formTypes)
        .filter((f) => f.escalation === id)
        .map((f) => `the “${f.label}” form`),
      ...(this.#c.defaults?.escalation === id ? ['every other lead (the default)'] : []),
      ...(this.#c.fallback.escalation === id ? ['the fallback'] : []),
    ];
    return { id, name: this.chainName(id), lines: steps.map((s) => this.step(s)), note: users.length > 0 ? `Used by ${listWords(users)}.` : 'Not used.' };
  }

  /** A rep: availability, pools, accounts, manager. */
  person(id: string): EntryDescription {
    const rep = this.#c.reps[id]!;
    const lines = this.#availability(id);
    const pools = Object.entries(this.#c.pools)
      .filter(([, p]) => p.members.some((m) => (typeof m === 'string' ? m : m.rep) === id))
      .map(([, p]) => p.name ?? '');
    if (pools.length > 0) lines.push(`in ${listWords(pools)}`);
    const accounts = Object.entries(this.#c.accounts)
      .filter(([, a]) => (typeof a === 'string' ? a : a.owner) === id)
      .map(([domain]) => domain);
    if (accounts.length > 0) lines.push(`owns ${listWords(accounts)}`);
    if (rep.weight !== undefined) lines.push(`weight ${rep.weight} in weighted pools`);
    if (rep.manager) lines.push(`manager: ${this.fullName(rep.manager)}`);
    if (rep.languages?.length) lines.push(`speaks ${listWords(rep.languages)}`);
    return { id, name: rep.name, lines };
  }
}

/** The first instant of a config date or instant. */
function startOf(text: string): number {
  return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text) - (text.length === 10 ? 14 * 3_600_000 : 0);
}

/** The last instant of a config date (inclusive, whatever the zone) or an instant. */
function endOf(text: string): number {
  return Date.parse(text.length === 10 ? `${text}T23:59:59Z` : text) + (text.length === 10 ? 14 * 3_600_000 : 0);
}
