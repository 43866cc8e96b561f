/**
 * The embed entry (`widget.js`): the one global, `window.LeadRouter`, its queue replay, and
 * the script tags that mount forms by themselves.
 *
 * @example
 * <script src="https://leads.example.com/widget.js" data-site="demo" data-form="demo_request" async></script>
 * <script>
 *   window.LeadRouter = window.LeadRouter || function () { (LeadRouter.q = LeadRouter.q || []).push(arguments) };
 *   LeadRouter('on', 'submitted', (lead) => analytics.track('lead', lead));
 *   LeadRouter('mount', { target: '#contact', site: 'demo', form: 'contact', lang: 'es' });
 * </script>
 */
import type { LeadFields } from '../../shared/lead/types.ts';
import { rememberVisit } from './context.ts';
import { EVENT_NAMES, type EventName, type LeadRouterEvents } from './events.ts';
import { script as self } from './lazy.ts';
import { mount, type MountOptions, type Mounted } from './mount.ts';

export type { LeadRouterEvents } from './events.ts';
export type { MountOptions } from './mount.ts';

/** The page's API. Bad calls are warned about and skipped: nothing is thrown into the page. */
export interface LeadRouter {
  (command: 'mount', options: MountOptions): void;
  <N extends EventName>(command: 'on', event: N, handler: (detail: LeadRouterEvents[N]) => void): void;
  (command: 'prefill', values: LeadFields): void;
  /** Calls the stub queued before the bundle loaded. */
  q?: ArrayLike<unknown>[];
  /** Mounts the script tags not mounted yet: a later copy of the bundle asks the first one. */
  scan?: () => void;
}

declare global {
  interface Window {
    LeadRouter?: LeadRouter;
  }
}

// A page may load widget.js once per form: a later copy hands its script tag to the first.
const loaded = window.LeadRouter;
if (loaded?.scan) loaded.scan();
else {
  const forms: Mounted[] = [];
  const scripts = new WeakSet<Element>();
  let prefilled: LeadFields = {};

  const warn = (...args: unknown[]) => console.warn('LeadRouter: skipped', ...args);
  /** The Worker's origin for a script tag: `data-api`, else the origin the script came from. */
  const apiOf = (script: HTMLScriptElement | null) => script?.dataset.api || new URL(script?.src || location.href).origin;

  /**
   * Mounts a form into `options.target` (an element or a selector), else right after `script`.
   * Waits for the page when it is still being parsed (a call queued in <head>).
   */
  const place = (options: Partial<MountOptions>, script?: Element): unknown => {
    const { target, site, form } = options;
    const container = target ? (target instanceof Element ? target : document.querySelector(target)) : script?.parentElement;
    if (site && form && container && container !== document.head) {
      return forms.push(
        mount(container, { api: apiOf(self), ...options, prefill: { ...prefilled, ...options.prefill } } as MountOptions, target ? undefined : script),
      );
    }
    if (document.readyState === 'loading') return addEventListener('DOMContentLoaded', () => place(options, script));
    warn('mount', options);
  };

  const api: LeadRouter = function LeadRouter(command: unknown, arg?: any, handler?: unknown) {
    try {
      if (command === 'mount' && arg) place(arg);
      else if (command === 'on' && EVENT_NAMES.includes(arg) && typeof handler === 'function') {
        addEventListener(`leadrouter:${arg}`, (event) => {
          // A failing analytics handler is reported, and the form goes on.
          try {
            handler((event as CustomEvent).detail);
          } catch (error) {
            console.error(error);
          }
        });
      } else if (command === 'prefill' && typeof arg === 'object') {
        prefilled = { ...prefilled, ...arg };
        for (const form of forms) form.prefill(arg);
      } else warn(command, arg);
    } catch (error) {
      warn(command, error);
    }
  };

  api.scan = () => {
    for (const script of document.querySelectorAll<HTMLScriptElement>('script[data-site][data-form]')) {
      if (scripts.has(script)) continue;
      scripts.add(script);
      try {
        // data-site, data-form, data-target, data-lang, data-country, data-theme, data-nonce,
        // data-api; `widget.js?lang=es` (its strings served inline) is the tag's language too.
        const lang = new URL(script.src, location.href).searchParams.get('lang') || undefined;
        place({ lang, ...script.dataset, api: apiOf(script), nonce: script.nonce || script.dataset.nonce }, script);
      } catch (error) {
        warn(script, error);
      }
    }
  };

  rememberVisit();
  const queued = loaded?.q ?? [];
  window.LeadRouter = api;
  for (const args of queued) (api as (...args: unknown[]) => void)(...Array.from(args));
  api.scan();
}
