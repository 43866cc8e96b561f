/**
 * Finding leads: search by email, phone, company or id, or the list behind a dashboard figure
 * (a counter, cut by route, owner, form type or source, over a period).
 */
import { useEffect, useState } from 'preact/hooks';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import { api } from './api.ts';
import { dayLabel, when } from './format.ts';
import { liveConfig, namesOf, type Names } from './names.ts';
import type { LeadList } from './types.ts';

const FILTER_WORDS: Record<string, string> = {
  leads: 'all leads',
  overdue: 'unclaimed past their SLA',
  open: 'unanswered, still within their SLA',
  missed: 'answered late or unclaimed past their SLA',
  in_sla: 'answered within their SLA',
  late: 'answered after their SLA',
  dead_letters: 'with dead-lettered side effects',
  misrouted: 'reported misrouted',
  duplicates: 'joined by duplicates',
};

/** The lead list page; `params` is the hash's query. */
export function Leads({ params }: { params: URLSearchParams }) {
  const [leads, setLeads] = useState<LeadFacts[]>();
  const [total, setTotal] = useState<number>();
  const [names, setNames] = useState<Names>(namesOf(undefined));
  const [error, setError] = useState<string>();
  const q = params.get('q') ?? '';
  const key = params.toString();

  useEffect(() => {
    setLeads(undefined);
    setError(undefined);
    const path = q ? `/leads?q=${encodeURIComponent(q)}` : `/leads?${params}`;
    Promise.all([api<LeadList>(path), liveConfig()])
      .then(([list, config]) => {
        setLeads(list.leads);
        setTotal(list.total);
        setNames(namesOf(config.config));
      })
      .catch((e: Error) => setError(e.message));
  }, [key]);

  const is = params.get('is');
  const dim = params.get('dim');
  const describe = q
    ? `matching “${q}”`
    : [
        is ? (FILTER_WORDS[is] ?? is.replace('_', ' ')) : 'all leads',
        dim && dim !== 'all' ? dimWords(dim, params.get('key') ?? '', names) : '',
        params.get('from') ? `from ${dayLabel(params.get('from')!)} to ${params.get('to') ? dayLabel(params.get('to')!) : 'today'}` : '',
      ]
        .filter(Boolean)
        .join(' ');

  return (
    <section aria-labelledby="leads-title">
      <header class="page-head">
        <h1 id="leads-title">Leads</h1>
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            const value = (new FormData(e.currentTarget).get('q') as string).trim();
            location.hash = value ? `#/leads?q=${encodeURIComponent(value)}` : '#/leads';
          }}
        >
          <label>
            Search <input name="q" type="search" value={q} placeholder="email, phone, company or lead id" />
          </label>
          <button type="submit">Find</button>
        </form>
      </header>
      <p class="muted">
        {total !== undefined && !q ? `${total} ${total === 1 ? 'lead' : 'leads'}: ` : 'Showing '}
        {describe} (newest first{leads && total !== undefined && total > leads.length ? `, the first ${leads.length} shown` : ''}).
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!leads && !error && <p class="muted">Loading…</p>}
      {leads && leads.length === 0 && <p>No leads.</p>}
      {leads && leads.length > 0 && (
        <div class="scroll">
          <table class="leads stack">
            <thead>
              <tr>
                <th>Who</th>
                <th>Received</th>
                <th>Form · source</th>
                <th>Rule</th>
                <th>Owner</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {leads.map((l) => (
                <tr key={l.id}>
                  <td>
                    <a href={`#/lead/${l.id}`}>{l.name ?? l.email ?? l.phone ?? l.id}</a>
                    {l.company ? ` · ${l.company}` : ''}
                    <br />
                    <span class="muted small">{l.name ? (l.email ?? l.phone ?? '') : ''}</span>
                  </td>
                  <td data-label="Received">{when(l.receivedAt)}</td>
                  <td data-label="Form · source">
                    {names.form(l.formType)} · {l.source}
                  </td>
                  <td data-label="Rule">{names.route(l.route)}</td>
                  <td data-label="Owner">{names.owner(l.owner)}</td>
                  <td data-label="Status">{flags(l).join(', ') || 'ok'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** "for rule Enterprise", "for Dana Whitfield", "for Ana Silva in the SDRs pool". */
function dimWords(dim: string, key: string, names: Names): string {
  if (dim === 'route') return `of rule ${names.route(key)}`;
  if (dim === 'form') return `from the ${names.form(key)} form`;
  if (dim === 'source') return `from ${key}`;
  if (dim === 'pool_rep') {
    const [pool = '', owner = ''] = key.split('/');
    return `of ${names.owner(owner)} in ${names.target(`pool:${pool}`)}`;
  }
  return `of ${names.owner(key)}`;
}

function flags(l: LeadFacts): string[] {
  const out: string[] = [];
  if (l.status === 'junk') out.push('junk');
  if (l.respondedAt !== undefined) out.push(l.respondedAt <= l.dueAt ? 'answered in time' : 'answered late');
  else if (l.status !== 'junk' && l.dueAt < Date.now()) out.push('unclaimed past SLA');
  if (l.reassignments > 0) out.push(`reassigned ×${l.reassignments}`);
  if (l.misroutedTo) out.push('misrouted');
  if (l.deadLetters > 0) out.push(`${l.deadLetters} dead letter(s)`);
  if (l.duplicates > 0) out.push(`${l.duplicates} duplicate(s)`);
  if (l.stage) out.push(l.stage);
  return out;
}
