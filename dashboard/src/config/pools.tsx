/**
 * Pools: how each shares its leads, its members in rotation order with their weight, and the
 * moves of a rep into, out of, or between pools.
 */
import { addToPool, moveBetweenPools, removeFromPool, setPoolStrategy, setPoolWeight } from '../../../shared/config/edits.ts';
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';
import type { Editor } from './editor.tsx';

type Pool = NonNullable<RoutingConfigInput['pools']>[string];

const STRATEGIES = [
  ['round_robin', 'Round-robin: in turn'],
  ['weighted', 'Weighted: in turn, by weight'],
  ['least_loaded', 'Least loaded: fewest open leads first'],
] as const;

/** The Pools tab. */
export function Pools({ editor }: { editor: Editor }) {
  const pools = Object.entries(editor.draft!.pools ?? {});
  return (
    <>
      <h2>Pools ({pools.length})</h2>
      <p class="muted">Members take turns in the order listed; anyone inactive, out of office, off hours or at capacity is skipped.</p>
      <div class="doc-grid">
        {pools.map(([id, pool]) => (
          <PoolCard key={id} id={id} pool={pool} editor={editor} />
        ))}
      </div>
    </>
  );
}

function PoolCard({ id, pool, editor }: { id: string; pool: Pool; editor: Editor }) {
  const c = editor.draft!;
  const name = pool.name ?? id;
  const repName = (rep: string) => c.reps[rep]?.name ?? rep;
  const members = pool.members.map((m) => (typeof m === 'string' ? { rep: m, weight: undefined } : m));
  const others = Object.entries(c.reps).filter(([rep]) => !members.some((m) => m.rep === rep));
  const otherPools = Object.entries(c.pools ?? {}).filter(([other]) => other !== id);
  return (
    <section class="card pool-card" aria-labelledby={`pool-${id}`} data-pool={id}>
      <h3 id={`pool-${id}`}>{name}</h3>
      <label>
        How it shares{' '}
        <select
          value={pool.strategy}
          onChange={(e) => {
            const strategy = (e.target as HTMLSelectElement).value as Pool['strategy'];
            editor.update((d) => setPoolStrategy(d, id, strategy), `${name} now shares by ${strategy.replace('_', ' ')}.`);
          }}
        >
          {STRATEGIES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <ol class="members" aria-label={`Members of ${name}`}>
        {members.map((m) => (
          <li key={m.rep}>
            <span class="member-name">{repName(m.rep)}</span>
            {pool.strategy === 'weighted' && (
              <label>
                weight{' '}
                <input
                  type="number"
                  min={0.1}
                  max={100}
                  step="any"
                  value={m.weight ?? ''}
                  placeholder={String(c.reps[m.rep]?.weight ?? 1)}
                  aria-label={`${repName(m.rep)}'s weight in ${name}`}
                  onChange={(e) => {
                    const v = (e.target as HTMLInputElement).value;
                    editor.update((d) => setPoolWeight(d, id, m.rep, v === '' ? undefined : Number(v)), `${repName(m.rep)}'s weight in ${name} saved.`);
                  }}
                />
              </label>
            )}
            {otherPools.length > 0 && (
              <label>
                <span class="sr-only">Move {repName(m.rep)} to</span>
                <select
                  value=""
                  aria-label={`Move ${repName(m.rep)} to another pool`}
                  onChange={(e) => {
                    const to = (e.target as HTMLSelectElement).value;
                    if (to) editor.update((d) => moveBetweenPools(d, m.rep, id, to), `${repName(m.rep)} moved from ${name} to ${c.pools?.[to]?.name ?? to}.`);
                  }}
                >
                  <option value="">Move to…</option>
                  {otherPools.map(([other, p]) => (
                    <option key={other} value={other}>
                      {p.name ?? other}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button
              type="button"
              class="link"
              aria-label={`Remove ${repName(m.rep)} from ${name}`}
              onClick={() => editor.update((d) => removeFromPool(d, id, m.rep), `${repName(m.rep)} removed from ${name}.`)}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      {others.length > 0 && (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            const rep = String(new FormData(e.currentTarget).get('rep') ?? '');
            if (rep) editor.update((d) => addToPool(d, id, rep), `${repName(rep)} added to ${name}.`);
          }}
        >
          <label>
            Add{' '}
            <select name="rep" aria-label={`Person to add to ${name}`}>
              {others.map(([rep, r]) => (
                <option key={rep} value={rep}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Add to {name}</button>
        </form>
      )}
    </section>
  );
}
