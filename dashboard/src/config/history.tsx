/**
 * The audit of versions: who published each, when, why, and what it changed (against the
 * version before it); any earlier version loaded into the editor or rolled back to in one
 * click (published again as a new version, with a note, against the live version).
 */
import { useEffect, useState } from 'preact/hooks';
import { diffConfigs, type ConfigChange } from '../../../shared/config/diff.ts';
import { parseConfig } from '../../../shared/config/parse.ts';
import { api, ApiError } from '../api.ts';
import { when } from '../format.ts';
import { author } from './draft.ts';
import type { Editor } from './editor.tsx';
import { Changes, publishConfig } from './publish.tsx';

interface Version {
  version: number;
  publishedAt: number;
  note?: string;
  by?: string;
}

const json = new Map<number, Promise<unknown>>();

/** A version's JSON as published (kept for the page's life: versions never change). */
function versionJson(version: number): Promise<unknown> {
  let p = json.get(version);
  if (!p) json.set(version, (p = api<{ config: unknown }>(`/config/versions/${version}`).then((r) => r.config)));
  return p;
}

/** What `version` changed against the version before it. */
async function changesOf(version: number): Promise<ConfigChange[]> {
  const [a, b] = await Promise.all([versionJson(version - 1), versionJson(version)]);
  const [pa, pb] = [parseConfig(a), parseConfig(b)];
  return pa.ok && pb.ok ? diffConfigs(pa.config, pb.config) : [];
}

/** The History tab. */
export function History({ editor }: { editor: Editor }) {
  const [versions, setVersions] = useState<Version[]>();
  const [error, setError] = useState<string>();
  const load = () =>
    api<{ current: number; versions: Version[] }>('/config/versions')
      .then((r) => setVersions(r.versions))
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, [editor.live.version]);
  if (error) return <p class="error">{error}</p>;
  if (!versions) return <p class="muted">Loading…</p>;
  return (
    <>
      <h2>Versions</h2>
      <ol class="versions" reversed>
        {versions.map((v) => (
          <VersionItem key={v.version} v={v} editor={editor} reload={load} />
        ))}
      </ol>
    </>
  );
}

function VersionItem({ v, editor, reload }: { v: Version; editor: Editor; reload: () => Promise<void> }) {
  const [changes, setChanges] = useState<ConfigChange[]>();
  const [rollback, setRollback] = useState(false);
  const [note, setNote] = useState(`Roll back to v${v.version}`);
  const [error, setError] = useState<string>();
  const live = v.version === editor.live.version;
  return (
    <li class={`card version${live ? ' live' : ''}`} data-version={v.version}>
      <div class="row">
        <strong>
          v{v.version}
          {live ? ' (live)' : ''}
        </strong>
        <span class="muted">{v.version === 0 ? 'the bundled example' : `${when(v.publishedAt)}${v.by ? ` by ${v.by}` : ''}`}</span>
      </div>
      {v.note && v.version > 0 && <p class="note">“{v.note}”</p>}
      {v.version > 0 && (
        <details
          onToggle={(e) => {
            if ((e.target as HTMLDetailsElement).open && !changes) void changesOf(v.version).then(setChanges);
          }}
        >
          <summary>What v{v.version} changed</summary>
          {!changes ? (
            <p class="muted">Loading…</p>
          ) : changes.length === 0 ? (
            <p class="muted">Nothing: the same config as v{v.version - 1}.</p>
          ) : (
            <Changes changes={changes} label={`Changes in v${v.version}`} />
          )}
        </details>
      )}
      <div class="row">
        <button
          type="button"
          onClick={() =>
            void versionJson(v.version).then((config) => {
              editor.replace(config, editor.live.version);
              editor.notify(`v${v.version} loaded into the draft: change it, then review and publish.`);
              location.hash = '#/config/people';
            })
          }
        >
          Load v{v.version} into the editor
        </button>
        {!live && !rollback && (
          <button type="button" onClick={() => setRollback(true)}>
            Roll back to v{v.version}
          </button>
        )}
      </div>
      {rollback && (
        <form
          class="fields"
          aria-label={`Roll back to v${v.version}`}
          onSubmit={(e) => {
            e.preventDefault();
            void versionJson(v.version)
              .then((config) => publishConfig(config, note.trim(), author(), editor.live.version))
              .then(async (r) => {
                await editor.refresh();
                editor.notify(`Rolled back: v${r.version} is v${v.version} again.`);
                setRollback(false);
                await reload();
              })
              .catch((err: Error) =>
                setError(err instanceof ApiError && err.status === 409 ? 'Someone published meanwhile: look at the newest version first.' : err.message),
              );
          }}
        >
          <label class="wide">
            Why <input value={note} required onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="primary" disabled={note.trim() === ''}>
            Publish v{v.version} again
          </button>
          <button type="button" onClick={() => setRollback(false)}>
            Cancel
          </button>
          {error && <p class="error">{error}</p>}
        </form>
      )}
    </li>
  );
}
