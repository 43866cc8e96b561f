/**
 * Rules in priority order: each in words, moved up or down, and edited — its conditions with
 * pickers, where its leads go, who takes them when nobody there is available, the time to
 * answer and the escalation. A new rule can be added at any position.
 */
import { ConfigWords } from '../../../shared/config/config-words.ts';
import { EditRefused, moveRoute, updateRoute } from '../../../shared/config/edits.ts';
import type { RouteTarget, RoutingConfigInput } from '../../../shared/config/schema.ts';
import { titleOf } from '../../../shared/config/words.ts';
import { parseDuration } from '../../../shared/time/duration.ts';
import { Conditions } from './conditions.tsx';
import type { Editor } from './editor.tsx';

type Route = RoutingConfigInput['routes'][number];

/** A target as one picker value: `pool:enterprise`, `rep:ana`, `queue:triage`, `account`, `contact`. */
export function keyOf(t: RouteTarget | 'next' | undefined): string {
  if (t === undefined || t === 'next') return 'next';
  if ('pool' in t) return `pool:${t.pool}`;
  if ('rep' in t) return `rep:${t.rep}`;
  if ('queue' in t) return `queue:${t.queue}`;
  return 'contactOwner' in t ? 'contact' : 'account';
}

/** The target a picker value stands for. */
export function targetOf(key: string): RouteTarget {
  const [kind, id = ''] = key.split(/:(.*)/);
  if (kind === 'pool') return { pool: id };
  if (kind === 'rep') return { rep: id };
  if (kind === 'queue') return { queue: id };
  if (kind === 'contact') return { contactOwner: true };
  return { accountOwner: true };
}

/** Every target, grouped; `selected` is the one chosen at first (uncontrolled selects). */
export function TargetOptions({ c, selected }: { c: RoutingConfigInput; selected?: string }) {
  return (
    <>
      <optgroup label="Pools">
        {Object.entries(c.pools ?? {}).map(([id, p]) => (
          <option key={id} value={`pool:${id}`} selected={selected === `pool:${id}`}>{`${p.name ?? id} (pool)`}</option>
        ))}
      </optgroup>
      <optgroup label="People">
        {Object.entries(c.reps).map(([id, r]) => (
          <option key={id} value={`rep:${id}`} selected={selected === `rep:${id}`}>
            {r.name}
          </option>
        ))}
      </optgroup>
      <optgroup label="Queues">
        {Object.entries(c.queues).map(([id, q]) => (
          <option key={id} value={`queue:${id}`} selected={selected === `queue:${id}`}>{`${q.name} (queue)`}</option>
        ))}
      </optgroup>
      <option value="account" selected={selected === 'account'}>
        The named account's owner
      </option>
      <option value="contact" selected={selected === 'contact'}>
        The known contact's owner (from the CRM)
      </option>
    </>
  );
}

