/**
 * Sending a lead so that it is never lost: the submission is saved in localStorage before the
 * first attempt and stays there until the Worker accepts it (2xx) or the page cannot send it
 * (a 4xx refusal, or `blocked`, below). 429, 5xx and failures while offline retry with
 * backoff (1 s, 2 s, 4 s … 30 s), at once when the browser comes back online, and on the next
 * page that mounts the form. Every attempt of one submission carries the same Idempotency-Key,
 * so the Worker makes one lead of them.
 *
 * A network failure while the browser is online is no network trouble: the page's CSP blocks
 * the Worker (a `securitypolicyviolation` names it), or an extension or a proxy drops the
 * request (three failures in a row). That is `blocked`, final: retrying cannot help, and the
 * person must be told, not shown "sending…" forever.
 */
import type { FieldIssue, LeadSubmission } from '../../shared/lead/types.ts';
import type { Target } from './spec.ts';

/** A submission waiting to be accepted, as kept in localStorage. */
export interface Pending {
  /** The Idempotency-Key of every attempt. */
  key: string;
  submission: LeadSubmission;
}

/**
 * The Worker's 202. A junk lead's promises nothing: `owner.name` and `respondWithin` are null.
 * (It no longer says whether the lead was a duplicate: that told anyone with a site key whether
 * an address had enquired.)
 */
export interface Accepted {
  leadId: string;
  owner: { name: string | null };
  respondWithin: { minutes: number } | null;
}

/** The Worker's final answer: 202 `Accepted`, or a 4xx with its `message` and per-field `issues` (400). */
export type Answer = Partial<Accepted> & { issues?: FieldIssue[]; message?: string };

/** Why a send did not go through: the browser is offline (kept, retried), or the page cannot reach the Worker (final). */
export type Failure = 'offline' | 'blocked';

/**
 * What an attempt came to: its HTTP status (0 for a network failure), and its body when the
 * answer is final (`{}` for `blocked`); no body means it will be retried.
 */
export type Report = (status: number, answer?: Answer, failure?: Failure) => void;

/** Network failures in a row, while online, that make `blocked`. */
const UNREACHABLE = 3;

const storageKey = (t: Target) => `leadrouter:pending:${t.site}:${t.formType}`;

/** The submission an earlier page left unsent for this form, if any. */
export function pendingOf(target: Target): Pending | undefined {
  try {
    return JSON.parse(localStorage.getItem(storageKey(target))!) ?? undefined;
  } catch {}
}

/** A new submission with its own Idempotency-Key (`randomUUID` exists on https pages only). */
export function newPending(submission: LeadSubmission): Pending {
  return { key: crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`, submission };
}

/**
 * Delivers a submission until the Worker accepts or refuses it, or the page is found unable
 * to reach it.
 * @returns a function that stops retrying (the entry stays saved for the next page)
 */
export function deliver(target: Target, pending: Pending, report: Report): () => void {
  const key = storageKey(target);
  let attempt = 0;
  // Network failures in a row while online, and whether the page's CSP named the Worker.
  let lost = 0;
  let blocked = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    removeEventListener('online', online);
    removeEventListener('securitypolicyviolation', violation);
  };
  /** A final answer: the entry is done with. */
  const finish = (status: number, answer: Answer, failure?: Failure) => {
    stop();
    try {
      localStorage.removeItem(key);
    } catch {}
    report(status, answer, failure);
  };
  function online() {
    attempt = 0;
    void send();
  }
  // Fired on the document (and bubbling to window) when the CSP refuses a connection: before
  // or after the fetch fails, so it is heard for as long as the submission is out.
  function violation(event: Event) {
    if (!(event as SecurityPolicyViolationEvent).blockedURI?.startsWith(target.api)) return;
    blocked = true;
    if (timer) finish(0, {}, 'blocked');
  }
  async function send() {
    // An `online` event during an attempt makes a second one: same key, so still one lead.
    if (stopped) return;
    clearTimeout(timer);
    timer = undefined;
    const res = await fetch(`${target.api}/v1/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Site-Key': target.site, 'Idempotency-Key': pending.key },
      body: JSON.stringify(pending.submission),
      // The person may leave the page right after clicking: the request finishes anyway.
      keepalive: true,
    }).catch(() => undefined);
    if (stopped) return;
    const status = res?.status ?? 0;
    const offline = !navigator.onLine;
    if (!status && !offline && (blocked || ++lost >= UNREACHABLE)) return finish(0, {}, 'blocked');
    if (!status || status === 429 || status > 499) {
      if (status) lost = 0;
      timer = setTimeout(send, Math.min(30_000, 1000 * 2 ** attempt++));
      return report(status, undefined, offline ? 'offline' : undefined);
    }
    finish(status, await res!.json().catch(() => ({})));
  }

  try {
    localStorage.setItem(key, JSON.stringify(pending));
  } catch {
    // No storage (privacy mode): this page's retries still run.
  }
  addEventListener('online', online);
  addEventListener('securitypolicyviolation', violation);
  void send();
  return stop;
}
