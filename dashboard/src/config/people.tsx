/**
 * People: add a rep (and the pools they join), and for each rep their details, working hours,
 * out-of-office with a backup, pools, and the way out (inactive, or removed). Every form turns
 * into an edit of the draft JSON (shared/config/edits.ts).
 */
import { useState } from 'preact/hooks';
import { ConfigWords } from '../../../shared/config/config-words.ts';
import { addAbsence, addRep, addToPool, newRepId, removeAbsence, removeFromPool, removeRep, updateRep } from '../../../shared/config/edits.ts';
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';
import { hoursWords, rangeWords } from '../../../shared/config/words.ts';
import type { Editor } from './editor.tsx';
import { HoursForm } from './hours.tsx';

type Rep = RoutingConfigInput['reps'][string];

const ZONES: string[] = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];

/** The People tab. */
export function People({ editor }: { editor: Editor }) {
  const c = editor.draft!;
  const reps = Object.entries(c.reps);
  return (
    <>
      <datalist id="time-zones">
        {ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <AddPerson editor={editor} />
      <h2>People ({reps.length})</h2>
      <p class="muted">Open a person to change their hours, out-of-office, pools or capacity.</p>
      <div class="people">
        {reps.map(([id, rep]) => (
          <Person key={id} id={id} rep={rep} editor={editor} />
        ))}
      </div>
    </>
  );
}

function poolsOf(c: RoutingConfigInput, id: string): string[] {
  return Object.entries(c.pools ?? {})
    .filter(([, p]) => p.members.some((m) => (typeof m === 'string' ? m : m.rep) === id))
    .map(([poolId]) => poolId);
}

function AddPerson({ editor }: { editor: Editor }) {
  const c = editor.draft!;
  return (
    <form
      class="card add-person"
      aria-labelledby="add-person-title"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const name = String(data.get('name') ?? '').trim();
        const rep: Rep = { name };
        const email = String(data.get('email') ?? '').trim();
        const zone = String(data.get('timeZone') ?? '').trim();
        if (email) rep.email = email;
        if (zone) rep.timeZone = zone;
        const pools = data.getAll('pools').map(String);
        if (
          editor.update(
            (draft) => addRep(draft, newRepId(draft, name), rep, pools),
            `${name} added${pools.length ? ` to ${pools.map((p) => c.pools?.[p]?.name ?? p).join(', ')}` : ''}. Publish to make it live.`,
          )
        )
          form.reset();
      }}
    >
      <h2 id="add-person-title">Add a person</h2>
      <div class="fields">
        <label>
          Name <input name="name" required maxLength={80} autocomplete="off" />
        </label>
        <label>
          Email <input name="email" type="email" autocomplete="off" />
        </label>
        <label>
          Time zone <input name="timeZone" list="time-zones" placeholder={c.defaults?.timeZone ?? 'team default'} />
        </label>
      </div>
      <fieldset>
        <legend>Pools they join</legend>
        {Object.entries(c.pools ?? {}).map(([id, p]) => (
          <label key={id} class="check">
            <input type="checkbox" name="pools" value={id} /> {p.name ?? id}
          </label>
        ))}
      </fieldset>
      <button type="submit" class="primary">
        Add person
      </button>
    </form>
  );
}

