/**
 * The widget tests' page: form types as the Worker serves them, a fake Worker at the network
 * edge (`fetch`), script tags, and two ways to load the widget into the page: its source
 * modules, or the built, minified `widget.js` evaluated as a browser would run it.
 */
import { fireEvent, within } from '@testing-library/preact';
import { inject, vi } from 'vitest';
import config from '../../shared/config/examples/routing.json';
import type { FieldIssue } from '../../shared/lead/types.ts';
import type { FormSpec } from '../../widget/src/spec.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The text of the built `dist/public/widget.js` (see global-setup.ts). */
    widgetBundle: string;
  }
}

/** Where the Worker is in the tests, and so where `widget.js` comes from. */
export const WORKER = 'https://router.test';
export const SITE = 'demo';

/** Every form type of the example routing config, as `GET /v1/forms/<formType>` serves it. */
export const FORMS: Record<string, FormSpec> = Object.fromEntries(
  Object.entries(config.formTypes).map(([formType, form]) => [formType, { ...form, formType, brand: config.brand.name } as unknown as FormSpec]),
);

/** Loads the widget into the page, as one `<script src=".../widget.js">` executing. */
export type Loader = () => Promise<void>;

/** The source modules, freshly imported (a new module instance, like a new script run). */
export const loadSource: Loader = async () => {
  vi.resetModules();
  await import('../../widget/src/index.ts');
};

/** The built bundle, evaluated in the page's global scope. */
export const loadBundle: Loader = async () => {
  new Function(inject('widgetBundle'))();
};

/** Both, for `describe.each`. */
export const LOADERS: [string, Loader][] = [
  ['source', loadSource],
  ['bundle', loadBundle],
];

/**
 * Adds a `<script src="https://router.test/widget.js" data-*>` to the page (or `parent`) and
 * makes it `document.currentScript`, as while it runs.
 */
export function addScript(data: Record<string, string> = {}, parent: Element = document.body): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = `${WORKER}/widget.js`;
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
export const ACCEPTED = { status: 202, body: { leadId: 'lead_1', duplicate: false, owner: { name: 'Dana' }, respondWithin: { minutes: 15 } } };

/** A 400 as the Worker words it. */
export const invalid = (...issues: FieldIssue[]): WorkerAnswer => ({ status: 400, body: { error: 'invalid_lead', message: 'Some fields need attention', issues } });

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
