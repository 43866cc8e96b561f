/**
 * The everyday changes to a routing config, as functions from a config (as written) to the
 * changed config: add or remove a rep, set out-of-office, hours, capacity or weight, move a rep
 * between pools, add a named account, reorder rules. The dashboard's forms call these, so what a
 * form produces is the same JSON a power user would write, checked by the same schema.
 *
 * Each returns a new object and leaves its input alone. A change that would leave a dangling
 * reference cleans it up where the intent is clear (a removed rep leaves the pools and queues
 * they were in) and otherwise is refused with a sentence saying what to change first.
 */
import type { RoutingConfigInput } from './schema.ts';

type Config = RoutingConfigInput;
type RepInput = Config['reps'][string];
type Absence = NonNullable<RepInput['outOfOffice']>[number];
type Member = NonNullable<Config['pools']>[string]['members'][number];

/** A change that cannot be made as asked, and why. */
export class EditRefused extends Error {}

const memberId = (m: Member) => (typeof m === 'string' ? m : m.rep);

function clone(c: Config): Config {
  // Configs are JSON: a JSON round trip is a deep copy (shared code has no structuredClone).
  return JSON.parse(JSON.stringify(c)) as Config;
}

function repOf(c: Config, id: string): RepInput {
  const rep = c.reps[id];
  if (!rep) throw new EditRefused(`There is no rep "${id}".`);
  return rep;
}

/** A new id from a name: `Zoe Park` → `zoe` (or `zoe-park`, `zoe-2` when taken). */
export function newRepId(c: Config, name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, '')
    .split(' ')
    .filter(Boolean);
  const candidates = [words[0], words.join('-')].filter((x): x is string => Boolean(x));
  for (const id of candidates) if (!(id in c.reps)) return id;
  const base = candidates[0] ?? 'rep';
  for (let n = 2; ; n++) if (!(`${base}-${n}` in c.reps)) return `${base}-${n}`;
}

/** Adds a rep, and to the pools named. */
export function addRep(c: Config, id: string, rep: RepInput, pools: readonly string[] = []): Config {
  if (id in c.reps) throw new EditRefused(`There is already a rep "${id}".`);
  const next = clone(c);
  next.reps[id] = rep;
  for (const pool of pools) addToPool(next, pool, id, true);
  return next;
}

/** Who or what still points at a rep, as sentences (empty when the rep can go). */
export function repUses(c: Config, id: string): string[] {
  const uses: string[] = [];
  c.routes.forEach((r) => {
    for (const t of [r.to, r.ifUnavailable]) if (t && typeof t === 'object' && 'rep' in t && t.rep === id) uses.push(`rule ${r.id} sends leads to them`);
  });
  for (const [domain, a] of Object.entries(c.accounts ?? {}))
    if ((typeof a === 'string' ? a : a.owner) === id) uses.push(`they own the named account ${domain}`);
  for (const [chain, steps] of Object.entries(c.escalations ?? {}))
    if (steps.some((s) => s.action === 'alert_manager' && s.notify === id)) uses.push(`the ${chain} escalation alerts them`);
  for (const [pool, p] of Object.entries(c.pools ?? {}))
    if (p.members.length === 1 && memberId(p.members[0]!) === id) uses.push(`they are the only member of the ${p.name ?? pool} pool`);
  return [...new Set(uses)];
}

/**
 * Removes a rep and takes them out of every pool, queue, manager and backup role. Refused
 * while a rule, a named account or an escalation names them (see {@link repUses}): marking the
 * rep inactive is the change for someone leaving with leads still open.
 */
export function removeRep(c: Config, id: string): Config {
  repOf(c, id);
  const uses = repUses(c, id);
  if (uses.length > 0) throw new EditRefused(`Change this first: ${uses.join('; ')}.`);
  const next = clone(c);
  delete next.reps[id];
  for (const p of Object.values(next.pools ?? {})) p.members = p.members.filter((m) => memberId(m) !== id);
  for (const q of Object.values(next.queues)) if (q.watchers) q.watchers = q.watchers.filter((w) => w !== id);
  for (const rep of Object.values(next.reps)) {
    if (rep.manager === id) delete rep.manager;
    for (const o of rep.outOfOffice ?? []) if (o.backup === id) delete o.backup;
  }
  return next;
}

/** Changes some of a rep's own settings; `undefined` removes a setting (back to the team's). */
export function updateRep(c: Config, id: string, changes: Partial<RepInput>): Config {
  const next = clone(c);
  const rep = repOf(next, id);
  for (const [key, value] of Object.entries(changes) as [keyof RepInput, unknown][]) {
    if (value === undefined || value === '') delete rep[key];
    else (rep as Record<string, unknown>)[key] = value;
  }
  return next;
}

