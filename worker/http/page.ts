/**
 * The small, self-contained HTML pages the Worker writes (the ack link, the dev outbox): no
 * scripts, one inline style sheet, and the headers that keep them that way.
 */
import type { Context, Next } from 'hono';
import { escapeHtml } from '../../shared/messages/escape.ts';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}main{max-width:860px;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin-top:0}dt{font-weight:600;color:#566}dd{margin:0 0 .6rem}button{font:inherit;padding:.7rem 1.4rem;border:0;border-radius:8px;background:#2457d6;color:#fff;cursor:pointer}
.note{color:#566}.ok{color:#1a7f37}.warn{color:#b35900}table{border-collapse:collapse;width:100%;font-size:14px}td,th{border-bottom:1px solid #e3e6ea;padding:.4rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;word-break:break-word;margin:0;font-size:12px}`;

/** Wraps body HTML (already escaped by the caller) in a page. */
export function page(title: string, bodyHtml: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${bodyHtml}</main></body></html>`;
}

/** Escapes text for HTML. */
export const h = escapeHtml;

let policy: Promise<string> | undefined;

/**
 * The pages' Content-Security-Policy: nothing may load or run but the one style sheet (allowed
 * by its hash), forms post only here, and no other site may frame the page (clickjacking an
 * "Acknowledge" button).
 */
export function pagePolicy(): Promise<string> {
  policy ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(STYLE)).then((digest) => {
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
  });
  return policy;
}

/**
 * Middleware: every HTML answer of the Worker gets the pages' CSP, no referrer (an ack link
 * carries its signature in the URL) and no MIME sniffing.
 */
export async function pageHeaders(c: Context, next: Next): Promise<void> {
  await next();
  if (!c.res.headers.get('Content-Type')?.startsWith('text/html')) return;
  c.res.headers.set('Content-Security-Policy', await pagePolicy());
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
}
