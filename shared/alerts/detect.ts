/**
 * Alerts when routing breaks (seeds/001: "routing systems fail silently… you may not know
 * leads are being lost until the pipeline report looks wrong three weeks later"). From a
 * snapshot of the routing's health — the `Situation` the Worker gathers every few minutes — the
 * alerts that hold now, each with a stable key (its quiet period is kept per key), a sentence
 * and a link to the leads behind it; then, given when each key last went out, the ones to send.
 */
import type { RoutingConfig } from '../config/schema.ts';
import { outOfOffice } from '../routing/availability.ts';
import { compiled } from '../routing/route.ts';
import { parseDuration } from '../time/duration.ts';

/** The routing's health at one instant, as the Worker reads it. */
export interface Situation {
  now: number;
  /** Today and yesterday (UTC days), then the 14 days before, for the shares' norm. */
  recent: { from: string; to: string; leads: number; fallback: number; junk: number };
  norm: { leads: number; fallback: number; junk: number };
  /** Dead-lettered side effects counted per day of arrival, for the recent days. */
  deadLetters: Record<string, number>;
  /** Leads unclaimed past their SLA now, per queue id. */
  overdueByQueue: Record<string, number>;
  /** Recent leads routed to a rep whose owner notice has not gone out: id and arrival. */
  unnotified: { id: string; at: number }[];
  /** Leads per route over the last 30 days, and the first day the store has leads in that window. */
  routeLeads: Record<string, number>;
  firstDay: string | undefined;
  /** Open leads per rep. */
  load: Record<string, number>;
  /** Submissions refused by origin over the last day, per site key and origin. */
  refusals: { site: string; origin: string; count: number }[];
}

/** One alert: a stable key for its quiet period, what is wrong, and where to look. */
export interface Alert {
  key: string;
  title: string;
  text: string;
  /** A dashboard path (`#/leads?…`), made absolute by the sender. */
  link: string;
}

/** The thresholds, with the defaults of the config's `alerts` section. */
export interface AlertSettings {
  quietMs: number;
  shareFactor: number;
  minLeads: number;
  unclaimed: number;
  notifyMinutes: number;
  unusedDays: number;
  refused: number;
}

/** Defaults sensible for a team of about five reps (tens of leads a day). */
export const ALERT_DEFAULTS = {
  quiet: '4h',
  shareFactor: 3,
  minLeads: 5,
  unclaimedInQueue: 3,
  notifyMinutes: 10,
  unusedRouteDays: 30,
  refusedSubmissions: 3,
} as const;