/** Adds an absence (dates are whole days in the rep's zone, `to` included). */
export function addAbsence(c: Config, id: string, absence: Absence): Config {
  if (absence.backup === id) throw new EditRefused('A rep cannot be their own backup.');
  const next = clone(c);
  const rep = repOf(next, id);
  const clean: Absence = { from: absence.from, to: absence.to };
  if (absence.backup) clean.backup = absence.backup;
  if (absence.note) clean.note = absence.note;
  rep.outOfOffice = [...(rep.outOfOffice ?? []), clean];
  return next;
}

/** Removes one of a rep's absences. */
export function removeAbsence(c: Config, id: string, index: number): Config {
  const next = clone(c);
  const rep = repOf(next, id);
  rep.outOfOffice = (rep.outOfOffice ?? []).filter((_, i) => i !== index);
  if (rep.outOfOffice.length === 0) delete rep.outOfOffice;
  return next;
}

/** Adds a rep to a pool (at the end of its rotation). Mutates when `inPlace`. */
export function addToPool(c: Config, pool: string, rep: string, inPlace = false): Config {
  const next = inPlace ? c : clone(c);
  const p = next.pools?.[pool];
  if (!p) throw new EditRefused(`There is no pool "${pool}".`);
  if (!p.members.some((m) => memberId(m) === rep)) p.members.push(rep);
  return next;
}

/** Takes a rep out of a pool; refused when they are its only member. */
export function removeFromPool(c: Config, pool: string, rep: string): Config {
  const next = clone(c);
  const p = next.pools?.[pool];
  if (!p) throw new EditRefused(`There is no pool "${pool}".`);
  const members = p.members.filter((m) => memberId(m) !== rep);
  if (members.length === 0) throw new EditRefused(`${c.reps[rep]?.name ?? rep} is the only member of ${p.name ?? pool}: add someone else first.`);
  p.members = members;
  return next;
}

/** Moves a rep from one pool to another, keeping their weight there. */
export function moveBetweenPools(c: Config, rep: string, from: string, to: string): Config {
  const member = c.pools?.[from]?.members.find((m) => memberId(m) === rep);
  let next = removeFromPool(c, from, rep);
  next = addToPool(next, to, rep);
  if (member && typeof member === 'object') {
    const p = next.pools![to]!;
    p.members = p.members.map((m) => (memberId(m) === rep ? member : m));
  }
  return next;
}

/** Sets a member's weight in one weighted pool (`undefined`: the rep's own weight). */
export function setPoolWeight(c: Config, pool: string, rep: string, weight: number | undefined): Config {
  const next = clone(c);
  const p = next.pools?.[pool];
  if (!p) throw new EditRefused(`There is no pool "${pool}".`);
  p.members = p.members.map((m) => (memberId(m) !== rep ? m : weight === undefined ? rep : { rep, weight }));
  return next;
}

/** Changes how a pool shares its leads. */
export function setPoolStrategy(c: Config, pool: string, strategy: NonNullable<Config['pools']>[string]['strategy']): Config {
  const next = clone(c);
  const p = next.pools?.[pool];
  if (!p) throw new EditRefused(`There is no pool "${pool}".`);
  p.strategy = strategy;
  return next;
}

/** Adds (or gives to someone else) a named account: its domain's leads go to `owner`. */
export function setAccount(c: Config, domain: string, owner: string, name?: string): Config {
  repOf(c, owner);
  const key = domain
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
  const next = clone(c);
  next.accounts = { ...(next.accounts ?? {}), [key]: name ? { owner, name } : owner };
  return next;
}

/** Removes a named account. */
export function removeAccount(c: Config, domain: string): Config {
  const next = clone(c);
  if (next.accounts) delete next.accounts[domain];
  return next;
}

/** Moves the rule at `from` to position `to` (0-based); the others keep their order. */
export function moveRoute(c: Config, from: number, to: number): Config {
  if (from < 0 || from >= c.routes.length || to < 0 || to >= c.routes.length) throw new EditRefused('There is no rule at that position.');
  const next = clone(c);
  const [route] = next.routes.splice(from, 1);
  next.routes.splice(to, 0, route!);
  return next;
}

/** Replaces the rule at `index` with a changed copy. */
export function updateRoute(c: Config, index: number, change: (route: Config['routes'][number]) => void): Config {
  const next = clone(c);
  const route = next.routes[index];
  if (!route) throw new EditRefused('There is no rule at that position.');
  change(route);
  return next;
}
