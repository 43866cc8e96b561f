/** Test leads: a plain, qualified `NormalizedLead`, with whatever a test overrides. */
import type { NormalizedLead } from '../../../shared/lead/types.ts';

/** A lead that passes every check, changed by `overrides`. */
export function lead(overrides: Partial<NormalizedLead> = {}): NormalizedLead {
  return {
    formType: 'quote',
    firstName: 'Ana',
    lastName: 'García',
    fullName: 'Ana García',
    email: 'ana@acme.es',
    emailDomain: 'acme.es',
    emailKind: 'work',
    company: 'Acme Logística',
    message: 'We would like a quote for forty seats.',
    consent: true,
    source: 'direct',
    honeypot: false,
    timeOnFormMs: 45_000,
    ...overrides,
  };
}
