/**
 * Form types as the browser receives them: the routing config's `formTypes` entry trimmed to
 * what a form needs. Data, not code, so the widget and the Worker
 * validate with the same field specs (`validateField`) and cannot disagree.
 */
import type { FormFieldsSpec } from '../../shared/lead/validate.ts';

/**
 * One form type, as served by `GET /v1/forms/<formType>` or inlined before the bundle: the
 * Worker's `FormSpec` (worker/http/form-specs.ts), which a test holds this to.
 */
export interface FormSpec extends FormFieldsSpec {
  /** The form's name in the config ("Book a demo"): the submit button's text in English. */
  label: string;
  /** The country of a local-service form: the phone's default region. */
  defaultCountry?: string;
  /** `urgent` forms promise a call ("Dana will call you…"). */
  urgency?: 'normal' | 'high' | 'urgent';
  /** Where a person can write when the form cannot send. */
  contact?: string;
}

/** Where a form sends its leads: the Worker's origin, the site key, the form type. */
export interface Target {
  api: string;
  site: string;
  formType: string;
}

declare global {
  interface Window {
    /** Every form type of the live config, prefixed to `widget.js` by the Worker that serves it. */
    __leadRouterForms?: Record<string, FormSpec>;
  }
}

/** The form type inlined by the Worker before the bundle, when there is one. */
export function inlineSpec(formType: string): FormSpec | undefined {
  return window.__leadRouterForms?.[formType];
}

/**
 * Fetches a form type from the Worker: the path when the bundle is served without the inlined
 * specs (tests, a CDN copy). Rejects on any failure, so the form can say it did not load.
 */
export async function loadSpec({ api, site, formType }: Target): Promise<FormSpec> {
  const res = await fetch(`${api}/v1/forms/${formType}?site=${encodeURIComponent(site)}`);
  if (!res.ok) throw new Error(`${res.status}`);
  return res.json();
}
