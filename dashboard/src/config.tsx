/**
 * The config editor: edit or upload a routing config, validated as you type against the shared
 * schema (the same code the Worker publishes with), run the saved test leads, replay the last N
 * real leads to see who would change owner, how shares move and which routes go dark, then
 * publish it as a new version; any earlier version can be loaded or restored.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseConfig } from '../../shared/config/parse.ts';
import testLeads from '../../shared/config/examples/test-leads.json';
import schemaUrl from '../../shared/config/routing-config.schema.json?url';
import type { ReplayResult } from '../../shared/routing/replay.ts';
import { api, ApiError } from './api.ts';
import { Bars } from './charts.tsx';
import { ownerName, when } from './format.ts';
import { liveConfig, ownerNames } from './names.ts';

interface Versions {
  current: number;
  versions: { version: number; publishedAt: number; note?: string }[];
}

interface TestRun {
  warnings: unknown[];
  results: { name: string; passed: boolean; mismatches: string[]; summary: string }[];
}

type Replay = ReplayResult & { configVersion: number; warnings: { message: string }[] };

/** The config page. */
export function ConfigEditor() {
  const [text, setText] = useState('');
  const [versions, setVersions] = useState<Versions>();
  const [names, setNames] = useState<Record<string, string>>({});
  const [tests, setTests] = useState<TestRun>();
  const [diff, setDiff] = useState<Replay>();
  const [limit, setLimit] = useState(500);
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);

  const loadVersion = async (version: number) => {
    const { config } = await api<{ config: unknown }>(`/config/versions/${version}`);
    setText(JSON.stringify(config, null, 2));
    setTests(undefined);
    setDiff(undefined);
  };
  const refresh = async () => {
    const list = await api<Versions>('/config/versions');
    setVersions(list);
    setNames(ownerNames(await liveConfig(true)));
    return list;
  };
  useEffect(() => {
    refresh()
      .then((list) => loadVersion(list.current))
      .catch((e: Error) => setStatus(e.message));
  }, []);

  const parsed = useMemo(() => {
    if (!text) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { json: undefined, issues: [{ path: '(JSON)', message: (e as Error).message }], warnings: [] };
    }
    const result = parseConfig(json);
    return result.ok ? { json, issues: [], warnings: result.warnings } : { json, issues: result.issues, warnings: [] };
  }, [text]);
  const valid = parsed !== undefined && parsed.issues.length === 0;

  const run = async <T,>(what: string, action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setStatus(`${what}…`);
    try {
      const value = await action();
      // An action may leave its own message ("Published v2"); only the progress note goes.
      setStatus((shown) => (shown === `${what}…` ? undefined : shown));
      return value;
    } catch (e) {
      setStatus(e instanceof ApiError ? `${e.message}${e.body.issues ? `: ${e.body.issues.map((i) => `${i.path ?? i.field}: ${i.message}`).join('; ')}` : ''}` : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="config-title">
      <header class="page-head">
        <h1 id="config-title">Routing config</h1>
        <span class="muted">
          live: v{versions?.current ?? '…'} · <a href={schemaUrl}>JSON Schema</a>
        </span>
      </header>
      <div class="editor">
        <div>
          <label for="config-text">Config (JSON)</label>
          <textarea id="config-text" spellcheck={false} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} aria-invalid={!valid} aria-describedby="config-issues" />
          <label class="upload">
            Upload a file{' '}
            <input
              type="file"
              accept="application/json,.json"
              onChange={async (e) => {
                const file = (e.target as HTMLInputElement).files?.[0];
                if (file) setText(await file.text());
              }}
            />
          </label>
        </div>
        <aside>
          <div id="config-issues" class={valid ? 'ok' : 'error'} role="status">
            {!parsed ? 'Loading…' : valid ? '✓ Valid config' : `${parsed.issues.length} problem(s)`}
            <ul>
              {parsed?.issues.map((i) => (
                <li>
                  <code>{i.path || '(root)'}</code> {i.message}
                </li>
              ))}
              {parsed?.warnings.map((w) => (
                <li class="warn">{w.message}</li>
              ))}
            </ul>
          </div>
          <div class="actions">
            <button disabled={!valid || busy} onClick={() => void run('Running test leads', () => api<TestRun>('/route', { method: 'POST', body: { ...testLeads, config: parsed!.json } })).then((r) => r && setTests(r))}>
              Run {testLeads.leads.length} test leads
            </button>
            <label>
              Replay last{' '}
              <input type="number" min={1} max={5000} value={limit} onInput={(e) => setLimit(Number((e.target as HTMLInputElement).value))} /> leads
            </label>
            <button disabled={!valid || busy} onClick={() => void run('Replaying', () => api<Replay>('/replay', { method: 'POST', body: { config: parsed!.json, limit } })).then((r) => r && setDiff(r))}>
              Replay
            </button>
            <button
              class="primary"
              disabled={!valid || busy}
              onClick={() =>
                void run('Publishing', async () => {
                  const published = await api<{ version: number }>('/config', { method: 'PUT', body: parsed!.json });
                  await refresh();
                  setStatus(`Published v${published.version}: new leads follow it now.`);
                })
              }
            >
              Publish
            </button>
          </div>
          {status && <p role="status">{status}</p>}
        </aside>
      </div>

      {tests && <TestResults run={tests} />}
      {diff && <ReplayView diff={diff} names={names} />}

      <h2>Versions</h2>
      <table>
        <thead>
          <tr>
            <th>Version</th>
            <th>Published</th>
            <th>Note</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions?.versions.map((v) => (
            <tr key={v.version}>
              <td>
                v{v.version}
                {v.version === versions.current ? ' (live)' : ''}
              </td>
              <td>{v.publishedAt ? when(v.publishedAt) : '–'}</td>
              <td>{v.note ?? ''}</td>
              <td>
                <button onClick={() => void run('Loading', () => loadVersion(v.version))}>Load into editor</button>{' '}
                {v.version !== versions.current && (
                  <button
                    onClick={() =>
                      void run('Restoring', async () => {
                        const r = await api<{ version: number }>(`/config/versions/${v.version}/restore`, { method: 'POST', body: {} });
                        await refresh();
                        setStatus(`Restored v${v.version} as v${r.version}.`);
                      })
                    }
                  >
                    Restore
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function TestResults({ run }: { run: TestRun }) {
  const failed = run.results.filter((r) => !r.passed).length;
  return (
    <>
      <h2>
        Test leads: {run.results.length - failed} passed, {failed} failed
      </h2>
      <table class="tests">
        <tbody>
          {run.results.map((r) => (
            <tr class={r.passed ? '' : 'warn'}>
              <td>{r.passed ? '✓' : '✗'}</td>
              <td>{r.name}</td>
              <td>
                {r.summary}
                {r.mismatches.map((m) => (
                  <div class="error">{m}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ReplayView({ diff, names }: { diff: Replay; names: Record<string, string> }) {
  const name = (key: string) => ownerName(key, names);
  const target = (key: string) => (key.startsWith('pool:') ? `pool ${key.slice(5)}` : name(key));
  return (
    <section class="replay" aria-labelledby="replay-title">
      <h2 id="replay-title">
        Replay against v{diff.configVersion}: {diff.changed.length} of {diff.leads} leads would change
      </h2>
      {diff.changed.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Lead</th>
              <th>Received</th>
              <th>Now</th>
              <th>Proposed</th>
            </tr>
          </thead>
          <tbody>
            {diff.changed.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`#/lead/${c.id}`}>{c.id}</a>
                </td>
                <td>{when(c.receivedAt)}</td>
                <td>
                  {c.before.route} → {target(c.before.target)}
                </td>
                <td>
                  <strong>{c.after.route}</strong> → <strong>{target(c.after.target)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="grid">
        <Bars title="Leads per owner, now" rows={diff.owners.map((o) => ({ label: name(o.key), value: o.before }))} />
        <Bars
          title="Leads per owner, proposed"
          rows={diff.owners.map((o) => ({ label: name(o.key), value: o.after, text: `${o.after} (${o.after - o.before >= 0 ? '+' : ''}${o.after - o.before})` }))}
        />
      </div>
      {diff.unreachable.length > 0 && (
        <p class="warn">
          No replayed lead would take: {diff.unreachable.map((r) => <code>{r} </code>)}
        </p>
      )}
      {diff.warnings.map((w) => (
        <p class="warn">{w.message}</p>
      ))}
    </section>
  );
}
