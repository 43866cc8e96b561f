/**
 * The publish diff of the config's forms and settings (fallback, junk, team defaults,
 * qualification, dedupe, brand): one sentence per changed value, and a generic sentence for
 * any key without a wording of its own, so nothing that changes is left out.
 */
import type { ConfigWords } from './config-words.ts';
import { same } from './diff.ts';
import type { RoutingConfig } from './schema.ts';
import { dateWords, durationWords, hoursWords, listWords } from './words.ts';

type Say = (text: string) => void;

/** A value in words: durations spelt out, lists joined, objects as JSON. */
function value(v: unknown): string {
  if (v === undefined) return 'not set';
  if (typeof v === 'string') return /^\d+(\.\d+)?[smhdw]/.test(v) ? durationWords(v) : v;
  if (Array.isArray(v)) return v.length === 0 ? 'none' : listWords(v.map(String));
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

const FORM_KEYS: Record<string, string> = {
  label: 'label',
  sla: 'time to answer',
  escalation: 'escalation',
  slaClock: 'SLA clock',
  confirm: 'confirmation',
  intent: 'intent',
  urgency: 'urgency floor',
  defaultCountry: 'default country',
  workEmail: 'work email only',
};

/** Form types: added, removed, and each changed key. */
export function diffForms(before: RoutingConfig, after: RoutingConfig, add: Say): void {
  for (const [id, f] of Object.entries(before.formTypes)) if (!(id in after.formTypes)) add(`“${f.label}” form removed`);
  for (const [id, b] of Object.entries(after.formTypes)) {
    const a = before.formTypes[id];
    if (!a) {
      add(`“${b.label}” form added`);
      continue;
    }
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof typeof a>) {
      if (same(a[key], b[key])) continue;
      const name = `“${b.label}” form`;
      if (key === 'fields' || key === 'required' || key === 'wanted') {
        const la = (a[key] ?? []) as string[];
        const lb = (b[key] ?? []) as string[];
        const added = lb.filter((x) => !la.includes(x));
        const removed = la.filter((x) => !lb.includes(x));
        const verb = key === 'fields' ? 'shows' : key === 'required' ? 'requires' : 'wants';
        if (added.length > 0) add(`${name} now ${verb} ${listWords(added)}`);
        if (removed.length > 0) add(`${name} no longer ${verb} ${listWords(removed)}`);
        if (added.length === 0 && removed.length === 0) add(`${name}: field order changed`);
      } else add(`${name}: ${FORM_KEYS[key] ?? key} ${value(a[key])} became ${value(b[key])}`);
    }
  }
}

/** Fallback, junk, team defaults and the other settings. */
export function diffSettings(before: RoutingConfig, after: RoutingConfig, was: ConfigWords, now: ConfigWords, add: Say): void {
  const [fa, fb] = [before.fallback, after.fallback];
  if (fa.queue !== fb.queue) add(`Leads no rule takes now go to the ${now.queue(fb.queue)} queue (was ${was.queue(fa.queue)})`);
  if (fa.sla !== fb.sla) add(`Fallback: answer within ${value(fb.sla)} (was ${value(fa.sla)})`);
  if (fa.escalation !== fb.escalation)
    add(`Fallback: escalation ${fa.escalation ? was.chainName(fa.escalation) : 'none'} became ${fb.escalation ? now.chainName(fb.escalation) : 'none'}`);
  const qa = before.qualification;
  const qb = after.qualification;
  if (qa.junkQueue !== qb.junkQueue) add(`Junk now goes to the ${now.queue(qb.junkQueue)} queue (was ${was.queue(qa.junkQueue)})`);
  keys('Junk check', { ...qa, junkQueue: undefined }, { ...qb, junkQueue: undefined }, add, {
    minFillTime: 'fastest human fill',
    maxLinks: 'most links in a message',
    disposableIsJunk: 'disposable addresses are junk',
  });
  const da = before.defaults ?? {};
  const db = after.defaults ?? {};
  if (!same(da.hours, db.hours)) add(`Team hours: ${hoursWords(da.hours)} became ${hoursWords(db.hours)}`);
  keys('Team defaults', { ...da, hours: undefined }, { ...db, hours: undefined }, add, {
    timeZone: 'time zone',
    sla: 'time to answer',
    escalation: 'escalation',
    slaClock: 'SLA clock',
  });
  keys('Duplicates', before.dedupe, after.dedupe, add, { window: 'window', keys: 'matched on' });
  keys('Brand', before.brand ?? {}, after.brand ?? {}, add, { name: 'name', replyTo: 'reply-to address' });
  if (before.name !== after.name) add(`Config name: ${value(before.name)} became ${value(after.name)}`);
  const r = after.reviewed;
  if (!same(before.reviewed, r) && r) add(`Rules marked reviewed on ${dateWords(r.at)}${r.by ? ` by ${r.by}` : ''}${r.note ? `: ${r.note}` : ''}`);
}

/** One sentence per changed key of a settings object. */
function keys(label: string, a: object, b: object, add: Say, names: Record<string, string>): void {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
    if (!same(ra[key], rb[key])) add(`${label}: ${names[key] ?? key} ${value(ra[key])} became ${value(rb[key])}`);
  }
}
