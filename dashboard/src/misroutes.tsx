/**
 * The misroute review list: each lead reported misrouted, where the rules sent it, where it
 * should have gone, who said so, when and why — the list a RevOps manager reads to fix a rule.
 * The reporter and note live on the lead's record, read lead by lead (the newest 50).
 */
import { useEffect, useState } from 'preact/hooks';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import { api } from './api.ts';
import { when } from './format.ts';
import { liveConfig, namesOf, type Names } from './names.ts';
import type { LeadList, LeadView } from './types.ts';

const SHOWN = 50;

interface Row {
  facts: LeadFacts;
  report?: NonNullable<LeadView['record']['misrouted']>;
}

/** Runs `task` over `items`, `width` at a time. */
async function pooled<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i]!);
      }
    }),
  );
  return out;
}

/** The Misroutes page. */
export function Misroutes() {
  const [rows, setRows] = useState<Row[]>();
  const [names, setNames] = useState<Names>(namesOf(undefined));
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string>();
  useEffect(() => {
    Promise.all([api<LeadList>('/leads?is=misrouted&limit=200'), liveConfig()])
      .then(async ([list, live]) => {
        setNames(namesOf(live.config));
        setTotal(list.leads.length);
        const shown = list.leads.slice(0, SHOWN);
        setRows(shown.map((facts) => ({ facts })));
        const views = await pooled(shown, 6, (l) => api<LeadView>(`/leads/${encodeURIComponent(l.id)}`).catch(() => undefined));
        setRows(shown.map((facts, i) => ({ facts, ...(views[i]?.record.misrouted ? { report: views[i].record.misrouted } : {}) })));
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <section aria-labelledby="misroutes-title">
      <header class="page-head">
        <h1 id="misroutes-title">Misroutes</h1>
      </header>
      <p class="muted">
        Leads a rep or an admin said should have gone to someone else, newest first{total > SHOWN ? ` (the newest ${SHOWN} of ${total})` : ''}. A pattern here
        is a rule to change: <a href="#/config/rules">edit the rules</a>.
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!rows && !error && <p class="muted">Loading…</p>}
      {rows && rows.length === 0 && <p>No lead has been reported misrouted.</p>}
      {rows && rows.length > 0 && (
        <div class="scroll">
          <table class="misroutes stack">
            <thead>
              <tr>
                <th>Lead</th>
                <th>Routed by rule</th>
                <th>Went to</th>
                <th>Should have gone to</th>
                <th>Reported by</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ facts: l, report }) => (
                <tr key={l.id}>
                  <td>
                    <a href={`#/lead/${l.id}`}>{l.name ?? l.email ?? l.id}</a>
                    {l.company ? ` · ${l.company}` : ''}
                    <br />
                    <span class="muted small">{when(l.receivedAt)}</span>
                  </td>
                  <td data-label="Routed by rule">{names.route(l.route)}</td>
                  <td data-label="Went to">{names.owner(l.firstOwner)}</td>
                  <td data-label="Should have gone to">
                    <strong>{names.owner(report?.to ?? l.misroutedTo ?? '')}</strong>
                  </td>
                  <td data-label="Reported by">
                    {report ? report.by : '…'}
                    {report && (
                      <>
                        <br />
                        <span class="muted small">{when(report.at)}</span>
                      </>
                    )}
                  </td>
                  <td data-label="Note">{report?.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
