/**
 * Where the lead came from: page, referrer, the visit's first page and its UTM parameters,
 * locale, honeypot, and how the values got in (time on form, keys, autofill, paste). Routing
 * and qualification read these (lead source, fast fills); none of it is something the person
 * types.
 */
import type { LeadContext } from '../../shared/lead/types.ts';

type Utm = NonNullable<LeadContext['utm']>;

/** The UTM parameters of a URL, or undefined when it has none. */
function utmOf(url: string): Utm | undefined {
  const params = new URL(url).searchParams;
  let utm: Utm | undefined;
  for (const key of ['source', 'medium', 'campaign', 'term', 'content'] as const) {
    const value = params.get(`utm_${key}`);
    if (value) (utm ??= {})[key] = value;
  }
  return utm;
}

/**
 * The visit's first page, recorded once per browser session (sessionStorage: one tab, one
 * visit): campaigns tag the landing page, and the form is often a few clicks further on.
 */
export function rememberVisit(): string {
  try {
    return (sessionStorage['leadrouter:visit'] ||= location.href);
  } catch {
    // Storage off (privacy mode, sandboxed frame): this page is all we know.
    return location.href;
  }
}

/** The context sent with a lead; UTM from this page, else from the visit's first page. */
export function pageContext(locale: string, watch: FormWatch, honeypot: string): LeadContext {
  const landingUrl = rememberVisit();
  return {
    pageUrl: location.href,
    referrer: document.referrer,
    landingUrl,
    utm: utmOf(location.href) ?? utmOf(landingUrl) ?? {},
    locale,
    honeypot,
    ...watch.evidence(),
  };
}

/** How the values got into one form: what the Worker reads to tell a person from a script. */
export type Evidence = Required<Pick<LeadContext, 'timeOnFormMs' | 'autofilled' | 'pasted' | 'keysTyped'>>;

/**
 * Watches one form: time on form (first focus or input to submit), keys pressed, and whether
 * the browser autofilled or the person pasted. A fast fill is a bot only when none of these
 * explain it, so the Worker no longer junks a person whose browser filled the form in a second.
 */
export interface FormWatch {
  /** Starts the clock (focus); later calls do nothing. */
  start(): void;
  /** A `keydown` in the form. */
  key(event: KeyboardEvent): void;
  /** An `input` in the form. */
  input(event: InputEvent): void;
  /** What was seen so far; `timeOnFormMs` is 0 when the clock never started. */
  evidence(): Evidence;
}

/** A new {@link FormWatch}. */
export function formWatch(): FormWatch {
  let started = 0;
  let keysTyped = 0;
  let autofilled = false;
  let pasted = false;
  const start = () => {
    started ||= Date.now();
  };
  return {
    start,
    // Chrome's autofill sends a bare `keydown` Event with each value: it has no key.
    key: (event) => event.key && keysTyped++,
    input: (event) => {
      start();
      const kind = event.inputType;
      // Autofill: Chrome fires a bare `input` Event (no inputType), Firefox and Safari
      // `insertReplacementText`; a paste or a drop is `insertFromPaste` / `insertFromDrop`.
      if (/^(|insertReplacementText)$/.test(kind ?? '')) autofilled = true;
      else if (/Paste|Drop/.test(kind)) pasted = true;
    },
    evidence: () => ({ timeOnFormMs: started && Date.now() - started, autofilled, pasted, keysTyped }),
  };
}
