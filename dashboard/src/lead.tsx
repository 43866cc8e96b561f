/**
 * One lead's audit: who they are, where the lead went and why (every rule and candidate of
 * the decision with its reason, and the config version that decided), its timeline and its
 * side effects; and the two reports RevOps makes on it: misrouted, and its later stage.
 */
import { useEffect, useState } from 'preact/hooks';
import { LEAD_FIELDS, type LeadFieldName } from '../../shared/lead/fields.ts';
import { STAGES } from '../../shared/metrics/types.ts';
import type { TraceLine } from '../../shared/routing/types.ts';
import { api, ApiError } from './api.ts';
import { author } from './config/draft.ts';
import { when } from './format.ts';
import { liveConfig, namesOf, type Names } from './names.ts';
import type { LeadView } from './types.ts';

/** The lead page. */
export function Lead({ id }: { id: string }) {
  const [view, setView] = useState<LeadView>();
  const [names, setNames] = useState<Names>(namesOf(undefined));
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const load = () =>
    Promise.all([api<LeadView>(`/leads/${encodeURIComponent(id)}`), liveConfig()])
      .then(([v, config]) => {
        setView(v);
        setNames(namesOf(config.config));
      })
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, [id]);

  if (error)
    return (
      <p role="alert" class="error">
        {error}
      </p>
    );
  if (!view) return <p class="muted">Loading…</p>;
  const { record, timeline, outbox } = view;
  const lead = record.lead;

  const report = async (path: string, body: unknown, done: string) => {
    try {
      await api(`/leads/${encodeURIComponent(id)}/${path}`, { method: 'POST', body });
      setNotice(done);
      await load();
    } catch (e) {
      setNotice(e instanceof ApiError ? (e.body.issues?.[0]?.message ?? e.message) : String(e));
    }
  };

  return (
    <section aria-labelledby="lead-title">
      <header class="page-head">
        <h1 id="lead-title">{lead.fullName ?? lead.email ?? lead.phone ?? record.id}</h1>
        <span class="muted">{record.id}</span>
      </header>
      <dl class="facts">
        <dt>Company</dt>
        <dd>{lead.company ?? '–'}</dd>
        <dt>Contact</dt>
        <dd>{[lead.email, lead.phone].filter(Boolean).join(' · ') || '–'}</dd>
        <dt>Form · source</dt>
        <dd>
          {names.form(lead.formType)} · {lead.source}
          {lead.pagePath ? ` (${lead.pagePath})` : ''}
        </dd>
        <dt>Location</dt>
        <dd>{[lead.city, lead.region, lead.country, lead.postalCode].filter(Boolean).join(', ') || '–'}</dd>
        <dt>Qualification</dt>
        <dd>
          {lead.status}, urgency {lead.urgency}, intent {lead.intent}
        </dd>
        {record.qualification.junk.length > 0 && (
          <>
            <dt>{record.rescued ? 'Was junk for' : 'Junk because'}</dt>
            <dd class={record.rescued ? '' : 'warn'}>
              <ul class="reasons">
                {record.qualification.junk.map((finding) => (
                  <li>{finding.detail}</li>
                ))}
              </ul>
              {record.rescued ? (
                <span class="muted">
                  marked real by {record.rescued.by}, {when(record.rescued.at)}
                </span>
              ) : (
                <button type="button" onClick={() => void report('rescue', { by: 'dashboard' }, 'Marked real: routed, confirmed and notified.')}>
                  Not junk: route it now
                </button>
              )}
            </dd>
          </>
        )}
        <dt>Received</dt>
        <dd>{when(record.receivedAt)}</dd>
        <dt>Routed</dt>
        <dd>
          to <strong>{record.decision.owner.name}</strong> by rule <strong>{names.route(record.decision.route)}</strong> (
          {record.decision.strategy.replace('_', ' ')}
          {record.decision.pool ? ` in ${names.target(`pool:${record.decision.pool}`)}` : ''}) with config <strong>v{record.configVersion}</strong>
        </dd>
        <dt>Owner now</dt>
        <dd>
          {record.owner.name}
          {record.acknowledged ? ` · acknowledged ${when(record.acknowledged.at)}` : record.dueAt !== undefined ? ` · due ${when(record.dueAt)}` : ''}
        </dd>
        {record.misrouted && (
          <>
            <dt>Misrouted</dt>
            <dd class="warn">
              should have gone to {names.owner(record.misrouted.to)} (reported by {record.misrouted.by}
              {record.misrouted.note ? `: ${record.misrouted.note}` : ''})
            </dd>
          </>
        )}
        {record.stage && (
          <>
            <dt>Stage</dt>
            <dd>
              {record.stage.stage} (from {record.stage.by}, {when(record.stage.at)})
            </dd>
          </>
        )}
        {lead.message && (
          <>
            <dt>Message</dt>
            <dd>{lead.message}</dd>
          </>
        )}
      </dl>

      <h2>Why it went there</h2>
      <Trace lines={record.trace} names={names} />

      <h2>Timeline</h2>
      <ol class="timeline">
        {timeline.map((e) => (
          <li>
            <time>{when(e.at)}</time> <strong>{e.type.replace(/_/g, ' ')}</strong> {e.detail}
          </li>
        ))}
      </ol>

      <h2>Side effects</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th>What</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>Last error</th>
            </tr>
          </thead>
          <tbody>
            {outbox.map((e) => (
              <tr key={e.id} class={e.status === 'dead' ? 'warn' : ''}>
                <td>
                  {e.intent.kind.replace('_', ' ')} {e.intent.channel ?? ''} {e.intent.to ? `to ${e.intent.to}` : ''}
                </td>
                <td>{e.status}</td>
                <td>{e.attempts}</td>
                <td>{e.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Reports</h2>
      {notice && <p role="status">{notice}</p>}
      <div class="grid">
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            void report('misroute', { to: data.get('to'), note: data.get('note'), by: author() || 'admin' }, 'Marked as misrouted.');
          }}
        >
          <h3>Misrouted?</h3>
          <label>
            Should have gone to{' '}
            <select name="to">
              {names.owners.map(([key, name]) => (
                <option value={key}>{name}</option>
              ))}
            </select>
          </label>
          <label>
            Why <input name="note" maxLength={500} />
          </label>
          <button type="submit">Report misroute</button>
        </form>
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            void report('outcome', { stage: new FormData(e.currentTarget).get('stage'), by: 'dashboard' }, 'Stage recorded.');
          }}
        >
          <h3>Outcome</h3>
          <label>
            Stage{' '}
            <select name="stage">
              {STAGES.map((s) => (
                <option value={s}>{s}</option>
              ))}
            </select>
          </label>
          <button type="submit">Record stage</button>
        </form>
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            void report(
              'reroute',
              { fields: { [String(data.get('field'))]: String(data.get('value') ?? '') }, by: author() || 'dashboard' },
              'Corrected and routed again by the rules.',
            );
          }}
        >
          <h3>Wrong data?</h3>
          <label>
            Field{' '}
            <select name="field">
              {CORRECTABLE.map((name) => (
                <option value={name}>{LEAD_FIELDS[name].label}</option>
              ))}
            </select>
          </label>
          <label>
            Correct value <input name="value" required maxLength={200} />
          </label>
          <button type="submit">Correct and route again</button>
        </form>
      </div>
    </section>
  );
}