/** The Rules tab. */
export function Rules({ editor }: { editor: Editor }) {
  const c = editor.draft!;
  const words = editor.config ? new ConfigWords(editor.config) : undefined;
  const move = (i: number, to: number) => editor.update((d) => moveRoute(d, i, to), `Rule ${titleOf(c.routes[i]!.id)} moved to position ${to + 1}.`);
  return (
    <>
      <h2>Rules, in priority order</h2>
      <p class="muted">Each lead goes to the first rule it matches; junk goes to review before any rule, and a lead no rule takes goes to the fallback.</p>
      <ol class="rule-list">
        {c.routes.map((route, i) => {
          const title = titleOf(route.id);
          return (
            <li key={route.id} class="card rule" data-rule={route.id}>
              <div class="rule-head">
                <span class="position" aria-hidden="true">
                  {i + 1}
                </span>
                <div class="rule-text">
                  <strong>{title}</strong>{' '}
                  {words && editor.config?.routes[i] ? (
                    <span>{words.rule(editor.config.routes[i], i).sentence.slice(title.length)}</span>
                  ) : (
                    <span class="muted">(fix the problems to read it in words)</span>
                  )}
                </div>
                <div class="rule-moves">
                  <button type="button" aria-label={`Move rule ${title} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    ↑ Up
                  </button>
                  <button type="button" aria-label={`Move rule ${title} down`} disabled={i === c.routes.length - 1} onClick={() => move(i, i + 1)}>
                    ↓ Down
                  </button>
                </div>
              </div>
              <details>
                <summary>Edit rule {title}</summary>
                <RuleForm key={JSON.stringify(route)} route={route} index={i} editor={editor} />
              </details>
            </li>
          );
        })}
      </ol>
      <AddRule editor={editor} />
    </>
  );
}

function RuleForm({ route, index, editor }: { route: Route; index: number; editor: Editor }) {
  const c = editor.draft!;
  const title = titleOf(route.id);
  const change = (fn: (r: Route) => void, done: string) => editor.update((d) => updateRoute(d, index, fn), done);
  return (
    <div class="rule-form">
      <Conditions
        label={`Which leads rule ${title} takes`}
        when={route.when}
        config={c}
        onSave={(when) => change((r) => (when === undefined ? delete r.when : (r.when = when)), `Rule ${title}: conditions saved.`)}
      />
      <form
        class="fields"
        aria-label={`Rule ${title}: where leads go`}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const text = (k: string) => String(data.get(k) ?? '').trim();
          const sla = text('sla');
          if (sla && parseDuration(sla) === undefined) return editor.notify('Time to answer: write a duration like 15m, 1h or 1h30m.');
          change((r) => {
            r.to = targetOf(text('to'));
            if (text('ifUnavailable') === 'next') delete r.ifUnavailable;
            else r.ifUnavailable = targetOf(text('ifUnavailable'));
            if (sla) r.sla = sla;
            else delete r.sla;
            if (text('escalation')) r.escalation = text('escalation');
            else delete r.escalation;
            if (text('description')) r.description = text('description');
            else delete r.description;
          }, `Rule ${title} saved.`);
        }}
      >
        <label>
          Send to{' '}
          <select name="to">
            <TargetOptions c={c} selected={keyOf(route.to)} />
          </select>
        </label>
        <label>
          If nobody there is available{' '}
          <select name="ifUnavailable">
            <option value="next">try the next rule</option>
            <TargetOptions c={c} selected={keyOf(route.ifUnavailable)} />
          </select>
        </label>
        <label>
          Time to answer <input name="sla" defaultValue={route.sla ?? ''} placeholder="the form's" size={8} />
        </label>
        <label>
          If unanswered{' '}
          <select name="escalation">
            <option value="">the form's or team's escalation</option>
            {Object.keys(c.escalations ?? {}).map((id) => (
              <option key={id} value={id} selected={route.escalation === id}>
                {titleOf(id)} escalation
              </option>
            ))}
          </select>
        </label>
        <label class="wide">
          Description <input name="description" defaultValue={route.description ?? ''} maxLength={200} />
        </label>
        <button type="submit">Save rule</button>
      </form>
      <button type="button" onClick={() => editor.update((d) => ({ ...d, routes: d.routes.filter((_, i) => i !== index) }), `Rule ${title} deleted.`)}>
        Delete rule {title}
      </button>
    </div>
  );
}

function AddRule({ editor }: { editor: Editor }) {
  const c = editor.draft!;
  return (
    <form
      class="card fields"
      aria-labelledby="add-rule-title"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const name = String(data.get('name') ?? '').trim();
        const id = name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '');
        const at = Number(data.get('at'));
        const ok = editor.update(
          (d) => {
            if (!id) throw new EditRefused('Give the rule a name.');
            if (d.routes.some((r) => r.id === id)) throw new EditRefused(`There is already a rule ${titleOf(id)}.`);
            const routes = [...d.routes];
            routes.splice(at, 0, { id, to: targetOf(String(data.get('to'))) });
            return { ...d, routes };
          },
          `Rule ${titleOf(id)} added at position ${at + 1}: open it to set its conditions.`,
        );
        if (ok) form.reset();
      }}
    >
      <h3 id="add-rule-title">Add a rule</h3>
      <label>
        Name <input name="name" required maxLength={60} placeholder="Partner referrals" />
      </label>
      <label>
        Send to{' '}
        <select name="to">
          <TargetOptions c={c} />
        </select>
      </label>
      <label>
        Position{' '}
        <select name="at">
          {c.routes.map((r, i) => (
            <option key={r.id} value={i} selected={i === c.routes.length - 1}>
              before {titleOf(r.id)}
            </option>
          ))}
          <option value={c.routes.length}>last</option>
        </select>
      </label>
      <button type="submit">Add rule</button>
    </form>
  );
}
