/**
 * The weekly spot-check (seeds/004): ten of last week's routed leads, stratified across rules,
 * the same for everyone all week. For each, "looks right" or "misrouted" with the owner it
 * should have had: a misroute is reported to the lead (it feeds first-pass accuracy and the
 * Misroutes list); "looks right" is recorded on the lead too, so the whole team sees what is done.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import { previousWeek, stratifiedSample } from '../../shared/review/sample.ts';
import { rangeWords } from '../../shared/config/words.ts';
import { api, ApiError } from './api.ts';
import { author } from './config/draft.ts';
import { when } from './format.ts';
import { liveConfig, namesOf, type Names } from './names.ts';
import type { LeadList, LeadView } from './types.ts';

const SAMPLE = 10;

/** This week's sample: which week, its leads. */
export async function weeklySample(now = Date.now()): Promise<{ week: ReturnType<typeof previousWeek>; leads: LeadFacts[] }> {
  const week = previousWeek(now);
  const { leads } = await api<LeadList>(`/leads?from=${week.from}&to=${week.to}&is=routed&limit=1000`);
  return { week, leads: stratifiedSample(leads, SAMPLE, week.week) };
}

/** Which of these leads someone confirmed as right (read from the leads: a few at most). */
export async function confirmed(leads: readonly LeadFacts[]): Promise<Record<string, number>> {
  const views = await Promise.all(leads.map((l) => api<LeadView>(`/leads/${encodeURIComponent(l.id)}`).catch(() => undefined)));
  const done: Record<string, number> = {};
  for (const view of views) if (view?.record.spotChecked) done[view.record.id] = view.record.spotChecked.at;
  return done;
}

/** The spot-check page. */
export function SpotCheck() {
  const [sample, setSample] = useState<Awaited<ReturnType<typeof weeklySample>>>();
  const [names, setNames] = useState<Names>(namesOf(undefined));
  const [ok, setOk] = useState<Record<string, number>>({});
  // Reported here: the metrics store hears of a misroute a moment later.
  const [reported, setReported] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const load = () =>
    Promise.all([weeklySample(), liveConfig()])
      .then(async ([s, live]) => {
        setOk(await confirmed(s.leads));
        setSample(s);
        setNames(namesOf(live.config));
      })
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);
  if (error)
    return (
      <p role="alert" class="error">
        {error}
      </p>
    );
  if (!sample) return <p class="muted">Loading…</p>;
  const { week, leads } = sample;
  const misroutedTo = (l: LeadFacts) => reported[l.id] ?? l.misroutedTo;
  const misrouted = leads.filter(misroutedTo).length;
  const checked = leads.filter((l) => misroutedTo(l) || ok[l.id]).length;
  const confirm = (id: string) => {
    api(`/leads/${encodeURIComponent(id)}/spot-check`, { method: 'POST', body: { by: author() || 'weekly spot-check' } })
      .then(() => setOk({ ...ok, [id]: Date.now() }))
      .catch((e: Error) => setError(e.message));
  };
  return (
    <section aria-labelledby="spot-title">
      <header class="page-head">
        <h1 id="spot-title">Weekly spot-check</h1>
        <span class="muted">
          {checked} of {leads.length} checked · {misrouted} misrouted
        </span>
      </header>
      <p class="muted">
        {leads.length} routed leads of last week ({rangeWords(week.from, week.to)}), across rules. Does each owner fit? A misroute you report feeds first-pass
        accuracy and the <a href="#/misroutes">Misroutes</a> list.
      </p>
      {leads.length === 0 && <p>No routed lead last week.</p>}
      <ol class="spot-list">
        {leads.map((l) => (
          <li key={l.id} class="card" data-lead={l.id}>
            <div>
              <a href={`#/lead/${l.id}`}>{l.name ?? l.email ?? l.id}</a>
              {l.company ? ` · ${l.company}` : ''} <span class="muted small">{when(l.receivedAt)}</span>
            </div>
            <div>
              {names.form(l.formType)} → rule <strong>{names.route(l.route)}</strong> → <strong>{names.owner(l.firstOwner)}</strong>
            </div>
            {misroutedTo(l) ? (
              <p class="warn">Misrouted: should have gone to {names.owner(misroutedTo(l)!)}.</p>
            ) : ok[l.id] ? (
              <p class="ok">✓ Looks right</p>
            ) : (
              <Verdict lead={l} names={names} onOk={() => confirm(l.id)} onMisrouted={(to) => setReported({ ...reported, [l.id]: to })} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Verdict({ lead, names, onOk, onMisrouted }: { lead: LeadFacts; names: Names; onOk: () => void; onMisrouted: (to: string) => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const who = lead.name ?? lead.email ?? lead.id;
  return (
    <div class="row">
      <button type="button" onClick={onOk} aria-label={`${who}: looks right`}>
        Looks right
      </button>
      {!open && (
        <button type="button" onClick={() => setOpen(true)} aria-label={`${who}: misrouted`}>
          Misrouted…
        </button>
      )}
      {open && (
        <form
          class="fields"
          aria-label={`Misroute of ${who}`}
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const to = String(data.get('to'));
            api(`/leads/${encodeURIComponent(lead.id)}/misroute`, { method: 'POST', body: { to, note: data.get('note'), by: author() || 'weekly spot-check' } })
              .then(() => onMisrouted(to))
              .catch((err: Error) => setError(err instanceof ApiError ? (err.body.issues?.[0]?.message ?? err.message) : err.message));
          }}
        >
          <label>
            Should have gone to{' '}
            <select name="to">
              {names.owners
                .filter(([k]) => k !== lead.firstOwner)
                .map(([k, name]) => (
                  <option key={k} value={k}>
                    {name}
                  </option>
                ))}
            </select>
          </label>
          <label>
            Why <input name="note" maxLength={500} />
          </label>
          <button type="submit">Report misroute</button>
          {error && <p class="error">{error}</p>}
        </form>
      )}
    </div>
  );
}
