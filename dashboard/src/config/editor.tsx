/**
 * The routing editor: forms for the everyday changes (people, pools, rules, named accounts),
 * the JSON for power users, the draft in plain words, then review and publish, and the history
 * of versions with rollback. Every form edits the same draft JSON, checked as it changes by the
 * shared schema (the code the Worker publishes with); the draft is saved on this browser.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { checkAll, type ConfigCheck } from '../../../shared/config/check-all.ts';
import { diffConfigs } from '../../../shared/config/diff.ts';
import { EditRefused } from '../../../shared/config/edits.ts';
import { parseConfig } from '../../../shared/config/parse.ts';
import type { RoutingConfig, RoutingConfigInput } from '../../../shared/config/schema.ts';
import { api } from '../api.ts';
import { when } from '../format.ts';
import { liveConfig } from '../names.ts';
import { DocumentActions, RoutingDocument, describe } from '../routing.tsx';
import { Accounts } from './accounts.tsx';
import { clearDraft, jsonOf, loadDraft, saveDraft, textOf, type Draft } from './draft.ts';
import { History } from './history.tsx';
import { JsonView } from './json-view.tsx';
import { People } from './people.tsx';
import { Pools } from './pools.tsx';
import { Publish } from './publish.tsx';
import { Rules } from './rules.tsx';

/** The live version as published. */
export interface Live {
  version: number;
  json: unknown;
  config: RoutingConfig;
}

/** What every tab of the editor gets. */
export interface Editor {
  live: Live;
  /** The draft's JSON; undefined while its text is not JSON. */
  draft: RoutingConfigInput | undefined;
  /** The draft parsed, when it is a valid config. */
  config: RoutingConfig | undefined;
  check: ConfigCheck | undefined;
  text: string;
  /** The live version the draft started from. */
  base: number;
  /** Applies a change to the draft; a refused change is said in the status line. */
  update(change: (c: RoutingConfigInput) => RoutingConfigInput, done?: string): boolean;
  setText(text: string): void;
  /** Replaces the draft (a version loaded, a merge) and its base version. */
  replace(json: unknown, base: number): void;
  notify(message: string): void;
  /** Reads the live version again (after a publish). */
  refresh(): Promise<Live>;
}

const TABS = [
  ['people', 'People'],
  ['pools', 'Pools'],
  ['rules', 'Rules'],
  ['accounts', 'Named accounts'],
  ['read', 'Read it'],
  ['json', 'JSON'],
  ['publish', 'Review & publish'],
  ['history', 'History'],
] as const;

/** One tab of the editor. */
export type Tab = (typeof TABS)[number][0];

async function readLive(): Promise<Live> {
  const { version, config } = await liveConfig(true);
  const { config: json } = await api<{ config: unknown }>(`/config/versions/${version}`);
  return { version, json, config };
}

