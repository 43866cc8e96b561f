/**
 * The routing audit at a glance (seeds/004, seeds/000): speed to lead, SLA compliance,
 * first-pass accuracy, reassignment and escalation, duplicates, unclaimed leads, dead letters,
 * leads per route and source, each rep's share against target, acceptance and conversion.
 * Every number links to the leads behind it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PoolShares } from '../../shared/metrics/fairness.ts';
import type { Counter, Figures, KeyFigures, MetricsReport } from '../../shared/metrics/types.ts';
import { api } from './api.ts';
import { Bars, LineChart } from './charts.tsx';
import { ms, pct } from './format.ts';
import { liveConfig, namesOf, type Names } from './names.ts';
import { Refusals } from './refusals.tsx';

type Report = MetricsReport & { configVersion: number; pools: PoolShares[] };

const PERIODS = [7, 30, 90, 365];
const DAY_MS = 86_400_000;

/** The link to the leads a figure counts. */
export function leadsLink(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  return `#/leads?${query}`;
}

/** The overview page. */
export function Overview() {
  const [days, setDays] = useState(30);
  const [report, setReport] = useState<Report>();
  const [names, setNames] = useState<Names>(namesOf(undefined));
  const [error, setError] = useState<string>();
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - (days - 1) * DAY_MS).toISOString().slice(0, 10);

  useEffect(() => {
    setReport(undefined);
    Promise.all([api<Report>(`/metrics?from=${from}&to=${to}`), liveConfig()])
      .then(([r, config]) => {
        setReport(r);
        setNames(namesOf(config.config));
      })
      .catch((e: Error) => setError(e.message));
  }, [from, to]);

  if (error) return <p role="alert" class="error">{error}</p>;
  const period = { from, to };
  return (
    <section aria-labelledby="overview-title">
      <header class="page-head">
        <h1 id="overview-title">Routing audit</h1>
        <label>
          Period{' '}
          <select value={days} onChange={(e) => setDays(Number((e.target as HTMLSelectElement).value))}>
            {PERIODS.map((d) => (
              <option value={d}>Last {d} days</option>
            ))}
          </select>
        </label>
      </header>
      {!report ? <p class="muted">Loading…</p> : <ReportView report={report} names={names} period={period} />}
      <Refusals days={days} />
    </section>
  );
}

