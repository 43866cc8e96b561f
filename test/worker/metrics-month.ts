/**
 * A month of synthetic leads for the audit identities: each lead's life is planned up front
 * (junk or routed, an SLA, an acknowledgement in time, late or never, a close, escalation,
 * duplicates, a misroute report, an outcome, a dead letter), then replayed as the snapshots its
 * lead object would send, through the real `factsOf`. The plan also answers, independently of
 * the metrics code, what each figure must count at any instant.
 */
import type { Stage } from '../../shared/metrics/types.ts';
import type { Owner } from '../../shared/routing/types.ts';
import { factsOf } from '../../worker/lead/facts.ts';
import type { FactsUpdate } from '../../worker/metrics/store.ts';
import type { LeadRecord, OutboxEntry, TimelineEvent, TimelineType } from '../../worker/lead/record.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A deterministic pseudo-random sequence (the same month on every run). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const ROUTES = [
  { route: 'emea', pool: 'emea-team', owners: ['rep:ana', 'rep:ben'] },
  { route: 'smb', pool: 'smb-pool', owners: ['rep:cy', 'rep:dee', 'rep:eli'] },
  { route: 'enterprise', owners: ['rep:fay'] },
  { route: '$fallback', owners: ['queue:inbound-triage'] },
] as const;
const FORMS = ['contact', 'demo_request', 'content_download'];
const SOURCES = ['google', 'linkedin', 'direct', 'newsletter'];
const SLAS = [15 * MIN, HOUR, 4 * HOUR, DAY];

/** One planned lead: its facts over time, and the truth the figures must agree with. */
export interface PlannedLead {
  id: string;
  receivedAt: number;
  dueAt: number;
  junk: boolean;
  route: string;
  pool?: string;
  firstOwner: string;
  formType: string;
  source: string;
  /** The first response (acknowledgement or close), if it ever comes. */
  respondedAt?: number;
  events: { at: number; type: TimelineType }[];
  duplicatesAt: number[];
  misroutedAt?: number;
  stage?: { stage: Stage; at: number };
  deadAt?: number;
}

/** Plans `perDay` leads a day on average over the `days` days before `end`. */
export function planMonth(end: number, days: number, perDay: number, seed = 7): PlannedLead[] {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const leads: PlannedLead[] = [];
  const count = days * perDay;
  for (let i = 0; i < count; i++) {
    const receivedAt = end - Math.floor(rnd() * days * DAY);
    const junk = rnd() < 0.08;
    const target = junk ? { route: '$junk', owners: ['queue:junk-review'] as const } : pick(ROUTES);
    const sla = pick(SLAS);
    const dueAt = receivedAt + sla;
    const lead: PlannedLead = {
      id: `ld_${receivedAt.toString(36)}m${i.toString(36).padStart(5, '0')}`,
      receivedAt,
      dueAt,
      junk,
      route: target.route,
      ...('pool' in target ? { pool: target.pool } : {}),
      firstOwner: pick(target.owners),
      formType: pick(FORMS),
      source: pick(SOURCES),
      events: [{ at: receivedAt, type: 'received' }],
      duplicatesAt: [],
    };
    if (!junk) {
      lead.events.push({ at: receivedAt + 20 + Math.floor(rnd() * 900), type: 'confirmation_sent' });
      lead.events.push({ at: receivedAt + 50 + Math.floor(rnd() * 2_000), type: 'rep_notified' });
    }
    const roll = rnd();
    // In time, late (minutes to days after the SLA), closed without an acknowledgement, or never.
    if (roll < 0.4) lead.respondedAt = receivedAt + Math.floor(rnd() * sla);
    else if (roll < 0.6) lead.respondedAt = dueAt + 1 + Math.floor(rnd() * 3 * DAY);
    else if (roll < 0.7) lead.respondedAt = receivedAt + Math.floor(rnd() * 2 * sla);
    if (lead.respondedAt !== undefined) lead.events.push({ at: lead.respondedAt, type: roll >= 0.6 ? 'closed' : 'acknowledged' });
    // Unanswered at its SLA: escalation reassigns within the pool, or alerts the manager.
    if (!junk && (lead.respondedAt === undefined || lead.respondedAt > dueAt) && rnd() < 0.7) {
      lead.events.push({ at: dueAt + 1, type: lead.pool ? 'reassigned' : 'escalated' });
    }
    if (rnd() < 0.1) lead.duplicatesAt.push(receivedAt + Math.floor(rnd() * 10 * DAY));
    if (rnd() < 0.05) lead.misroutedAt = receivedAt + Math.floor(rnd() * 2 * DAY);
    if (!junk && rnd() < 0.3) lead.stage = { stage: pick(['accepted', 'qualified', 'won', 'lost'] as const), at: receivedAt + Math.floor(rnd() * 20 * DAY) };
    if (rnd() < 0.03) lead.deadAt = receivedAt + 2 * HOUR;
    leads.push(lead);
  }
  return leads;
}

const ownerOf = (key: string, name: string): Owner => {
  const [kind, id] = key.split(':') as ['rep' | 'queue', string];
  return { kind, id: id, name };
};

/** The snapshots a lead's object sends up to `until`: one after each change, revisions 1, 2, … */
export function snapshots(lead: PlannedLead, until: number): FactsUpdate[] {
  const changes = [
    ...lead.events.map((e) => e.at),
    ...lead.duplicatesAt,
    ...(lead.misroutedAt !== undefined ? [lead.misroutedAt] : []),
    ...(lead.stage ? [lead.stage.at] : []),
    ...(lead.deadAt !== undefined ? [lead.deadAt] : []),
  ]
    .filter((at) => at <= until)
    .sort((a, b) => a - b);
  return changes.map((at, i) => {
    const { record, timeline, outbox } = stateAt(lead, at);
    return { facts: factsOf(record, timeline, outbox, lead.dueAt, i + 1), ...(i === 0 ? { lead: record.lead } : {}) };
  });
}

