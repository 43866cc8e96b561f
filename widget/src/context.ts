/**
 * Where the lead came from: page, referrer, the visit's first page and its UTM parameters,
 * locale, time on form, honeypot. Routing and qualification read these (lead source, fast
 * fills); none of it is something the person types.
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
export function pageContext(locale: string, timeOnFormMs: number, honeypot: string): LeadContext {
  const landingUrl = rememberVisit();
  return {
    pageUrl: location.href,
    referrer: document.referrer,
    landingUrl,
    utm: utmOf(location.href) ?? utmOf(landingUrl) ?? {},
    locale,
    timeOnFormMs,
    honeypot,
  };
}

/** Time on form: from the first focus or keystroke in the form to submit. */
export interface FormClock {
  /** Starts the clock; later calls do nothing. */
  start(): void;
  /** Milliseconds since start, 0 when it never started. */
  elapsed(): number;
}

/** A new {@link FormClock}. */
export function formClock(): FormClock {
  let started = 0;
  return {
    start: () => {
      started ||= Date.now();
    },
    elapsed: () => (started && Date.now() - started),
  };
}
