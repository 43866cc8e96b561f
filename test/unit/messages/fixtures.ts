/** Leads and inputs shared by the message tests: plain objects, one per form type. */
import type { ConfirmationInput } from '../../../shared/messages/confirmation.ts';
import type { RepNotificationInput } from '../../../shared/messages/notification.ts';
import type { RoutableLead } from '../../../shared/routing/types.ts';

/** A qualified lead; override what the test is about. */
export function lead(overrides: Partial<RoutableLead> = {}): RoutableLead {
  return {
    formType: 'contact',
    consent: true,
    source: 'google',
    medium: 'cpc',
    honeypot: false,
    status: 'qualified',
    urgency: 'normal',
    intent: 'medium',
    firstName: 'Ana',
    lastName: 'García',
    fullName: 'Ana García',
    email: 'ana@acme.es',
    emailDomain: 'acme.es',
    emailKind: 'work',
    company: 'Acme Logística',
    domain: 'acme.es',
    city: 'Madrid',
    country: 'ES',
    message: 'Hello, we would like to know more.',
    ...overrides,
  };
}

/** The example config's form types, with the lead each one typically brings. */
export const FORMS = {
  demo: { formType: 'demo_request', label: 'Book a demo', lead: { intent: 'high', employees: 200 } },
  quote: { formType: 'quote_request', label: 'Request a quote', lead: { intent: 'high', product: 'Payroll' } },
  contact: { formType: 'contact', label: 'Contact us', lead: { intent: 'medium' } },
  service: {
    formType: 'urgent_service',
    label: 'Same-day service',
    lead: { intent: 'high', urgency: 'urgent', phone: '+14155550123', postalCode: '94107', city: 'San Francisco', region: 'CA', country: 'US' },
  },
  content: { formType: 'content_download', label: 'Download the guide', lead: { intent: 'low' } },
} as const satisfies Record<string, { formType: string; label: string; lead: Partial<RoutableLead> }>;

/** The form kinds the tests run through. */
export type FormName = keyof typeof FORMS;

/** A lead that came through `form`. */
export function formLead(form: FormName, overrides: Partial<RoutableLead> = {}): RoutableLead {
  const spec = FORMS[form];
  return lead({ formType: spec.formType, ...spec.lead, ...overrides });
}

/** A confirmation input for `form`, owned by Dana Reyes unless told otherwise. */
export function confirmation(form: FormName, overrides: Partial<ConfirmationInput> = {}, leadOverrides: Partial<RoutableLead> = {}): ConfirmationInput {
  return {
    brand: 'Northwind',
    lead: formLead(form, leadOverrides),
    formTypeLabel: FORMS[form].label,
    owner: { kind: 'rep', name: 'Dana Reyes' },
    respondWithinMs: 15 * 60_000,
    ...overrides,
  };
}

/** The ack link the Worker would sign. */
export const ACK_URL = 'https://leads.northwind.example/v1/ack/ld_123.sig_abc?e=1794930300&k=2';
/** The admin view of the lead. */
export const LEAD_URL = 'https://leads.northwind.example/admin/leads/ld_123';

/** A rep notification input for `form`. */
export function notification(form: FormName, overrides: Partial<RepNotificationInput> = {}, leadOverrides: Partial<RoutableLead> = {}): RepNotificationInput {
  return {
    brand: 'Northwind',
    lead: formLead(form, leadOverrides),
    formTypeLabel: FORMS[form].label,
    owner: { kind: 'rep', id: 'dana', name: 'Dana Reyes' },
    respondWithinMs: 15 * 60_000,
    why: ['Route emea: the lead is in territory emea', 'Dana Reyes: next in rotation'],
    ackUrl: ACK_URL,
    leadUrl: LEAD_URL,
    duplicates: 0,
    ...overrides,
  };
}