/** The editor page; `tab` comes from the address (`#/config/rules`). */
export function ConfigEditor({ tab }: { tab: string }) {
  const [live, setLive] = useState<Live>();
  const [draft, setDraft] = useState<Draft>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    readLive()
      .then((l) => {
        setLive(l);
        setDraft(loadDraft() ?? { base: l.version, text: textOf(l.json), savedAt: Date.now() });
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  // Saved as it changes; a draft equal to the live version is no draft.
  useEffect(() => {
    if (!live || !draft) return;
    const json = jsonOf(draft.text);
    if (json.ok && draft.base === live.version && diffConfigsSafe(live.json, json.value) === 0) clearDraft();
    else saveDraft(draft);
  }, [draft, live]);

  const json = useMemo(() => (draft ? jsonOf(draft.text) : undefined), [draft?.text]);
  const check = useMemo(() => (json?.ok ? checkAll(json.value) : undefined), [json]);
  const config = useMemo(() => {
    if (!json?.ok || !check || check.issues.length > 0) return undefined;
    const parsed = parseConfig(json.value);
    return parsed.ok ? parsed.config : undefined;
  }, [json, check]);

  if (error)
    return (
      <p role="alert" class="error">
        {error}
      </p>
    );
  if (!live || !draft || !json) return <p class="muted">Loading…</p>;

  const editor: Editor = {
    live,
    draft: json.ok ? json.value : undefined,
    config,
    check,
    text: draft.text,
    base: draft.base,
    update(change, done) {
      if (!json.ok) return false;
      try {
        const next = change(json.value);
        setDraft({ base: draft.base, text: textOf(next), savedAt: Date.now() });
        setNotice(done);
        return true;
      } catch (e) {
        if (!(e instanceof EditRefused)) throw e;
        setNotice(e.message);
        return false;
      }
    },
    setText: (text) => setDraft({ base: draft.base, text, savedAt: Date.now() }),
    replace: (value, base) => setDraft({ base, text: textOf(value), savedAt: Date.now() }),
    notify: setNotice,
    async refresh() {
      const l = await readLive();
      // A draft with no changes of its own follows the live version.
      if (json.ok && diffConfigsSafe(live.json, json.value) === 0) setDraft({ base: l.version, text: textOf(l.json), savedAt: Date.now() });
      setLive(l);
      return l;
    },
  };
  const current: Tab = TABS.find(([id]) => id === tab)?.[0] ?? 'people';
  const changes = config ? diffConfigsSafe(live.json, json.ok ? json.value : undefined) : undefined;

  return (
    <section aria-labelledby="config-title">
      <header class="page-head">
        <h1 id="config-title">Edit the routing</h1>
        <span class="muted">live: v{live.version}</span>
      </header>
      <DraftBar
        editor={editor}
        savedAt={draft.savedAt}
        changes={changes}
        discard={() => {
          clearDraft();
          editor.replace(live.json, live.version);
          setNotice('Draft discarded: you are looking at the live version.');
        }}
      />
      <nav class="tabs" aria-label="Editor sections">
        {TABS.map(([id, label]) => (
          <a key={id} href={`#/config/${id}`} aria-current={current === id ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <p role="status" class="notice" aria-live="polite">
        {notice ?? ''}
      </p>
      {!json.ok && current !== 'json' && (
        <p class="error">
          The JSON has a syntax error. <a href="#/config/json">Fix it in the JSON view</a> to use the forms again.
        </p>
      )}
      {json.ok && check && check.issues.length > 0 && current !== 'json' && (
        <p class="warn">
          {check.issues.length === 1 ? '1 problem' : `${check.issues.length} problems`} to fix before publishing: <a href="#/config/json">see where</a>.
        </p>
      )}
      <TabPanel tab={current} editor={editor} />
    </section>
  );
}

function TabPanel({ tab, editor }: { tab: Tab; editor: Editor }) {
  if (tab === 'json') return <JsonView editor={editor} />;
  if (tab === 'history') return <History editor={editor} />;
  if (tab === 'publish') return <Publish editor={editor} />;
  if (!editor.draft) return null;
  if (tab === 'people') return <People editor={editor} />;
  if (tab === 'pools') return <Pools editor={editor} />;
  if (tab === 'rules') return <Rules editor={editor} />;
  if (tab === 'accounts') return <Accounts editor={editor} />;
  if (!editor.config) return <p class="muted">The draft has problems: fix them to read it in words.</p>;
  const d = describe(editor.config);
  const subtitle = `Draft based on v${editor.base}, not published.`;
  return (
    <>
      <DocumentActions d={d} subtitle={subtitle} file="routing-draft.md" />
      <RoutingDocument d={d} subtitle={subtitle} />
    </>
  );
}

/** How many changes a draft makes to a version's JSON (0 when either does not parse). */
function diffConfigsSafe(a: unknown, b: unknown): number {
  const pa = parseConfig(a);
  const pb = parseConfig(b);
  return pa.ok && pb.ok ? diffConfigs(pa.config, pb.config).length : -1;
}

function DraftBar({ editor, savedAt, changes, discard }: { editor: Editor; savedAt: number; changes: number | undefined; discard: () => void }) {
  const behind = editor.base !== editor.live.version;
  if (changes === 0 && !behind)
    return <p class="draft-bar muted">No changes yet: you are editing a copy of the live version; it is saved on this browser as you go.</p>;
  return (
    <p class="draft-bar">
      <strong>Draft</strong> based on v{editor.base}, saved on this browser {when(savedAt)}
      {changes !== undefined && changes > 0 ? ` · ${changes === 1 ? '1 change' : `${changes} changes`}` : ''}
      {behind && <span class="warn"> · v{editor.live.version} was published since: review before publishing</span>}{' '}
      <a href="#/config/publish">Review &amp; publish</a>{' '}
      <button type="button" class="link" onClick={discard}>
        Discard draft
      </button>
    </p>
  );
}
