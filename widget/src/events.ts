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
   * The server refused the fields (`invalid`, with `issues`) or the submission (`refused`:
   * site, size), or the form type did not load (`load`). A failed send is no error: the lead
   * is saved and retried.
   */
  error: { formType: string; reason: 'invalid' | 'refused' | 'load'; status?: number; issues?: FieldIssue[] };
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
