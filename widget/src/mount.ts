/**
 * Putting a form on the page: a host element with an open shadow root (the page's CSS stays
 * out, ours stays in), the styles, the theme, and the Preact form inside.
 */
import type { LeadFields } from '../../shared/lead/types.ts';
import { emitter } from './events.ts';
import { startForm } from './form.tsx';
import { pickLocale } from './i18n.ts';
import { applyStyles } from './styles.ts';

/** The options of `LeadRouter('mount', …)`; a script tag gives the same as `data-*` attributes. */
export interface MountOptions {
  /** The element (or a selector for it) the form goes into. */
  target: string | Element;
  /** The site key. */
  site: string;
  /** The form type. */
  form: string;
  /** `en` or `es`, or a full locale (`es-MX`); default: `<html lang>`, then the browser's. */
  lang?: string;
  /**
   * The phone's default country (ISO alpha-2, `MX`); default: the locale's region (`es-MX`),
   * then the browser's, then the form type's default country.
   */
  country?: string;
  /** `dark` for the dark theme. */
  theme?: string;
  /** The page's CSP nonce, for the `<style>` fallback. */
  nonce?: string;
  /** Values to start the fields with. */
  prefill?: LeadFields;
  /** The Worker's origin; default: the origin `widget.js` was loaded from. */
  api?: string;
}

/** A mounted form: its host element, and a way to fill fields in later. */
export interface Mounted {
  host: Element;
  prefill(values: LeadFields): void;
}

/**
 * Mounts a form at the end of `container`, or right after `after` (its script tag).
 * @example mount(document.body, { target: document.body, site: 'demo', form: 'contact', api: 'https://leads.example.com' })
 */
export function mount(container: Element, options: MountOptions, after?: Element): Mounted {
  // A custom element name: page rules for `div` or `form` never match it.
  const host = document.createElement('lead-router');
  // Inline and important, so a page's `* { display: none }` cannot hide the form.
  host.style.setProperty('display', 'block', 'important');
  if (options.theme) host.dataset.theme = options.theme;
  container.insertBefore(host, after ? after.nextSibling : null);
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root, options.nonce);
  const wrapper = root.appendChild(document.createElement('div'));
  wrapper.className = 'lr';
  const target = { api: options.api!, site: options.site, formType: options.form };
  const prefill = startForm(wrapper, {
    target,
    locale: pickLocale(options.lang),
    country: options.country,
    emit: emitter(host),
    prefill: options.prefill ?? {},
  });
  return { host, prefill };
}
