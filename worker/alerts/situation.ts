/**
 * What the alerts look at, read from the metrics store and the routing state: the last two
 * days' and the 14 before's fallback and junk counts, dead letters per day, leads unclaimed in
 * each queue, leads whose rep notice has not gone out, leads per rule over 30 days, open leads,
 * submissions refused by origin over the last day.
 */
import type { Situation } from '../../shared/alerts/detect.ts';
import { dayOf } from '../../shared/metrics/rollup.ts';
import type { AppEnv } from '../app-env.ts';
import { metricsStore } from '../metrics/store.ts';

const DAY_MS = 86_400_000;

/** The situation at `now`. */
export async function readSituation(env: AppEnv, now: number, unusedDays: number): Promise<Situation> {
  const metrics = metricsStore(env);
  const day = (back: number) => dayOf(now - back * DAY_MS);
  const [recent, norm, month, latest, overdue, state, refused] = await Promise.all([
    metrics.report(day(1), day(0), now),
    metrics.report(day(15), day(2), now),
    metrics.report(day(unusedDays - 1), day(0), now),
    metrics.leads({ from: day(1), to: day(0), limit: 500 }, now),
    metrics.leads({ is: 'overdue', limit: 1000 }, now),
    env.ROUTER.getByName('global').snapshot(),
    env.SITE_HEALTH.getByName('global').refusals(1, now),
  ]);
  const routeCount = (r: typeof recent, key: string) => r.by.route.find((k) => k.key === key)?.figures.counters.leads ?? 0;
  return {
    now,
    recent: { from: day(1), to: day(0), leads: recent.total.counters.leads, fallback: routeCount(recent, '$fallback'), junk: routeCount(recent, '$junk') },
    norm: { leads: norm.total.counters.leads, fallback: routeCount(norm, '$fallback'), junk: routeCount(norm, '$junk') },
    deadLetters: Object.fromEntries(recent.days.map((d) => [d.day, d.figures.counters.dead_letters])),
    overdueByQueue: overdue.leads.reduce<Record<string, number>>((by, l) => {
      if (l.owner.startsWith('queue:')) by[l.owner.slice(6)] = (by[l.owner.slice(6)] ?? 0) + 1;
      return by;
    }, {}),
    unnotified: latest.leads
      .filter((l) => l.status !== 'junk' && l.firstOwner.startsWith('rep:') && l.notifiedAt === undefined)
      .map((l) => ({ id: l.id, at: l.receivedAt })),
    routeLeads: Object.fromEntries(month.by.route.map((k) => [k.key, k.figures.counters.leads])),
    firstDay: month.days.find((d) => d.figures.counters.leads > 0)?.day,
    load: state.load,
    refusals: refused.filter((r) => r.reason === 'origin').map(({ site, origin, count }) => ({ site, origin, count })),
  };
}
