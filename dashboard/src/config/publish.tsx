/**
 * Review and publish: what the draft changes, in sentences (shared/config/diff.ts); what it
 * would have done to the last real leads (the replay); the saved test leads; then a required
 * note and the publish button. Publishing sends `If-Match` with the version the draft started
 * from: when someone published in between, the answer is 409 and this page shows what they
 * changed and offers to apply the draft's changes onto their version.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { diffConfigs, type ChangeArea, type ConfigChange } from '../../../shared/config/diff.ts';
import { mergeConfigs } from '../../../shared/config/merge.ts';
import { parseConfig } from '../../../shared/config/parse.ts';
import { api, ApiError } from '../api.ts';
import { clearDraft, author, rememberAuthor } from './draft.ts';
import type { Editor } from './editor.tsx';
import { ReplayView, TestLeads, type Replay } from './replay.tsx';

const AREAS: Record<ChangeArea, string> = {
  rules: 'Rules',
  pools: 'Pools',
  people: 'People',
  queues: 'Queues',
  accounts: 'Named accounts',
  territories: 'Territories',
  escalations: 'Escalation chains',
  forms: 'Forms',
  settings: 'Settings',
};

/** Changes grouped under their area's heading. */
export function Changes({ changes, label }: { changes: ConfigChange[]; label: string }) {
  const areas = [...new Set(changes.map((c) => c.area))];
  return (
    <div class="changes" aria-label={label} role="region">
      {areas.map((area) => (
        <section key={area}>
          <h4>{AREAS[area]}</h4>
          <ul>
            {changes
              .filter((c) => c.area === area)
              .map((c) => (
                <li key={c.text}>{c.text}</li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Publishes a config JSON with a note, against the version it was edited from. */
export async function publishConfig(config: unknown, note: string, by: string, base: number): Promise<{ version: number }> {
  // Headers carry Latin-1 only: the note and name travel percent-encoded.
  const headers: Record<string, string> = { 'If-Match': `"${base}"`, 'X-Publish-Note': encodeURIComponent(note) };
  if (by) headers['X-Publish-By'] = encodeURIComponent(by);
  return api<{ version: number }>('/config', { method: 'PUT', body: config, headers });
}

/** The Review & publish tab. */
export function Publish({ editor }: { editor: Editor }) {
  const { live, config } = editor;
  const changes = useMemo(() => (config ? diffConfigs(live.config, config) : []), [live, config]);
  const [replay, setReplay] = useState<Replay>();
  const [replayError, setReplayError] = useState<string>();
  const [limit, setLimit] = useState(500);
  const [note, setNote] = useState('');
  const [by, setBy] = useState(author());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    setReplay(undefined);
    setReplayError(undefined);
    if (!config || changes.length === 0) return;
    api<Replay>('/replay', { method: 'POST', body: { config: editor.draft, limit } })
      .then(setReplay)
      .catch((e: Error) => setReplayError(e.message));
  }, [editor.text, limit]);

  if (!editor.draft || !config) {
    return (
      <p class="error">
        The draft has problems: <a href="#/config/json">fix them</a> before publishing.
      </p>
    );
  }
  const behind = editor.base !== live.version;
  const publish = async () => {
    setBusy(true);
    setError(undefined);
    try {
      rememberAuthor(by);
      // Asked first as well as by If-Match: a server without the If-Match check still never
      // gets a draft that would silently undo someone's newer version.
      const { current } = await api<{ current: number }>('/config/versions');
      if (current !== editor.base) throw new ApiError(409, { error: 'conflict', message: `v${current} was published meanwhile`, version: current });
      const published = await publishConfig(editor.draft, note.trim(), by.trim(), editor.base);
      const fresh = await editor.refresh();
      clearDraft();
      editor.replace(fresh.json, fresh.version);
      editor.notify(`Published v${published.version}: new leads follow it now.`);
      location.hash = '#/config/history';
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await editor.refresh();
        setError('Someone published a new version while you were editing: see what they changed below, then publish again.');
      } else
        setError(
          e instanceof ApiError
            ? `${e.message}${e.body.issues ? `: ${e.body.issues.map((i) => `${i.path ?? i.field}: ${i.message}`).join('; ')}` : ''}`
            : String(e),
        );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="publish">
      {behind && <Concurrent editor={editor} />}
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">What changes (against live v{live.version})</h2>
        {changes.length === 0 ? (
          <p>Nothing to publish: the draft is the same as the live version.</p>
        ) : (
          <Changes changes={changes} label="Changes to publish" />
        )}
      </section>
      {changes.length > 0 && (
        <section aria-labelledby="replay-title">
          <h2 id="replay-title">What it would do to recent leads</h2>
          <label>
            Replay the last{' '}
            <select value={limit} onChange={(e) => setLimit(Number((e.target as HTMLSelectElement).value))}>
              {[100, 500, 2000, 5000].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>{' '}
            real leads
          </label>
          {replayError ? (
            <p class="error">{replayError}</p>
          ) : replay ? (
            <ReplayView replay={replay} before={live.config} after={config} />
          ) : (
            <p class="muted">Replaying…</p>
          )}
        </section>
      )}
      <TestLeads editor={editor} />
      <form
        class="card publish-form"
        aria-labelledby="publish-title"
        onSubmit={(e) => {
          e.preventDefault();
          void publish();
        }}
      >
        <h2 id="publish-title">Publish</h2>
        <label class="wide">
          Why (required, kept with the version)
          <textarea
            name="note"
            required
            rows={2}
            maxLength={500}
            value={note}
            placeholder="Ana joins Enterprise from Monday"
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <label>
          Your name <input name="by" value={by} maxLength={80} autocomplete="name" onInput={(e) => setBy((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="primary" disabled={busy || behind || changes.length === 0 || note.trim() === ''}>
          Publish v{live.version + 1}
        </button>
        {changes.length === 0 && <p class="muted small">Make a change first: publishing the same config again would only add a version.</p>}
        {behind && <p class="muted small">Apply your changes onto v{live.version} first (above).</p>}
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}

/** Someone published since the draft started: their changes, and a merge of the draft onto them. */
function Concurrent({ editor }: { editor: Editor }) {
  const [base, setBase] = useState<{ json: unknown; meta?: { note?: string; by?: string } }>();
  useEffect(() => {
    Promise.all([
      api<{ config: unknown }>(`/config/versions/${editor.base}`),
      api<{ versions: { version: number; note?: string; by?: string }[] }>('/config/versions'),
    ])
      .then(([v, list]) => setBase({ json: v.config, meta: list.versions.find((x) => x.version === editor.live.version) }))
      .catch(() => setBase(undefined));
  }, [editor.base, editor.live.version]);
  const parsed = base ? parseConfig(base.json) : undefined;
  const theirs = parsed?.ok ? diffConfigs(parsed.config, editor.live.config) : undefined;
  return (
    <section class="card concurrent" aria-labelledby="concurrent-title" role="alert">
      <h2 id="concurrent-title">
        v{editor.live.version} was published while you edited (your draft started from v{editor.base})
      </h2>
      {base?.meta?.note && (
        <p>
          Their note: “{base.meta.note}”{base.meta.by ? ` (${base.meta.by})` : ''}
        </p>
      )}
      {theirs && <Changes changes={theirs} label="Their changes" />}
      <p class="muted">Publishing your draft as it is would undo their changes. Apply your changes onto their version instead, then check the result below.</p>
      <button
        type="button"
        disabled={!base}
        onClick={() => {
          const { merged, conflicts } = mergeConfigs(base!.json, editor.draft, editor.live.json);
          editor.replace(merged, editor.live.version);
          editor.notify(
            conflicts.length === 0
              ? `Your changes now apply onto v${editor.live.version}.`
              : `Your changes now apply onto v${editor.live.version}; you both changed ${conflicts.join(', ')}: yours were kept, check them.`,
          );
        }}
      >
        Apply my changes onto v{editor.live.version}
      </button>
    </section>
  );
}