function ReportView({ report, names, period }: { report: Report; names: Names; period: { from: string; to: string } }) {
  const t = report.total;
  const c = t.counters;
  const link = (is: Counter | 'overdue', extra: Record<string, string> = {}) => leadsLink({ ...period, is, ...extra });
  // Every day of the period, with or without leads, so the x axis is time.
  const byDay = new Map(report.days.map((d) => [d.day, d.figures]));
  const days = daysBetween(period.from, period.to);
  const labels = days.map((d) => d.slice(5));
  const speed = (stage: 'confirm' | 'notify' | 'respond', q: 'p50' | 'p90') => days.map((d) => byDay.get(d)?.speed[stage][q] ?? null);
  const count = (f: (figures: Figures) => number) =>
    days.map((d) => {
      const figures = byDay.get(d);
      return figures ? f(figures) : 0;
    });
  return (
    <>
      <div class="tiles">
        <Tile label="Leads" value={String(c.leads)} href={link('leads')} note={`${c.junk} junk`} />
        <Tile label="Confirmation, median" value={ms(t.speed.confirm.p50)} href={link('confirmed')} note={`p90 ${ms(t.speed.confirm.p90)}`} />
        <Tile label="Rep notified, median" value={ms(t.speed.notify.p50)} href={link('notified')} note={`p90 ${ms(t.speed.notify.p90)}`} />
        <Tile label="First response, median" value={ms(t.speed.respond.p50)} href={link('responded')} note={`p90 ${ms(t.speed.respond.p90)}`} />
        <Tile label="SLA compliance" value={pct(t.slaCompliance)} href={link('late')} note={`${c.in_sla} in time, ${c.late} late`} />
        <Tile label="Unclaimed past SLA" value={String(t.overdue)} href={link('overdue')} warn={t.overdue > 0} />
        <Tile label="First-pass accuracy" value={pct(t.firstPassAccuracy)} href={link('misrouted')} note={`${c.misrouted} misrouted`} />
        <Tile label="Reassignment rate" value={pct(t.reassignmentRate)} href={link('reassigned')} />
        <Tile label="Escalation rate" value={pct(t.escalationRate)} href={link('escalated')} />
        <Tile label="Duplicates joined" value={String(c.duplicates)} href={link('duplicates')} />
        <Tile label="Dead letters" value={String(c.dead_letters)} href={link('dead_letters')} warn={c.dead_letters > 0} />
        <Tile label="Acceptance" value={pct(t.acceptanceRate)} href={link('accepted')} note={`${c.accepted} accepted`} />
        <Tile label="Conversion" value={pct(t.conversionRate)} href={link('won')} note={`${c.won} won, ${c.lost} lost`} />
      </div>

      <div class="grid">
        <LineChart
          title="Speed to lead, median per day"
          labels={labels}
          format={ms}
          series={[
            { name: 'confirmation', color: '#2563eb', values: speed('confirm', 'p50') },
            { name: 'rep notified', color: '#16a34a', values: speed('notify', 'p50') },
          ]}
        />
        <LineChart
          title="First response per day"
          labels={labels}
          format={ms}
          series={[
            { name: 'median', color: '#9333ea', values: speed('respond', 'p50') },
            { name: 'p90', color: '#f97316', values: speed('respond', 'p90') },
          ]}
        />
        <LineChart
          title="Leads and SLA misses per day"
          labels={labels}
          format={(v) => String(Math.round(v))}
          series={[
            { name: 'leads', color: '#0f766e', values: count((f) => f.counters.leads) },
            { name: 'late or unclaimed', color: '#dc2626', values: count((f) => f.counters.late + f.overdue) },
          ]}
        />
        <Bars title="Leads per route" rows={keyBars(report.by.route, (k) => k, (k) => leadsLink({ ...period, dim: 'route', key: k }))} />
        <Bars title="Leads per source" rows={keyBars(report.by.source, (k) => k, (k) => leadsLink({ ...period, dim: 'source', key: k }))} />
        <Bars title="Leads per form type" rows={keyBars(report.by.form, (k) => k, (k) => leadsLink({ ...period, dim: 'form', key: k }))} />
      </div>

      <h2>Reps and queues (first owner)</h2>
      <KeyTable rows={report.by.rep} label={(k) => names.owner(k)} period={period} dim="rep" />

      <h2>Fairness: share of each pool against target</h2>
      <div class="grid">
        {report.pools
          .filter((p) => p.leads > 0)
          .map((p) => (
            <Bars
              key={p.pool}
              title={`${p.name} (${p.strategy.replace('_', ' ')}, ${p.leads} leads)`}
              scale={1}
              rows={p.members.map((m) => ({
                label: m.name,
                value: m.actual ?? 0,
                target: m.target,
                text: `${pct(m.actual)} of target ${pct(m.target)}`,
                href: leadsLink({ ...period, dim: 'pool_rep', key: `${p.pool}/rep:${m.rep}` }),
              }))}
            />
          ))}
        {report.pools.every((p) => p.leads === 0) && <p class="muted">No pool leads in this period.</p>}
      </div>

      <h2>Routes</h2>
      <KeyTable rows={report.by.route} label={(k) => k} period={period} dim="route" />
      <p class="muted">Figures by day of arrival (UTC); config v{report.configVersion} is live.</p>
    </>
  );
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

function keyBars(rows: KeyFigures[], label: (key: string) => string, href: (key: string) => string) {
  return rows.map((r) => ({ label: label(r.key), value: r.figures.counters.leads, href: href(r.key) }));
}

function Tile({ label, value, href, note, warn }: { label: string; value: string; href: string; note?: string; warn?: boolean }) {
  return (
    <a class={`tile${warn ? ' warn' : ''}`} href={href}>
      <span class="tile-label">{label}</span>
      <strong>{value}</strong>
      {note && <span class="tile-note">{note}</span>}
    </a>
  );
}

const COLUMNS: [string, (f: Figures) => string, Counter | undefined][] = [
  ['Leads', (f) => String(f.counters.leads), 'leads'],
  ['SLA', (f) => pct(f.slaCompliance), 'late'],
  ['Responded', (f) => String(f.counters.responded), 'responded'],
  ['Reassigned', (f) => String(f.counters.reassigned), 'reassigned'],
  ['Escalated', (f) => String(f.counters.escalated), 'escalated'],
  ['Misrouted', (f) => String(f.counters.misrouted), 'misrouted'],
  ['Accepted', (f) => String(f.counters.accepted), 'accepted'],
  ['Won', (f) => String(f.counters.won), 'won'],
  ['Conversion', (f) => pct(f.conversionRate), 'won'],
];

function KeyTable({ rows, label, period, dim }: { rows: KeyFigures[]; label: (key: string) => string; period: { from: string; to: string }; dim: 'rep' | 'route' }) {
  if (rows.length === 0) return <p class="muted">No leads in this period.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{dim === 'rep' ? 'Owner' : 'Route'}</th>
          {COLUMNS.map(([name]) => (
            <th>{name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{label(r.key)}</td>
            {COLUMNS.map(([, value, is]) => (
              <td>
                <a href={leadsLink({ ...period, dim, key: r.key, is })}>{value(r.figures)}</a>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
