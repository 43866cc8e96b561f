/**
 * The small HTML pages the Worker writes (the ack link, the dev outbox): no scripts, one style
 * sheet (`/page.css`, a static asset copied from page.css by the build), and the headers that
 * keep them that way.
 */
import type { Context, Next } from 'hono';
import { escapeHtml } from '../../shared/messages/escape.ts';

/** Wraps body HTML (already escaped by the caller) in a page. */
export function page(title: string, bodyHtml: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/page.css"></head><body><main>${bodyHtml}</main></body></html>`;
}

/** Escapes text for HTML. */
export const h = escapeHtml;

/**
 * The pages' Content-Security-Policy: nothing may load or run but this origin's style sheet,
 * forms post only here, and no other site may frame the page (clickjacking an "Acknowledge" button).
 */
export const PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Middleware: every HTML answer of the Worker gets the pages' CSP, no referrer (an ack link
 * carries its signature in the URL) and no MIME sniffing.
 */
export async function pageHeaders(c: Context, next: Next): Promise<void> {
  await next();
  if (!c.res.headers.get('Content-Type')?.startsWith('text/html')) return;
  c.res.headers.set('Content-Security-Policy', PAGE_POLICY);
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
}
