/**
 * The widget tests' page: form types as the Worker serves them, a fake Worker at the network
 * edge (`fetch`), script tags, and two ways to load the widget into the page: its source
 * modules, or the built, minified `widget.js` evaluated as a browser would run it. The lazy
 * chunks (`widget-<name>.js`) are served to the `<script>` tags the widget adds, the same way:
 * their source modules, or their built files run as the browser runs them.
 */
import { fireEvent, within } from '@testing-library/preact';
import { inject, vi } from 'vitest';
import config from '../../shared/config/examples/routing.json';
import { parseConfig } from '../../shared/config/parse.ts';
import type { FieldIssue } from '../../shared/lead/types.ts';
import type { Chunks } from '../../widget/src/lazy.ts';
import type { FormSpec } from '../../widget/src/spec.ts';
import { formSpecs } from '../../worker/http/form-specs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The text of the built `dist/public/widget.js` (see global-setup.ts). */
    widgetBundle: string;
    /** The text of each built lazy chunk, `dist/public/widget-<name>.js`, by name. */
    widgetChunks: Record<string, string>;
  }
}

/** Where the Worker is in the tests, and so where `widget.js` comes from. */
export const WORKER = 'https://router.test';
export const SITE = 'demo';

const parsed = parseConfig(config);
if (!parsed.ok) throw new Error('the example routing config does not parse');

/**
 * Every form type of the example routing config, as the Worker inlines them in widget.js and
 * serves them at `GET /v1/forms/<formType>`: built by the Worker's own code. Assigned to the
 * widget's own type, so the two cannot drift apart.
 */
export const FORMS: Record<string, FormSpec> = formSpecs(parsed.config);

/**
 * Loads the widget into the page, as one `<script src=".../widget.js">` executing; `before`
 * runs first in the same mode, as what the Worker serves in front of the bundle.
 */
export type Loader = (before?: () => void) => Promise<void>;

/** The lazy chunks' source modules, which a chunk's built file registers as its exports. */
const SOURCE_CHUNKS: Chunks = {
  es: await import('../../widget/src/chunks/es.ts'),
  email: await import('../../widget/src/chunks/email.ts'),
  phone: await import('../../widget/src/chunks/phone.ts'),
};

/** What the current test loaded: the chunks are served the same way. */
let loaded: 'source' | 'bundle' = 'source';

/** The source modules, freshly imported (a new module instance, like a new script run). */
export const loadSource: Loader = async (before) => {
  loaded = 'source';
  before?.();
  vi.resetModules();
  await import('../../widget/src/index.ts');
};

/** The built bundle, evaluated in the page's global scope. */
export const loadBundle: Loader = async (before) => {
  loaded = 'bundle';
  before?.();
  new Function(inject('widgetBundle'))();
};

/** A lazy chunk's `<script>` the widget added: its URL and nonce. */
export interface ChunkRequest {
  url: string;
  nonce: string;
}

/** The lazy chunks the page asked for, in order. */
export const chunkRequests: ChunkRequest[] = [];

/** Names of chunks that fail to load on this page (offline, blocked by the page's CSP). */
export const failingChunks = new Set<string>();

/** Chunk scripts held back by {@link holdChunks}, and those let through. */
let held: HTMLScriptElement[] | undefined;
const served = new WeakSet<HTMLScriptElement>();

/** Runs a chunk's code (its source module's exports, or its built file), then fires `load`. */
function serve(script: HTMLScriptElement, name: keyof Chunks): void {
  if (loaded === 'bundle') new Function(inject('widgetChunks')[name]!)();
  else (window.__leadRouterChunks ??= {})[name] = SOURCE_CHUNKS[name] as never;
  served.add(script);
  script.dispatchEvent(new Event('load'));
}

/**
 * A slow network: chunks asked for from now on arrive only when the returned function is
 * called (in the order they were asked for).
 */
export function holdChunks(): () => void {
  held = [];
  return () => {
    const scripts = held ?? [];
    held = undefined;
    for (const script of scripts) serve(script, chunkName(script)!);
  };
}

/** The chunk a script tag asks for: `…/widget-<name>.js`, wherever widget.js is. */
const chunkName = (script: HTMLScriptElement) => /\/widget-(\w+)\.js$/.exec(script.src ?? '')?.[1] as keyof Chunks | undefined;

