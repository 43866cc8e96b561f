/**
 * The events a host page can listen to: DOM events `leadrouter:<name>` on the form's host
 * element (bubbling and composed, so they reach `document`), or `LeadRouter('on', name, fn)`,
 * which listens for them on `document`. A throwing handler is the browser's to report: it
 * cannot break the form. No personal data in them: analytics need outcomes, not addresses.
 */
import type { FieldIssue } from '../../shared/lead/types.ts';

/** Every event and its detail. */
export interface LeadRouterEvents {
  /**
   * The Worker accepted the lead: who answers and when, or `respondWithin: null` when nobody
   * promised an answer (a lead held for review).
   */
  submitted: { formType: string; leadId: string; owner: { name: string | null }; respondWithin: { minutes: number } | null };
  /**
   * The lead could not be sent, and the person was told: `invalid` (400, the fields, with
   * `issues`), `refused` (another 4xx: the page's origin or site key, with the Worker's
   * `message`), `blocked` (the page cannot reach the Worker: its CSP's `connect-src`, an
   * extension, a proxy). Or it is not sent yet: `offline`, fired once, the lead kept and sent
   * when the browser is back online (`submitted` follows). Or the form type did not load (`load`).
   */
  error: { formType: string; reason: 'invalid' | 'refused' | 'blocked' | 'offline' | 'load'; status?: number; issues?: FieldIssue[]; message?: string };
}

/** An event's name. */
export type EventName = keyof LeadRouterEvents;

/** Emits an event of one form. */
export type Emit = <N extends EventName>(name: N, detail: LeadRouterEvents[N]) => void;

/** The event names, to check `LeadRouter('on', …)` calls. */
export const EVENT_NAMES: readonly string[] = ['submitted', 'error'];

/** An {@link Emit} that dispatches on the form's host element. */
export const emitter =
  (host: Element): Emit =>
  (name, detail) =>
    host.dispatchEvent(new CustomEvent(`leadrouter:${name}`, { detail, bubbles: true, composed: true }));