function Person({ id, rep, editor }: { id: string; rep: Rep; editor: Editor }) {
  const c = editor.draft!;
  const words = editor.config ? new ConfigWords(editor.config, { now: Date.now() }) : undefined;
  const pools = poolsOf(c, id);
  const summary = [
    rep.active === false ? 'inactive' : words ? words.hours(editor.config!.reps[id]!) : hoursWords(rep.hours ?? c.defaults?.hours),
    pools.map((p) => c.pools?.[p]?.name ?? p).join(', ') || 'in no pool',
    rep.outOfOffice?.length ? `${rep.outOfOffice.length} out-of-office` : '',
  ].filter(Boolean);
  const set = (changes: Partial<Rep>, done: string) => editor.update((d) => updateRep(d, id, changes), done);
  return (
    <details class="card person" data-rep={id}>
      <summary>
        <strong>{rep.name}</strong> <span class="muted">{summary.join(' · ')}</span>
      </summary>
      <form
        class="fields"
        aria-label={`${rep.name}'s details`}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const text = (k: string) => String(data.get(k) ?? '').trim();
          const number = (k: string) => (text(k) === '' ? undefined : Number(text(k)));
          set(
            {
              name: text('name'),
              email: text('email') || undefined,
              timeZone: text('timeZone') || undefined,
              capacity: number('capacity'),
              weight: number('weight'),
              manager: text('manager') || undefined,
              active: data.get('active') ? undefined : false,
            },
            `${text('name')}: details saved.`,
          );
        }}
      >
        <label>
          Name <input name="name" required defaultValue={rep.name} />
        </label>
        <label>
          Email <input name="email" type="email" defaultValue={rep.email ?? ''} />
        </label>
        <label>
          Time zone <input name="timeZone" list="time-zones" defaultValue={rep.timeZone ?? ''} placeholder={c.defaults?.timeZone ?? 'UTC'} />
        </label>
        <label>
          Most open leads <input name="capacity" type="number" min={0} step={1} defaultValue={rep.capacity ?? ''} placeholder="no limit" />
        </label>
        <label>
          Weight <input name="weight" type="number" min={0.1} max={100} step="any" defaultValue={rep.weight ?? ''} placeholder="1" />
        </label>
        <label>
          Manager{' '}
          <select name="manager">
            <option value="">none</option>
            {Object.entries(c.reps)
              .filter(([other]) => other !== id)
              .map(([other, r]) => (
                <option key={other} value={other} selected={other === rep.manager}>
                  {r.name}
                </option>
              ))}
          </select>
        </label>
        <label class="check">
          <input name="active" type="checkbox" defaultChecked={rep.active !== false} /> Gets leads (active)
        </label>
        <button type="submit">Save details</button>
      </form>
      <HoursForm
        title={`${rep.name}'s working hours`}
        hours={rep.hours}
        team={c.defaults?.hours}
        onSave={(hours) => set({ hours }, hours ? `${rep.name}: hours saved.` : `${rep.name} now follows the team hours.`)}
      />
      <Absences id={id} rep={rep} editor={editor} />
      <fieldset>
        <legend>{rep.name}'s pools</legend>
        {Object.entries(c.pools ?? {}).map(([poolId, p]) => (
          <label key={poolId} class="check">
            <input
              type="checkbox"
              checked={pools.includes(poolId)}
              onChange={(e) => {
                const join = (e.target as HTMLInputElement).checked;
                if (
                  !editor.update(
                    (d) => (join ? addToPool(d, poolId, id) : removeFromPool(d, poolId, id)),
                    `${rep.name} ${join ? 'added to' : 'removed from'} ${p.name ?? poolId}.`,
                  )
                )
                  (e.target as HTMLInputElement).checked = !join;
              }}
            />{' '}
            {p.name ?? poolId}
          </label>
        ))}
      </fieldset>
      <div class="row">
        <button type="button" onClick={() => editor.update((d) => removeRep(d, id), `${rep.name} removed.`)}>
          Remove {rep.name}
        </button>
        <span class="muted small">Leaving with leads still open? Untick “Gets leads” instead: they keep their history.</span>
      </div>
    </details>
  );
}

function Absences({ id, rep, editor }: { id: string; rep: Rep; editor: Editor }) {
  const c = editor.draft!;
  const [from, setFrom] = useState('');
  return (
    <form
      class="absences"
      aria-label={`${rep.name}'s out of office`}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const text = (k: string) => String(data.get(k) ?? '').trim();
        const backup = text('backup');
        const ok = editor.update(
          (d) => addAbsence(d, id, { from: text('from'), to: text('to'), ...(backup ? { backup } : {}), ...(text('note') ? { note: text('note') } : {}) }),
          `${rep.name} out of office ${rangeWords(text('from'), text('to'))}${backup ? `, ${c.reps[backup]?.name ?? backup} covers` : ''}.`,
        );
        if (ok) {
          form.reset();
          setFrom('');
        }
      }}
    >
      <h3>Out of office</h3>
      {(rep.outOfOffice ?? []).length === 0 && <p class="muted small">None planned.</p>}
      <ul>
        {(rep.outOfOffice ?? []).map((o, i) => (
          <li key={`${o.from}-${i}`}>
            {rangeWords(o.from, o.to)}
            {o.note ? ` (${o.note})` : ''}: {o.backup ? `${c.reps[o.backup]?.name ?? o.backup} covers` : 'no backup'}{' '}
            <button type="button" class="link" onClick={() => editor.update((d) => removeAbsence(d, id, i), 'Out-of-office removed.')}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div class="fields">
        <label>
          From <input name="from" type="date" required value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          To (included) <input name="to" type="date" required min={from || undefined} />
        </label>
        <label>
          Backup{' '}
          <select name="backup">
            <option value="">nobody</option>
            {Object.entries(c.reps)
              .filter(([other, r]) => other !== id && r.active !== false)
              .map(([other, r]) => (
                <option key={other} value={other}>
                  {r.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          Note <input name="note" maxLength={200} placeholder="Holidays" />
        </label>
        <button type="submit">Add out-of-office</button>
      </div>
      <p class="muted small">The backup takes their direct and named-account leads; pools skip them meanwhile.</p>
    </form>
  );
}
