/**
 * What a draft would have done to real leads (the replay: the last N leads routed by the live
 * config and by the draft, each at the instant it arrived) and to the saved test leads.
 */
import { useState } from 'preact/hooks';
import testLeads from '../../../shared/config/examples/test-leads.json';
import type { RoutingConfig } from '../../../shared/config/schema.ts';
import type { ReplayResult } from '../../../shared/routing/replay.ts';
import { api, ApiError } from '../api.ts';
import { Bars } from '../charts.tsx';
import { when } from '../format.ts';
import { namesOf } from '../names.ts';
import type { Editor } from './editor.tsx';

/** `POST /v1/admin/replay`. */
export type Replay = ReplayResult & { configVersion: number; warnings: { message: string }[] };

interface TestRun {
  results: { name: string; passed: boolean; mismatches: string[]; summary: string }[];
}

/** The replay's answer with names: which leads would go elsewhere, owners before and after. */
export function ReplayView({ replay, before, after }: { replay: Replay; before: RoutingConfig; after: RoutingConfig }) {
  const was = namesOf(before);
  const now = namesOf(after);
  const where = (names: typeof was, p: { route: string; target: string }) => `${names.route(p.route)} → ${names.target(p.target)}`;
  return (
    <div class="replay">
      <p class="replay-summary">
        <strong>
          {replay.changed.length} of {replay.leads} leads would go elsewhere
        </strong>{' '}
        <span class="muted">
          (the last {replay.leads} real leads, each routed as it arrived, by v{replay.configVersion} and by the draft)
        </span>
      </p>
      {replay.changed.length > 0 && (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th>Lead</th>
                <th>Received</th>
                <th>Now</th>
                <th>With the draft</th>
              </tr>
            </thead>
            <tbody>
              {replay.changed.slice(0, 50).map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`#/lead/${c.id}`}>{c.id}</a>
                  </td>
                  <td>{when(c.receivedAt)}</td>
                  <td>{where(was, c.before)}</td>
                  <td>
                    <strong>{where(now, c.after)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {replay.changed.length > 50 && <p class="muted">and {replay.changed.length - 50} more.</p>}
        </div>
      )}
      <div class="grid">
        <Bars title="Leads per owner, now" rows={replay.owners.map((o) => ({ label: was.owner(o.key), value: o.before }))} />
        <Bars
          title="Leads per owner, with the draft"
          rows={replay.owners.map((o) => ({
            label: now.owner(o.key),
            value: o.after,
            text: `${o.after} (${o.after - o.before >= 0 ? '+' : ''}${o.after - o.before})`,
          }))}
        />
      </div>
      {replay.unreachable.length > 0 && <p class="warn">No replayed lead would take the rules {replay.unreachable.map((r) => now.route(r)).join(', ')}.</p>}
      {replay.warnings.map((w) => (
        <p key={w.message} class="warn">
          {w.message}
        </p>
      ))}
    </div>
  );
}

/** The saved test leads run against the draft. */
export function TestLeads({ editor }: { editor: Editor }) {
  const [run, setRun] = useState<TestRun>();
  const [error, setError] = useState<string>();
  const failed = run?.results.filter((r) => !r.passed).length ?? 0;
  return (
    <section aria-labelledby="tests-title">
      <h2 id="tests-title">Test leads</h2>
      <button
        type="button"
        onClick={() =>
          api<TestRun>('/route', { method: 'POST', body: { ...testLeads, config: editor.draft } })
            .then((r) => {
              setRun(r);
              setError(undefined);
            })
            .catch((e: Error) => setError(e instanceof ApiError ? e.message : String(e)))
        }
      >
        Run the {testLeads.leads.length} test leads
      </button>
      {error && <p class="error">{error}</p>}
      {run && (
        <>
          <p>
            {run.results.length - failed} passed, {failed} failed
          </p>
          <div class="scroll">
            <table class="tests">
              <tbody>
                {run.results.map((r) => (
                  <tr key={r.name} class={r.passed ? '' : 'warn'}>
                    <td>{r.passed ? '✓' : '✗'}</td>
                    <td>{r.name}</td>
                    <td>
                      {r.summary}
                      {r.mismatches.map((m) => (
                        <div key={m} class="error">
                          {m}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
