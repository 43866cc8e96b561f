/**
 * What the account syncs share: one page of a CRM's accounts or contacts, and how an answer is
 * read: a page, "wait until" (rate limits: HubSpot's 429 with `Retry-After`, Salesforce's
 * `REQUEST_LIMIT_EXCEEDED`), or an error, worth retrying or not.
 */
import type { IndexedAccount } from '../../shared/accounts/types.ts';
import type { ContactRow } from './store.ts';

/** What a sync reads from a CRM, in this order. */
export type Stream = 'accounts' | 'contacts';

/** One page, read. */
export interface Page {
  accounts: IndexedAccount[];
  contacts: ContactRow[];
  /** The cursor of the next page; undefined when the stream is done (or restarts, below). */
  next?: string;
  /**
   * A search that cannot page further (HubSpot stops at 10,000 results) restarts from this
   * last-modified instant, with no cursor.
   */
  restartSince?: number;
  /** The latest last-modified instant on the page (epoch ms). */
  modified?: number;
}

/** The outcome of asking for one page. */
export type PageOutcome = { kind: 'page'; page: Page } | { kind: 'wait'; until: number; why: string } | { kind: 'error'; retry: boolean; why: string };

/** Where a page is asked for. */
export interface PageQuery {
  stream: Stream;
  /** The cursor from the previous page; undefined for the first. */
  cursor?: string;
  /** Only records modified since (epoch ms); undefined for a full run. */
  since?: number;
  now: number;
}

/** Retry-After as an instant: seconds (or an HTTP date), else `fallbackMs` from now. */
export function retryAfter(res: Response, now: number, fallbackMs: number): number {
  const header = res.headers.get('retry-after');
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return now + Math.ceil(seconds * 1000);
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.max(now, date);
  }
  return now + fallbackMs;
}

/** An error outcome for a non-2xx answer: 5xx and timeouts are worth retrying, the rest is not (until the setup is fixed). */
export async function failure(res: Response, what: string): Promise<PageOutcome> {
  const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
  return { kind: 'error', retry: res.status >= 500 || res.status === 408, why: `${what} answered ${res.status}: ${text}` };
}

/** An instant from a CRM date (`2024-01-15T10:20:30.000+0000`, ISO, or epoch ms as text). */
export function instant(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const t = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(t) ? t : undefined;
}

/** A CRM date as `YYYY-MM-DD`, or undefined. */
export function day(value: unknown): string | undefined {
  const t = instant(value);
  return t === undefined ? undefined : new Date(t).toISOString().slice(0, 10);
}
