/**
 * Buying intent. Today it is the form type's, as configured: a quote form is high, contact-us
 * low. It has its own home so that refining it later (from the product asked about, the page,
 * the job title) changes one function and none of its callers.
 */
import type { NormalizedLead } from '../lead/types.ts';
import type { Intent, QualifyFormType } from './types.ts';

/** The intent of `lead`, which came in through a form of type `formType`. */
export function leadIntent(_lead: NormalizedLead, formType: QualifyFormType): Intent {
  return formType.intent;
}