// happy-dom loads no script files: it fires `load` on a script as soon as it is in the page.
// Caught on its way down (capture, on the document), a chunk's `load` is held back until its
// code has run, as in a browser; a failing chunk gets `error` instead.
document.addEventListener(
  'load',
  (event) => {
    const script = event.target as HTMLScriptElement;
    const name = script.tagName === 'SCRIPT' ? chunkName(script) : undefined;
    if (!name || served.has(script)) return;
    event.stopImmediatePropagation();
    chunkRequests.push({ url: script.src, nonce: script.nonce });
    if (failingChunks.has(name) || !(name in SOURCE_CHUNKS)) script.dispatchEvent(new Event('error'));
    else if (held) held.push(script);
    else serve(script, name);
  },
  true,
);

/**
 * A language's strings served inline before the bundle, as `widget.js?lang=es` does: the
 * chunk's code runs before widget.js (its source module's exports, or its built file).
 */
export function inlineStrings(name: 'es'): void {
  if (loaded === 'bundle') new Function(inject('widgetChunks')[name]!)();
  else (window.__leadRouterChunks ??= {})[name] = SOURCE_CHUNKS[name] as never;
}

/** Both, for `describe.each`. */
export const LOADERS: [string, Loader][] = [
  ['source', loadSource],
  ['bundle', loadBundle],
];

/**
 * Adds a `<script src="https://router.test/widget.js" data-*>` (or `src`) to the page (or
 * `parent`) and makes it `document.currentScript`, as while it runs.
 */
export function addScript(data: Record<string, string> = {}, parent: Element = document.body, src = `${WORKER}/widget.js`): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = src;
  Object.assign(script.dataset, data);
  parent.append(script);
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script });
  return script;
}

// The window listeners the widget adds (`online`, `LeadRouter('on')`): a new page has none, so
// an earlier test's retrying submission cannot answer a later test's `online` event.
const listeners: [string, EventListenerOrEventListenerObject][] = [];
const addListener = window.addEventListener;
window.addEventListener = function (this: Window, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
  listeners.push([type, listener]);
  addListener.call(this, type, listener, options);
} as typeof window.addEventListener;

/**
 * A fresh page: no widget, no forms, no listeners of the last one, empty storage, and the
 * Worker's inlined form types (`null`: none, as when widget.js is served elsewhere). A
 * submission still retrying on fake timers dies with them.
 */
export function resetPage(forms: Record<string, FormSpec> | null = FORMS): void {
  for (const [type, listener] of listeners.splice(0)) window.removeEventListener(type, listener);
  vi.clearAllTimers();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.documentElement.lang = '';
  delete window.LeadRouter;
  delete window.__leadRouterChunks;
  chunkRequests.length = 0;
  failingChunks.clear();
  held = undefined;
  window.__leadRouterForms = forms ? structuredClone(forms) : undefined;
  localStorage.clear();
  sessionStorage.clear();
}

/** An answer of the fake Worker to `POST /v1/leads`: a status and body, or a network failure. */
export type WorkerAnswer = { status: number; body?: unknown } | 'network';

/** A request the page made. */
export interface Request {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: any;
  /** `Date.now()` when it was made (fake timers make it exact). */
  at: number;
}

/** The default 202: Dana owns the lead and answers within 15 minutes. */
export const ACCEPTED = { status: 202, body: { leadId: 'lead_1', owner: { name: 'Dana' }, respondWithin: { minutes: 15 } } };

/** The 202 of a junk lead: accepted for review, and nobody promised (issue 9, case 4). */
export const ACCEPTED_JUNK = { status: 202, body: { leadId: 'lead_j', owner: { name: null }, respondWithin: null } };

/** A 400 as the Worker words it. */
export const invalid = (...issues: FieldIssue[]): WorkerAnswer => ({
  status: 400,
  body: { error: 'invalid_lead', message: 'Some fields need attention', issues },
});

/**
 * Replaces `fetch` with a fake Worker: form types from {@link FORMS}, and `POST /v1/leads`
 * answered from `answers` in order (then {@link ACCEPTED}).
 */