/** The lead's record, timeline and outbox as its object holds them at `at`. */
function stateAt(lead: PlannedLead, at: number): { record: LeadRecord; timeline: TimelineEvent[]; outbox: OutboxEntry[] } {
  const timeline: TimelineEvent[] = lead.events.filter((e) => e.at <= at).map((e) => ({ at: e.at, type: e.type, detail: '' }));
  const first = ownerOf(lead.firstOwner, 'First');
  let owner = first;
  if (timeline.some((e) => e.type === 'reassigned')) owner = ownerOf(lead.firstOwner === 'rep:ana' ? 'rep:ben' : 'rep:ana', 'Second');
  const response = lead.events.find((e) => (e.type === 'acknowledged' || e.type === 'closed') && e.at <= at);
  const misrouted = lead.misroutedAt !== undefined && lead.misroutedAt <= at;
  const staged = lead.stage && lead.stage.at <= at ? lead.stage : undefined;
  const record = {
    id: lead.id,
    site: 'demo',
    receivedAt: lead.receivedAt,
    lead: {
      formType: lead.formType,
      consent: true,
      source: lead.source,
      honeypot: false,
      status: lead.junk ? 'junk' : 'qualified',
      urgency: 'normal',
      intent: 'medium',
      email: `${lead.id}@example.com`,
      phone: '+14155552671',
      company: `Company ${lead.id.slice(-3)}`,
      fullName: 'Pat Doe',
    },
    qualification: { status: lead.junk ? 'junk' : 'qualified', junk: [], missing: [], urgency: 'normal', urgencySignals: [], intent: 'medium', suspect: [] },
    decision: {
      owner: first,
      at: lead.receivedAt,
      route: lead.route,
      strategy: 'direct',
      slaMs: lead.dueAt - lead.receivedAt,
      slaClock: 'wall',
      escalation: [],
      ...(lead.pool ? { pool: lead.pool } : {}),
    },
    configVersion: 1,
    trace: [],
    owner,
    ownerSince: lead.receivedAt,
    nextStep: 0,
    duplicates: lead.duplicatesAt.filter((t) => t <= at).length,
    dueAt: lead.dueAt,
    ...(response?.type === 'acknowledged' ? { acknowledged: { at: response.at, by: 'rep' } } : {}),
    ...(response?.type === 'closed' ? { closed: { at: response.at, outcome: 'done', by: 'rep' } } : {}),
    ...(misrouted ? { misrouted: { to: 'rep:fay', by: 'rep', at: lead.misroutedAt! } } : {}),
    ...(staged ? { stage: { stage: staged.stage, at: staged.at, by: 'crm' } } : {}),
  } as LeadRecord;
  const dead = lead.deadAt !== undefined && lead.deadAt <= at;
  const outbox: OutboxEntry[] = [
    { id: '1', intent: { kind: 'crm', target: 0 }, status: dead ? 'dead' : 'delivered', attempts: 1, nextAt: 0, createdAt: lead.receivedAt },
  ];
  return { record, timeline, outbox };
}

/**
 * What each figure must count for this lead, judged at `now` from the plan alone, with what the
 * store has been told up to `seen` (responses after `seen` are not known yet).
 */
export function truthOf(lead: PlannedLead, seen: number, now: number): Set<string> {
  const is = new Set<string>(['leads']);
  const responded = lead.respondedAt !== undefined && lead.respondedAt <= seen ? lead.respondedAt : undefined;
  const known = (at: number | undefined) => at !== undefined && at <= seen;
  if (lead.junk) is.add('junk');
  else {
    is.add('routed');
    if (responded === undefined) is.add('unanswered').add(now > lead.dueAt ? 'overdue' : 'open');
    else is.add('responded').add(responded <= lead.dueAt ? 'in_sla' : 'late');
    if (is.has('late') || is.has('overdue')) is.add('missed');
    if (lead.events.some((e) => e.type === 'reassigned' && e.at <= seen)) is.add('reassigned');
    if (lead.events.some((e) => (e.type === 'reassigned' || e.type === 'escalated') && e.at <= seen)) is.add('escalated');
    if (known(lead.misroutedAt)) is.add('misrouted');
    const stage = lead.stage && lead.stage.at <= seen ? lead.stage.stage : undefined;
    if (stage === 'accepted' || stage === 'qualified' || stage === 'won') is.add('accepted');
    if (stage === 'qualified' || stage === 'won') is.add('qualified');
    if (stage === 'won') is.add('won');
    if (stage === 'lost') is.add('lost');
  }
  if (lead.events.some((e) => e.type === 'confirmation_sent' && e.at <= seen)) is.add('confirmed');
  if (lead.events.some((e) => e.type === 'rep_notified' && e.at <= seen)) is.add('notified');
  if (lead.duplicatesAt.some((t) => t <= seen)) is.add('duplicates');
  if (known(lead.deadAt)) is.add('dead_letters');
  return is;
}

/** The key a lead has under each cut, as the README defines them. */
export function cutsOf(lead: PlannedLead): Record<string, string> {
  return {
    route: lead.route,
    rep: lead.firstOwner,
    form: lead.formType,
    source: lead.source,
    ...(lead.pool ? { pool_rep: `${lead.pool}/${lead.firstOwner}` } : {}),
  };
}
