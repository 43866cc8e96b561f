/**
 * The overview's charts over time, at a granularity that fits the period: hours for a day
 * (from the day's leads), days up to a month, weeks beyond (counts summed; speed as the median
 * of the week's daily medians, since daily quantiles cannot be merged exactly).
 */
import type { Figures, LeadFacts, MetricsReport } from '../../shared/metrics/types.ts';
import { LineChart } from './charts.tsx';
import { dayLabel, ms } from './format.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const HOUR = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Values per time bucket. */
interface Buckets {
  unit: 'hour' | 'day' | 'week';
  labels: string[];
  leads: number[];
  missed: number[];
  confirm: (number | null)[];
  respond: (number | null)[];
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Every UTC day from `from` to `to`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/** One day by hour, from its leads. */
function hourly(day: string, leads: LeadFacts[], now: number): Buckets {
  const start = Date.parse(`${day}T00:00:00Z`);
  const hours = Array.from({ length: 24 }, (_, h) => start + h * HOUR_MS).filter((at) => at <= now);
  const of = (h: number) => leads.filter((l) => l.receivedAt >= hours[h]! && l.receivedAt < hours[h]! + HOUR_MS);
  const since = (l: LeadFacts, at: number | undefined) => (at === undefined ? [] : [at - l.receivedAt]);
  return {
    unit: 'hour',
    labels: hours.map((at) => HOUR.format(at)),
    leads: hours.map((_, h) => of(h).length),
    missed: hours.map((_, h) => of(h).filter((l) => l.status !== 'junk' && (l.respondedAt ?? now) > l.dueAt).length),
    confirm: hours.map((_, h) => median(of(h).flatMap((l) => since(l, l.confirmedAt)))),
    respond: hours.map((_, h) => median(of(h).flatMap((l) => since(l, l.respondedAt)))),
  };
}

/** Days (up to a month) or weeks, from the report's days. */
function daily(report: MetricsReport, from: string, to: string): Buckets {
  const byDay = new Map(report.days.map((d) => [d.day, d.figures]));
  const days = daysBetween(from, to);
  const size = days.length > 31 ? 7 : 1;
  const groups: string[][] = [];
  for (let i = 0; i < days.length; i += size) groups.push(days.slice(i, i + size));
  const figures = (g: string[]) => g.map((d) => byDay.get(d)).filter((f): f is Figures => f !== undefined);
  const sum = (g: string[], f: (x: Figures) => number) => figures(g).reduce((n, x) => n + f(x), 0);
  const speed = (g: string[], stage: 'confirm' | 'respond') => median(figures(g).flatMap((x) => (x.speed[stage].p50 === null ? [] : [x.speed[stage].p50])));
  return {
    unit: size === 7 ? 'week' : 'day',
    labels: groups.map((g) => dayLabel(g[0]!)),
    leads: groups.map((g) => sum(g, (x) => x.counters.leads)),
    missed: groups.map((g) => sum(g, (x) => x.counters.missed)),
    confirm: groups.map((g) => speed(g, 'confirm')),
    respond: groups.map((g) => speed(g, 'respond')),
  };
}

/** The two charts over time of the overview. */
export function Timeline({ report, from, to, dayLeads }: { report: MetricsReport; from: string; to: string; dayLeads?: LeadFacts[] }) {
  const b = from === to && dayLeads ? hourly(from, dayLeads, Date.now()) : daily(report, from, to);
  const per = b.unit === 'week' ? 'per week' : b.unit === 'hour' ? 'per hour (your time)' : 'per day';
  return (
    <>
      <LineChart
        title={`Speed to lead, median ${per}`}
        labels={b.labels}
        format={ms}
        note={b.unit === 'week' ? 'the median of the days’ medians' : undefined}
        series={[
          { name: 'first response', color: '#9333ea', values: b.respond },
          { name: 'confirmation sent', color: '#2563eb', values: b.confirm },
        ]}
      />
      <LineChart
        title={`Leads and SLA misses ${per}`}
        labels={b.labels}
        format={(v) => String(Math.round(v))}
        series={[
          { name: 'leads', color: '#0f766e', values: b.leads },
          { name: 'answered late or unclaimed', color: '#dc2626', values: b.missed },
        ]}
      />
    </>
  );
}
