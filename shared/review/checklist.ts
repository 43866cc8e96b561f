/**
 * The quarterly review (seeds/001, seeds/004: review the rules every quarter): when the rules
 * were last reviewed, whether a review is due, and what it should look at, from the config and
 * the last 90 days' figures — rules no lead took, people who left or get nothing, pools out of
 * balance, reassignment on the rise, rules with misroutes, leads no rule took.
 */
import type { RoutingConfig } from '../config/schema.ts';
import { listWords, titleOf } from '../config/words.ts';
import type { PoolShares } from '../metrics/fairness.ts';
import type { MetricsReport } from '../metrics/types.ts';

/** One thing a review should look at, and where. */
export interface ReviewItem {
  text: string;
  /** A dashboard path. */
  link: string;
}

/** The review's state and its list. */
export interface ReviewChecklist {
  /** When the rules were last reviewed, as the config says. */
  last?: { at: string; by?: string; note?: string };
  /** True when the last review is more than a quarter old, or there was none. */
  due: boolean;
  items: ReviewItem[];
}

const QUARTER_MS = 91 * 86_400_000;
const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * What a review should look at, from the config and a report of the last 90 days.
 * @example reviewChecklist(config, await api('/metrics?from=…&to=…'), Date.now()).items
 */
export function reviewChecklist(config: RoutingConfig, report: MetricsReport & { pools: PoolShares[] }, now: number): ReviewChecklist {
  const items: ReviewItem[] = [];
  const period = `from=${report.from}&to=${report.to}`;
  const leadsOf = (dim: 'route' | 'rep', key: string) => report.by[dim].find((k) => k.key === key)?.figures.counters.leads ?? 0;

  const unused = config.routes.filter((r) => leadsOf('route', r.id) === 0).map((r) => titleOf(r.id));
  if (unused.length > 0 && report.total.counters.leads > 0)
    items.push({
      text: `${unused.length === 1 ? 'Rule' : `${unused.length} rules:`} ${listWords(unused)} took no lead in 90 days: still needed, or shadowed by an earlier rule?`,
      link: '#/routing',
    });

  for (const [id, rep] of Object.entries(config.reps)) {
    const pools = Object.values(config.pools)
      .filter((p) => p.members.some((m) => (typeof m === 'string' ? m : m.rep) === id))
      .map((p) => p.name ?? '');
    if (rep.active === false && pools.length > 0)
      items.push({ text: `${rep.name} is inactive but still in ${listWords(pools)}: did they leave?`, link: '#/config/people' });
    else if (rep.active !== false && pools.length > 0 && leadsOf('rep', `rep:${id}`) === 0 && report.total.counters.leads >= 20)
      items.push({ text: `${rep.name} got no lead in 90 days though in ${listWords(pools)}: still on the team?`, link: '#/config/people' });
  }

  for (const pool of report.pools) {
    if (pool.leads < 20) continue;
    const off = pool.members.filter((m) => m.actual !== null && Math.abs(m.actual - m.target) > 0.15);
    if (off.length > 0)
      items.push({
        text: `${pool.name} is out of balance: ${listWords(off.map((m) => `${m.name} got ${pct(m.actual!)} against ${pct(m.target)}`))}.`,
        link: '#/',
      });
  }

  // Reassignment over the last 30 days against the 60 before.
  const split = new Date(now - 30 * 86_400_000).toISOString().slice(0, 10);
  const rate = (days: MetricsReport['days']) => {
    const routed = days.reduce((n, d) => n + d.figures.counters.routed, 0);
    return routed >= 10 ? days.reduce((n, d) => n + d.figures.counters.reassigned, 0) / routed : undefined;
  };
  const recent = rate(report.days.filter((d) => d.day >= split));
  const before = rate(report.days.filter((d) => d.day < split));
  if (recent !== undefined && before !== undefined && recent >= 0.1 && recent >= 1.5 * before)
    items.push({
      text: `Reassignment rose from ${pct(before)} to ${pct(recent)} in the last 30 days: owners are not answering in time.`,
      link: `#/leads?${period}&is=reassigned`,
    });

  for (const r of report.by.route) {
    const misrouted = r.figures.counters.misrouted;
    if (misrouted > 0 && !r.key.startsWith('$'))
      items.push({
        text: `Rule ${titleOf(r.key)}: ${misrouted} lead${misrouted === 1 ? '' : 's'} reported misrouted.`,
        link: `#/leads?${period}&dim=route&key=${encodeURIComponent(r.key)}&is=misrouted`,
      });
  }

  const fallback = leadsOf('route', '$fallback');
  if (report.total.counters.leads > 0 && fallback / report.total.counters.leads > 0.1)
    items.push({
      text: `${pct(fallback / report.total.counters.leads)} of leads were taken by no rule (fallback): a rule is missing.`,
      link: `#/leads?${period}&dim=route&key=$fallback`,
    });

  const last = config.reviewed;
  const due = !last || Date.parse(last.at) < now - QUARTER_MS;
  return { ...(last ? { last } : {}), due, items };
}
