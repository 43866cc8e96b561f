/**
 * The routing audit at a glance (seeds/004, seeds/000). First the three figures that matter
 * — speed to lead, leads unclaimed past their SLA now, SLA compliance —, then the others in a
 * smaller row, the charts over time, leads per rule, source and form, each owner's and each
 * rule's figures, and fairness per pool. Names everywhere, never ids; every number links to
 * the leads behind it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PoolShares } from '../../shared/metrics/fairness.ts';
import type { Count, Figures, KeyFigures, LeadFacts, MetricsReport } from '../../shared/metrics/types.ts';
import { api } from './api.ts';
import { Bars } from './charts.tsx';
import { Fairness } from './fairness.tsx';
import { ms, pct } from './format.ts';
import { liveConfig, namesOf, type LiveConfig, type Names } from './names.ts';
import { Refusals } from './refusals.tsx';
import { Review } from './review.tsx';
import { Timeline } from './timeline.tsx';
import { SetupProblems } from './setup-problems.tsx';

type Report = MetricsReport & { configVersion: number; pools: PoolShares[] };
type Period = { from: string; to: string };

const PERIODS: [days: number, label: string][] = [
  [1, 'Today (UTC)'],
  [7, 'Last 7 days'],
  [30, 'Last 30 days'],
  [90, 'Last 90 days'],
  [365, 'Last 365 days'],
];
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
  const [live, setLive] = useState<LiveConfig>();
  const [dayLeads, setDayLeads] = useState<LeadFacts[]>();
  const [error, setError] = useState<string>();
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - (days - 1) * DAY_MS).toISOString().slice(0, 10);

  useEffect(() => {
    setReport(undefined);
    Promise.all([
      api<Report>(`/metrics?from=${from}&to=${to}`),
      liveConfig(),
      days === 1 ? api<{ leads: LeadFacts[] }>(`/leads?from=${from}&to=${to}&limit=1000`) : undefined,
    ])
      .then(([r, config, list]) => {
        setReport(r);
        setLive(config);
        setDayLeads(list?.leads);
      })
      .catch((e: Error) => setError(e.message));
  }, [from, to]);

  if (error)
    return (
      <p role="alert" class="error">
        {error}
      </p>
    );
  return (
    <section aria-labelledby="overview-title">
      <header class="page-head">
        <h1 id="overview-title">Routing audit</h1>
        <label>
          Period{' '}
          <select value={days} onChange={(e) => setDays(Number((e.target as HTMLSelectElement).value))}>
            {PERIODS.map(([d, label]) => (
              <option key={d} value={d}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <SetupProblems />
      {!report ? <p class="muted">Loading…</p> : <ReportView report={report} live={live} period={{ from, to }} dayLeads={dayLeads} />}
      <Refusals days={days} />
    </section>
  );
}

function ReportView({ report, live, period, dayLeads }: { report: Report; live: LiveConfig | undefined; period: Period; dayLeads: LeadFacts[] | undefined }) {
  const names = namesOf(live?.config);
  const t = report.total;
  const c = t.counters;
  // Links carry the report's instant, so a live count's list is the one counted.
  const link = (is: Count, extra: Record<string, string> = {}) => leadsLink({ ...period, asOf: String(report.asOf), is, ...extra });
  return (
    <>
      <div class="tiles hero" role="group" aria-label="The three figures that matter">
        <Tile
          label="Speed to lead"
          value={ms(t.speed.respond.p50)}
          href={link('responded')}
          note={`median time to first response · p90 ${ms(t.speed.respond.p90)}`}
        />
        <Tile
          label="Unclaimed past SLA now"
          value={String(c.overdue)}
          href={link('overdue')}
          warn={c.overdue > 0}
          note={c.overdue > 0 ? 'nobody has answered them in time: open the list' : 'every due lead was answered'}
        />
        <Tile
          label="SLA compliance"
          value={pct(t.slaCompliance)}
          href={link('missed')}
          note={`${c.in_sla} answered in time, ${c.late} late, ${c.overdue} unclaimed; ${c.open} still within their SLA`}
          warn={t.slaCompliance !== null && t.slaCompliance < 0.9}
        />
      </div>
      <div class="tiles minor" role="group" aria-label="Other figures">
        <Tile label="Leads" value={String(c.leads)} href={link('leads')} note={`${c.junk} junk`} />
        <Tile label="Confirmation sent" value={ms(t.speed.confirm.p50)} href={link('confirmed')} note={`median · p90 ${ms(t.speed.confirm.p90)}`} />
        <Tile label="Rep notified" value={ms(t.speed.notify.p50)} href={link('notified')} note={`median · p90 ${ms(t.speed.notify.p90)}`} />
        <Tile label="First-pass accuracy" value={pct(t.firstPassAccuracy)} href={link('misrouted')} note={`${c.misrouted} misrouted`} />
        <Tile label="Reassigned" value={pct(t.reassignmentRate)} href={link('reassigned')} />
        <Tile label="Escalated" value={pct(t.escalationRate)} href={link('escalated')} />
        <Tile label="Duplicates joined" value={String(c.duplicates)} href={link('duplicates')} />
        <Tile label="Dead letters" value={String(c.dead_letters)} href={link('dead_letters')} warn={c.dead_letters > 0} />
        <Tile label="Accepted" value={pct(t.acceptanceRate)} href={link('accepted')} note={`${c.accepted} leads`} />
        <Tile label="Won" value={pct(t.conversionRate)} href={link('won')} note={`${c.won} won, ${c.lost} lost`} />
      </div>

      <Review live={live} />

      <div class="grid">
        <Timeline report={report} from={period.from} to={period.to} dayLeads={dayLeads} />
      </div>
      <div class="grid">
        <Bars title="Leads per rule" rows={keyBars(report.by.route, names.route, (k) => leadsLink({ ...period, dim: 'route', key: k }))} />
        <Bars
          title="Leads per source"
          rows={keyBars(
            report.by.source,
            (k) => k,
            (k) => leadsLink({ ...period, dim: 'source', key: k }),
          )}
        />
        <Bars title="Leads per form" rows={keyBars(report.by.form, names.form, (k) => leadsLink({ ...period, dim: 'form', key: k }))} />
      </div>

      <h2>People and queues (first owner)</h2>
      <KeyTable rows={report.by.rep} label={names.owner} period={{ ...period, asOf: String(report.asOf) }} dim="rep" />

      <Fairness pools={report.pools} config={live?.config} period={period} />

      <h2>Rules</h2>
      <KeyTable rows={report.by.route} label={names.route} period={{ ...period, asOf: String(report.asOf) }} dim="route" />
      <p class="muted small">Figures by day of arrival (UTC days); times in your time zone. Config v{report.configVersion} is live.</p>
    </>
  );
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

const COLUMNS: [string, (f: Figures) => string, Count | undefined][] = [
  ['Leads', (f) => String(f.counters.leads), 'leads'],
  ['SLA', (f) => pct(f.slaCompliance), 'missed'],
  ['Answered', (f) => String(f.counters.responded), 'responded'],
  ['Reassigned', (f) => String(f.counters.reassigned), 'reassigned'],
  ['Escalated', (f) => String(f.counters.escalated), 'escalated'],
  ['Misrouted', (f) => String(f.counters.misrouted), 'misrouted'],
  ['Accepted', (f) => String(f.counters.accepted), 'accepted'],
  ['Won', (f) => String(f.counters.won), 'won'],
  ['Conversion', (f) => pct(f.conversionRate), 'won'],
];

function KeyTable({ rows, label, period, dim }: { rows: KeyFigures[]; label: Names['owner']; period: Period & { asOf: string }; dim: 'rep' | 'route' }) {
  if (rows.length === 0) return <p class="muted">No leads in this period.</p>;
  return (
    <div class="scroll">
      <table>
        <thead>
          <tr>
            <th>{dim === 'rep' ? 'Owner' : 'Rule'}</th>
            {COLUMNS.map(([name]) => (
              <th key={name}>{name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{label(r.key)}</th>
              {COLUMNS.map(([name, value, is]) => (
                <td key={name}>
                  <a href={leadsLink({ ...period, dim, key: r.key, is })}>{value(r.figures)}</a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