export function fakeWorker(...answers: WorkerAnswer[]) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: string | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    requests.push({ url, method, headers: { ...(init.headers as Record<string, string>) }, body: init.body && JSON.parse(String(init.body)), at: Date.now() });
    const path = new URL(url).pathname;
    if (method === 'GET' && path.startsWith('/v1/forms/')) {
      const spec = FORMS[path.slice('/v1/forms/'.length)];
      return spec ? Response.json(spec) : Response.json({ error: 'not_found' }, { status: 404 });
    }
    const answer = answers.shift() ?? ACCEPTED;
    if (answer === 'network') throw new TypeError('Failed to fetch');
    return Response.json(answer.body ?? {}, { status: answer.status });
  });
  globalThis.fetch = fetch as typeof globalThis.fetch;
  return {
    requests,
    /** The lead submissions made so far. */
    posts: () => requests.filter((request) => request.method === 'POST'),
  };
}

/** The shadow roots of the forms on the page, in page order. */
export function forms(): ShadowRoot[] {
  return [...document.querySelectorAll('lead-router')].map((host) => host.shadowRoot!);
}

/** Waits until the first form shows its fields: a Spanish one renders once its strings' chunk is there. */
export const rendered = (): Promise<void> =>
  vi.waitFor(() => {
    if (!forms()[0]?.querySelector('fieldset')) throw new Error('the form has no fields yet');
  });

/** Testing Library queries inside a form's shadow root. */
export const inForm = (root: ShadowRoot = forms()[0]!) => within(root as unknown as HTMLElement);

/** A form's control by field name. */
export const control = (name: string, root: ShadowRoot = forms()[0]!) => root.querySelector(`[name=${name}]`) as HTMLInputElement;

/** Types a value as a person would: input events, then leaving the field. */
export function type(name: string, value: string | boolean, root: ShadowRoot = forms()[0]!): void {
  const el = control(name, root);
  fireEvent.focusIn(el);
  if (typeof value === 'boolean') {
    el.checked = value;
    fireEvent.change(el);
  } else {
    el.value = value;
    fireEvent.input(el);
  }
  fireEvent.blur(el);
}

/**
 * Types `text` into a field key by key, as a keyboard does: focus, then per character a
 * `keydown` and an `insertText` input event, the caret at the end.
 */
export function typeKeys(name: string, text: string, root: ShadowRoot = forms()[0]!): void {
  const el = control(name, root);
  el.focus();
  fireEvent.focusIn(el);
  for (const data of text) {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: data, bubbles: true, composed: true }));
    el.value += data;
    el.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data, bubbles: true, composed: true }));
  }
}

/**
 * Fills fields as Chrome's autofill does (seen in Chromium 156, test/e2e): per field a bare
 * `keydown` Event (no key), the value, a bare `input` Event (no `inputType`) and `change`;
 * only the first field gets focus.
 */
export function autofill(values: Record<string, string>, root: ShadowRoot = forms()[0]!): void {
  fireEvent.focusIn(control(Object.keys(values)[0]!, root));
  for (const [name, value] of Object.entries(values)) {
    const el = control(name, root);
    el.dispatchEvent(new Event('keydown', { bubbles: true, composed: true }));
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
}

/** Pastes `text` into a field: an `insertFromPaste` input event. */
export function paste(name: string, text: string, root: ShadowRoot = forms()[0]!): void {
  const el = control(name, root);
  fireEvent.focusIn(el);
  el.value += text;
  el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true, composed: true }));
}

/** Presses Backspace in a field, the caret at the end. */
export function backspace(name: string, root: ShadowRoot = forms()[0]!): void {
  const el = control(name, root);
  el.value = el.value.slice(0, -1);
  el.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true, composed: true }));
}

/** Fills every field of a contact form validly. */
export function fillContact(root?: ShadowRoot): void {
  type('firstName', 'Ana', root);
  type('email', 'ana@acme.com', root);
  type('message', 'We need a quote for 40 seats', root);
}

/** Presses the form's submit button. */
export function submit(root: ShadowRoot = forms()[0]!): void {
  (root.querySelector('button:not([type=button])') as HTMLButtonElement).click();
}

/** The storage key of a form's unsent submission. */
export const pendingKey = (formType: string) => `leadrouter:pending:${SITE}:${formType}`;
