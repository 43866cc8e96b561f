/**
 * What publishing a config would change, in sentences a sales manager reads before clicking:
 * "Ana removed from the Enterprise AEs pool", "Rule Mid-market: 50–500 became 100–500
 * employees", "Rule Payroll moved from 12th to 3rd". Compared on parsed configs, key order
 * ignored; anything that differs and has no sentence of its own still gets a generic one, so a
 * change is never silently left out.
 */
import { alternativesOf, testWords } from './condition-words.ts';
import { ConfigWords } from './config-words.ts';
import { diffSettings, diffForms } from './diff-settings.ts';
import type { Rep, RoutingConfig, WhenSpec } from './schema.ts';
import { ordinal, titleOf } from './words.ts';

/** The part of the config a change is in. */
export type ChangeArea = 'people' | 'pools' | 'rules' | 'queues' | 'accounts' | 'territories' | 'escalations' | 'forms' | 'settings';

/** One change, in words. */
export interface ConfigChange {
  area: ChangeArea;
  text: string;
}

/** Deep equality of JSON values, whatever the key order. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * "A became B", with a shared last word said once: "50–500 became 100–500 employees".
 * @example became('50–500 employees', '100–500 employees') // '50–500 became 100–500 employees'
 */
export function became(a: string, b: string): string {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length === 2 && wb.length === 2 && wa[1] === wb[1]) return `${wa[0]} became ${wb[0]} ${wa[1]}`;
  return `${a} became ${b}`;
}

/**
 * The changes from `before` to `after`, grouped by area in the order of the routing page.
 * @example diffConfigs(live, draft).map((c) => c.text) // ['Ana removed from the Enterprise AEs pool', …]
 */
export function diffConfigs(before: RoutingConfig, after: RoutingConfig): ConfigChange[] {
  const out: ConfigChange[] = [];
  const was = new ConfigWords(before);
  const now = new ConfigWords(after);
  const add = (area: ChangeArea) => (text: string) => out.push({ area, text });
  diffRules(before, after, was, now, add('rules'));
  diffPools(before, after, was, now, add('pools'));
  diffPeople(before, after, was, now, add('people'));
  diffQueues(before, after, was, now, add('queues'));
  diffAccounts(before, after, was, now, add('accounts'));
  diffKeyed(
    before.territories,
    after.territories,
    add('territories'),
    (id, a, b) => diffWhen(`Territory ${id}`, a, b, was, now),
    (id) => `Territory ${id}`,
  );
  diffKeyed(
    before.escalations,
    after.escalations,
    add('escalations'),
    (id, a, b) => diffChain(`${now.chainName(id)} escalation`, a, b, was, now),
    (id) => `${titleOf(id)} escalation`,
  );
  diffForms(before, after, add('forms'));
  diffSettings(before, after, was, now, add('settings'));
  return out;
}

/** Added, removed and changed entries of a record; `changed` gives the sentences of one entry. */
function diffKeyed<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  say: (t: string) => void,
  changed: (id: string, a: T, b: T) => string[],
  name: (id: string) => string,
): void {
  for (const id of Object.keys(a)) if (!(id in b)) say(`${name(id)} removed`);
  for (const id of Object.keys(b)) {
    if (!(id in a)) say(`${name(id)} added`);
    else if (!same(a[id], b[id])) changed(id, a[id]!, b[id]!).forEach(say);
  }
}

/** An escalation chain, step by step when it kept its length. */
function diffChain(
  label: string,
  a: RoutingConfig['escalations'][string],
  b: RoutingConfig['escalations'][string],
  was: ConfigWords,
  now: ConfigWords,
): string[] {
  if (a.length !== b.length) return [`${label}: ${a.map((s) => was.step(s)).join('; ')} became ${b.map((s) => now.step(s)).join('; ')}`];
  return b.flatMap((sb, i) => {
    const sa = a[i]!;
    if (same(sa, sb)) return [];
    const [ta, tb] = [was.step(sa), now.step(sb)];
    const rest = (t: string) => t.replace(/^after [^,]*, /, '');
    if (rest(ta) === rest(tb)) return [`${label}: ${rest(tb)} ${tb.split(',')[0]} (was ${ta.split(',')[0]!.replace('after ', '')})`];
    return [`${label}, step ${i + 1}: ${ta} became ${tb}`];
  });
}

/** Conditions, field by field when both sides have one alternative. */
function diffWhen(label: string, a: WhenSpec | undefined, b: WhenSpec | undefined, was: ConfigWords, now: ConfigWords): string[] {
  const [xa, xb] = [alternativesOf(a), alternativesOf(b)];
  if (xa.length > 1 || xb.length > 1) return [`${label}: conditions changed`];
  const fa = xa[0] ?? {};
  const fb = xb[0] ?? {};
  const out: string[] = [];
  for (const field of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
    const ta = fa[field];
    const tb = fb[field];
    if (same(ta, tb)) continue;
    if (ta === undefined) out.push(`${label}: now only ${testWords(field, tb!, now)}`);
    else if (tb === undefined) out.push(`${label}: no longer only ${testWords(field, ta, was)}`);
    else out.push(`${label}: ${listChange(field, ta, tb) ?? became(testWords(field, ta, was), testWords(field, tb, now))}`);
  }
  return out.length > 0 ? out : [`${label}: conditions changed`];
}