/** The settings of a config's `alerts` section, defaults filled in. */
export function alertSettings(config: RoutingConfig): AlertSettings {
  const a = config.alerts ?? {};
  return {
    quietMs: parseDuration(a.quiet ?? ALERT_DEFAULTS.quiet)!,
    shareFactor: a.shareFactor ?? ALERT_DEFAULTS.shareFactor,
    minLeads: a.minLeads ?? ALERT_DEFAULTS.minLeads,
    unclaimed: a.unclaimedInQueue ?? ALERT_DEFAULTS.unclaimedInQueue,
    notifyMinutes: a.notifyMinutes ?? ALERT_DEFAULTS.notifyMinutes,
    unusedDays: a.unusedRouteDays ?? ALERT_DEFAULTS.unusedRouteDays,
    refused: a.refusedSubmissions ?? ALERT_DEFAULTS.refusedSubmissions,
  };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Every alert that holds in `s` (quiet periods not applied). `seenDeadLetters`: counts already alerted on, per day. */
export function detectAlerts(s: Situation, config: RoutingConfig, seenDeadLetters: Record<string, number> = {}): Alert[] {
  const set = alertSettings(config);
  const out: Alert[] = [];
  const period = `from=${s.recent.from}&to=${s.recent.to}`;
  for (const kind of ['fallback', 'junk'] as const) {
    const share = s.recent.leads > 0 ? s.recent[kind] / s.recent.leads : 0;
    const norm = s.norm.leads > 0 ? s.norm[kind] / s.norm.leads : 0;
    // Far above: the factor times the norm, and never for a share a few leads make.
    if (s.recent.leads >= set.minLeads && s.recent[kind] >= set.minLeads / 2 && share >= Math.max(set.shareFactor * norm, 0.1)) {
      const what = kind === 'fallback' ? 'taken by no rule (fallback)' : 'judged junk';
      out.push({
        key: `share:${kind}`,
        title: `${pct(share)} of leads ${what}`,
        text: `${s.recent[kind]} of the ${s.recent.leads} leads since ${s.recent.from} were ${what}, against ${pct(norm)} over the 14 days before. A rule or a form may have broken.`,
        link: `#/leads?${period}&dim=route&key=$${kind}`,
      });
    }
  }
  const fresh = Object.entries(s.deadLetters).reduce((n, [day, count]) => n + Math.max(0, count - (seenDeadLetters[day] ?? 0)), 0);
  if (fresh > 0)
    out.push({
      key: 'dead-letters',
      title: `${fresh} lead${fresh === 1 ? '' : 's'} with a side effect that gave up`,
      text: `A confirmation, a rep notice or a CRM write was dead-lettered after its retries: the lead is routed, but someone was not told.`,
      link: `#/leads?${period}&is=dead_letters`,
    });
  for (const [queue, count] of Object.entries(s.overdueByQueue)) {
    if (count < set.unclaimed) continue;
    const name = config.queues[queue]?.name ?? queue;
    out.push({
      key: `unclaimed:${queue}`,
      title: `${count} leads unclaimed in ${name}`,
      text: `${count} leads in the ${name} queue are past their time to answer and nobody has taken them.`,
      link: `#/leads?dim=rep&key=queue:${queue}&is=overdue`,
    });
  }
  const stuck = s.unnotified.filter((l) => l.at <= s.now - set.notifyMinutes * 60_000);
  if (stuck.length >= 2) {
    const minutes = Math.round((s.now - Math.min(...stuck.map((l) => l.at))) / 60_000);
    out.push({
      key: 'notify-failing',
      title: `Rep notices failing for ${minutes} minutes`,
      text: `${stuck.length} leads routed to a rep over the last ${minutes} minutes have no notice delivered yet (Slack or email): the provider may be down.`,
      link: `#/lead/${stuck[0]!.id}`,
    });
  }
  // Only once the store has most of the window's days: a new deployment has no history yet.
  if (s.firstDay !== undefined && Date.parse(s.firstDay) <= s.now - (set.unusedDays - 5) * 86_400_000) {
    const unused = config.routes.filter((r) => (s.routeLeads[r.id] ?? 0) === 0).map((r) => r.id);
    if (unused.length > 0) {
      const rules = unused.length === 1 ? `Rule ${unused[0]}` : `${unused.length} rules (${unused.join(', ')})`;
      out.push({
        key: `unused:${unused.join(',')}`,
        title: `${rules} took no lead in ${set.unusedDays} days`,
        text: `${rules} took no lead in ${set.unusedDays} days: an earlier rule may shadow them, or they are no longer needed.`,
        link: '#/routing',
      });
    }
  }
  for (const r of compiled(config).reps) {
    const { id } = r;
    const rep = config.reps[id]!;
    const away = outOfOffice(r, s.now);
    if (r.active && !(away && away.backup < 0)) continue;
    const owns =
      Object.values(config.accounts).some((a) => (typeof a === 'string' ? a : a.owner) === id) || config.routes.some((r) => 'rep' in r.to && r.to.rep === id);
    const open = s.load[id] ?? 0;
    if (open === 0 && !owns) continue;
    const why = rep.active === false ? 'is inactive' : 'is out of office with no backup';
    out.push({
      key: `rep:${id}`,
      title: `${rep.name} ${why}`,
      text: `${rep.name} ${why}${open > 0 ? ` and has ${open} open lead${open === 1 ? '' : 's'}` : ''}${owns ? ', and rules or named accounts still send leads to them' : ''}.`,
      link: `#/leads?dim=rep&key=rep:${id}&is=unanswered`,
    });
  }
  // A site's own leads refused because the page's origin is not allowed: a new domain, a
  // landing page builder. Unknown site keys are left to the overview (bots send any key).
  const bySite = new Map<string, { count: number; origins: string[] }>();
  for (const r of s.refusals) {
    const site = bySite.get(r.site) ?? { count: 0, origins: [] };
    site.count += r.count;
    site.origins.push(r.origin || '(no origin)');
    bySite.set(r.site, site);
  }
  for (const [site, r] of bySite) {
    if (r.count < set.refused || site === '' || site === '(other)') continue;
    out.push({
      key: `refused:${site}`,
      title: `${r.count} submissions refused on site ${site}`,
      text: `${r.count} submissions from site ${site} were refused in the last day because their page is not an allowed origin (${r.origins.slice(0, 3).join(', ')}): add it to SITES if it is yours, or those leads are lost.`,
      link: '#/',
    });
  }
  return out;
}

/** When each alert key last went out. */
export type SentAt = Record<string, number>;

/**
 * The alerts to send now (those out of their quiet period; unused rules wait a week) and the
 * updated record of when each key went out.
 */
export function dueAlerts(alerts: readonly Alert[], sent: SentAt, now: number, quietMs: number): { send: Alert[]; sent: SentAt } {
  const next: SentAt = {};
  // Keys quiet for longer than a week are forgotten, so the record stays small.
  for (const [key, at] of Object.entries(sent)) if (now - at < Math.max(quietMs, 7 * 86_400_000)) next[key] = at;
  const send = alerts.filter((a) => {
    const quiet = a.key.startsWith('unused:') ? Math.max(quietMs, 7 * 86_400_000) : quietMs;
    return next[a.key] === undefined || now - next[a.key]! >= quiet;
  });
  for (const a of send) next[a.key] = now;
  return { send, sent: next };
}
