/**
 * Lazy chunks: the parts of the widget a page may never need, kept out of widget.js so its
 * first load fits 10 KB gzip. Each is its own classic script next to widget.js
 * (`widget-<name>.js`, a static asset of the Worker), resolved from the URL widget.js was
 * loaded from, never from the host page, and carrying widget.js's own CSP nonce.
 *
 * - `es`: the Spanish strings, fetched before a Spanish form renders;
 * - `email`: the free-mail list and the typo hint, fetched when the email field is first used;
 * - `phone`: libphonenumber-js and its metadata, fetched when the phone field is first used.
 *
 * A chunk registers itself on `window.__leadRouterChunks` (the build wraps each entry so), and
 * is fetched once per page. One that fails to load (offline, blocked) leaves its feature out:
 * the Worker checks and normalises every lead anyway.
 */
import type * as Email from './chunks/email.ts';
import type * as Es from './chunks/es.ts';
import type * as Phone from './chunks/phone.ts';

/** Every lazy chunk and what it holds. */
export interface Chunks {
  es: typeof Es;
  email: typeof Email;
  phone: typeof Phone;
}

declare global {
  interface Window {
    /** The lazy chunks loaded on this page, by name. */
    __leadRouterChunks?: Partial<Chunks>;
  }
}

/** The script tag of this copy of widget.js: captured now, `currentScript` is null once this run is over. */
export const script = document.currentScript as HTMLScriptElement | null;

const loading: Partial<Record<keyof Chunks, Promise<unknown>>> = {};

/**
 * A chunk, fetched on the first call (a `<script>` in `<head>`); the same promise afterwards.
 * Rejects when the chunk cannot be had, for the rest of the page's life.
 * @example load('phone').then((phone) => phone.e164('(415) 555-2671', 'US'))
 */
export function load<N extends keyof Chunks>(name: N): Promise<Chunks[N]> {
  return (loading[name] ??= new Promise((resolve, reject) => {
    // `load` comes after the script ran: registered by then, or it was not our chunk.
    const ready = () => {
      const chunk = window.__leadRouterChunks?.[name];
      chunk ? resolve(chunk) : reject();
    };
    // Another copy of widget.js on the page may have loaded it already.
    if (window.__leadRouterChunks?.[name]) return ready();
    const tag = document.createElement('script');
    tag.src = new URL(`widget-${name}.js`, script?.src || location.href).href;
    tag.nonce = script?.nonce || '';
    tag.onload = ready;
    tag.onerror = reject;
    document.head.append(tag);
  })) as Promise<Chunks[N]>;
}