/** The fields whose wrong value most often sends a lead the wrong way. */
const CORRECTABLE: LeadFieldName[] = ['employees', 'country', 'region', 'postalCode', 'company', 'website', 'product', 'email', 'phone'];

/** The decision trace: each rule and candidate, taken or passed over, with why. */
export function Trace({ lines, names }: { lines: TraceLine[]; names: Names }) {
  return (
    <ol class="trace">
      {lines.map((line) => {
        switch (line.step) {
          case 'route':
            return (
              <li class={line.matched ? 'taken' : 'passed'}>
                <span class="mark">{line.matched ? '✓' : '·'}</span> rule <strong>{names.route(line.route)}</strong>{' '}
                <span class="muted small">({line.route})</span>: {line.reason}
              </li>
            );
          case 'candidate':
            return (
              <li class={`candidate ${line.taken ? 'taken' : 'passed'}`}>
                <span class="mark">{line.taken ? '✓' : '✗'}</span> {names.owner(`rep:${line.rep}`)}: {line.detail}
              </li>
            );
          case 'note':
          case 'account':
          case 'score':
          case 'confidence':
            return (
              <li class={line.step === 'confidence' ? 'note warn' : 'note'}>
                <span class="mark">ℹ</span> {line.reason}
              </li>
            );
          case 'enriched':
            // Values the person never typed: marked, with the fields enrichment filled.
            return (
              <li class="note enriched">
                <span class="mark">＋</span> {line.reason}
                {line.fields.length > 0 && (
                  <>
                    {' '}
                    <span class="muted small">
                      (enriched: <span class="fields">{line.fields.join(', ')}</span>)
                    </span>
                  </>
                )}
              </li>
            );
          case 'junk':
          case 'fallback':
            return (
              <li class="taken">
                <span class="mark">✓</span> {line.step} → {names.owner(`queue:${line.queue}`)}: {line.reason}
              </li>
            );
        }
      })}
    </ol>
  );
}