/** "country now also ES, no longer FR" when a list test gained or lost values. */
function listChange(field: string, a: unknown, b: unknown): string | undefined {
  const list = (t: unknown) =>
    Array.isArray(t)
      ? t
      : t && typeof t === 'object' && Object.keys(t).length === 1 && Array.isArray((t as { in?: unknown }).in)
        ? (t as { in: unknown[] }).in
        : undefined;
  const la = list(a);
  const lb = list(b);
  if (!la || !lb) return undefined;
  const added = lb.filter((v) => !la.includes(v));
  const removed = la.filter((v) => !lb.includes(v));
  const parts = [added.length > 0 ? `now also ${added.join(', ')}` : '', removed.length > 0 ? `no longer ${removed.join(', ')}` : ''].filter(Boolean);
  return parts.length > 0 ? `${field === 'territory' ? 'territory' : field} ${parts.join('; ')}` : `${field} order changed`;
}

/** Positions of the ids that keep their relative order (a longest increasing subsequence). */
function keptInOrder(positions: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(positions.length).fill(-1);
  for (let i = 0; i < positions.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[tails[mid]!]! < positions[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i]!) kept.add(i);
  return kept;
}

function diffRules(before: RoutingConfig, after: RoutingConfig, was: ConfigWords, now: ConfigWords, say: (t: string) => void): void {
  const ida = before.routes.map((r) => r.id);
  const idb = after.routes.map((r) => r.id);
  for (const id of ida) if (!idb.includes(id)) say(`Rule ${titleOf(id)} removed`);
  after.routes.forEach((r, i) => {
    if (!ida.includes(r.id)) say(`Rule ${titleOf(r.id)} added as the ${ordinal(i + 1)} rule: ${now.rule(r, i).sentence}`);
  });
  // Moves: rules that kept their place relative to most others stay silent.
  const common = idb.filter((id) => ida.includes(id));
  const kept = keptInOrder(common.map((id) => ida.indexOf(id)));
  common.forEach((id, k) => {
    if (!kept.has(k)) say(`Rule ${titleOf(id)} moved from ${ordinal(ida.indexOf(id) + 1)} to ${ordinal(idb.indexOf(id) + 1)}`);
  });
  for (const [i, rb] of after.routes.entries()) {
    const j = ida.indexOf(rb.id);
    const ra = before.routes[j];
    if (!ra || same(ra, rb)) continue;
    const label = `Rule ${titleOf(rb.id)}`;
    const da = was.rule(ra, j);
    const db = now.rule(rb, i);
    if (!same(ra.when, rb.when)) diffWhen(label, ra.when, rb.when, was, now).forEach(say);
    if (!same(ra.to, rb.to)) say(`${label}: now goes to ${db.target} (was ${da.target})`);
    if (!same(ra.ifUnavailable, rb.ifUnavailable))
      say(`${label}: ${db.unavailable ?? 'no alternative'} (was ${da.unavailable?.replace(/^if .*? → /, '') ?? 'none'})`);
    if (ra.sla !== rb.sla) say(`${label}: ${db.sla} (was ${da.sla.replace('answer within ', '')})`);
    if (ra.escalation !== rb.escalation) say(`${label}: unanswered leads follow the ${db.escalation ?? 'no'} escalation (was ${da.escalation ?? 'none'})`);
    if (ra.slaClock !== rb.slaClock)
      say(`${label}: the time to answer counts ${rb.slaClock === 'working_hours' ? "only the owner's working hours" : 'every hour'}`);
    if (ra.description !== rb.description) say(`${label}: description changed`);
  }
}

/** A pool's members with their weights. */
function membersOf(config: RoutingConfig, pool: string): Map<string, number | undefined> {
  return new Map((config.pools[pool]?.members ?? []).map((m) => (typeof m === 'string' ? [m, undefined] : [m.rep, m.weight])));
}

function diffPools(before: RoutingConfig, after: RoutingConfig, was: ConfigWords, now: ConfigWords, say: (t: string) => void): void {
  for (const id of Object.keys(before.pools)) if (!(id in after.pools)) say(`${was.poolName(id)} removed`);
  for (const [id, pb] of Object.entries(after.pools)) {
    const pa = before.pools[id];
    if (!pa) {
      say(`${now.poolName(id)} added: ${now.sharing(id)}`);
      continue;
    }
    if (same(pa, pb)) continue;
    const pool = now.poolName(id);
    if ((pa.name ?? id) !== (pb.name ?? id)) say(`${was.poolName(id)} renamed ${pool}`);
    const ma = membersOf(before, id);
    const mb = membersOf(after, id);
    for (const rep of ma.keys()) if (!mb.has(rep)) say(`${was.shortName(rep)} removed from the ${pool}`);
    for (const rep of mb.keys()) if (!ma.has(rep)) say(`${now.shortName(rep)} added to the ${pool}`);
    for (const [rep, w] of mb) {
      if (ma.has(rep) && ma.get(rep) !== w) say(`${now.shortName(rep)}'s weight in the ${pool}: ${ma.get(rep) ?? 'their own'} became ${w ?? 'their own'}`);
    }
    if (pa.strategy !== pb.strategy) say(`${pool}: ${became(was.sharing(id), now.sharing(id))}`);
    const order = (m: Map<string, unknown>) => [...m.keys()].filter((r) => ma.has(r) && mb.has(r)).join();
    if (order(ma) !== order(mb)) say(`${pool}: rotation order is now ${now.sharing(id).replace(/^.*between /, '')}`);
  }
}

function diffPeople(before: RoutingConfig, after: RoutingConfig, was: ConfigWords, now: ConfigWords, say: (t: string) => void): void {
  for (const id of Object.keys(before.reps)) if (!(id in after.reps)) say(`${was.fullName(id)} removed`);
  for (const [id, b] of Object.entries(after.reps)) {
    const a = before.reps[id];
    if (!a) {
      say(`${b.name} added: ${now.hours(b)}`);
      continue;
    }
    const who = now.shortName(id);
    if (a.name !== b.name) say(`${a.name} is now called ${b.name}`);
    // Team hours are reported once, under settings, not for every rep who follows them.
    if ((a.hours || b.hours || a.timeZone !== b.timeZone) && now.hours(b) !== was.hours(a)) say(`${who}'s hours: ${was.hours(a)} became ${now.hours(b)}`);
    const absences = (r: Rep) => r.outOfOffice ?? [];
    for (const o of absences(a)) if (!absences(b).some((x) => same(x, o))) say(`${who}'s absence removed: ${was.absence(o)}`);
    for (const o of absences(b)) if (!absences(a).some((x) => same(x, o))) say(`${who} ${now.absence(o)}`);
    if (a.capacity !== b.capacity) say(`${who}'s capacity: ${cap(a.capacity)} became ${cap(b.capacity)}`);
    if (a.weight !== b.weight) say(`${who}'s weight: ${a.weight ?? 1} became ${b.weight ?? 1}`);
    if ((a.active !== false) !== (b.active !== false)) say(b.active === false ? `${who} made inactive: gets no leads` : `${who} active again`);
    if (a.manager !== b.manager)
      say(`${who}'s manager: ${a.manager ? was.fullName(a.manager) : 'none'} became ${b.manager ? now.fullName(b.manager) : 'none'}`);
    for (const key of ['email', 'phone', 'slack', 'languages', 'crm'] as const) {
      if (!same(a[key], b[key])) say(`${who}'s ${key === 'crm' ? 'CRM owner ids' : key}: ${show(a[key])} became ${show(b[key])}`);
    }
  }
}

function cap(capacity: number | undefined): string {
  return capacity === undefined ? 'no limit' : `at most ${capacity} open leads`;
}

function show(value: unknown): string {
  if (value === undefined) return 'none';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function diffQueues(before: RoutingConfig, after: RoutingConfig, was: ConfigWords, now: ConfigWords, say: (t: string) => void): void {
  for (const id of Object.keys(before.queues)) if (!(id in after.queues)) say(`${was.queue(id)} queue removed`);
  for (const [id, qb] of Object.entries(after.queues)) {
    const qa = before.queues[id];
    if (!qa) say(`${qb.name} queue added`);
    else if (!same(qa, qb)) {
      if (qa.name !== qb.name) say(`${qa.name} queue renamed ${qb.name}`);
      for (const w of qa.watchers) if (!qb.watchers.includes(w)) say(`${was.shortName(w)} no longer watches the ${qb.name} queue`);
      for (const w of qb.watchers) if (!qa.watchers.includes(w)) say(`${now.shortName(w)} now watches the ${qb.name} queue`);
      if (qa.description !== qb.description) say(`${qb.name} queue: description changed`);
    }
  }
}

function diffAccounts(before: RoutingConfig, after: RoutingConfig, was: ConfigWords, now: ConfigWords, say: (t: string) => void): void {
  const owner = (a: RoutingConfig['accounts'][string] | undefined) => (a === undefined ? undefined : typeof a === 'string' ? a : a.owner);
  for (const domain of Object.keys(before.accounts))
    if (!(domain in after.accounts)) say(`${domain} is no longer a named account (was ${was.fullName(owner(before.accounts[domain])!)}'s)`);
  for (const [domain, b] of Object.entries(after.accounts)) {
    const a = before.accounts[domain];
    if (a === undefined) say(`${domain} added as a named account of ${now.fullName(owner(b)!)}`);
    else if (owner(a) !== owner(b)) say(`${domain}: ${became(was.fullName(owner(a)!), now.fullName(owner(b)!))}`);
    else if (!same(a, b)) say(`${domain}: account name changed`);
  }
}
