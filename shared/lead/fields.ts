/**
 * The catalogue of lead fields: the one place that says what each field is.
 *
 * Data, not a schema library, because the widget ships it on its first load (zod would cost
 * more than the widget's whole size budget) and the Worker reads the same data. Which of these
 * fields a form shows and requires is the routing config's business (`formTypes`), not code's.
 */

/** How a field is entered and checked. */
export type FieldKind = 'text' | 'email' | 'phone' | 'url' | 'country' | 'employees' | 'select' | 'textarea' | 'checkbox';

/** What the catalogue knows of one field. */
export interface FieldSpec {
  /** English label; the widget translates by field name. */
  readonly label: string;
  /** How it is entered and checked. */
  readonly kind: FieldKind;
  /** Longest accepted value, in characters (after trimming). */
  readonly maxLength: number;
  /** The HTML `autocomplete` token, so browsers fill it. */
  readonly autocomplete?: string;
}

/** Every field a lead can carry, in the order a form shows them. */
export const LEAD_FIELDS = {
  firstName: { label: 'First name', kind: 'text', maxLength: 80, autocomplete: 'given-name' },
  lastName: { label: 'Last name', kind: 'text', maxLength: 80, autocomplete: 'family-name' },
  email: { label: 'Email', kind: 'email', maxLength: 254, autocomplete: 'email' },
  phone: { label: 'Phone', kind: 'phone', maxLength: 32, autocomplete: 'tel' },
  company: { label: 'Company', kind: 'text', maxLength: 120, autocomplete: 'organization' },
  jobTitle: { label: 'Job title', kind: 'text', maxLength: 120, autocomplete: 'organization-title' },
  website: { label: 'Website', kind: 'url', maxLength: 253, autocomplete: 'url' },
  employees: { label: 'Company size', kind: 'employees', maxLength: 20 },
  country: { label: 'Country', kind: 'country', maxLength: 60, autocomplete: 'country-name' },
  region: { label: 'State / region', kind: 'text', maxLength: 60, autocomplete: 'address-level1' },
  city: { label: 'City', kind: 'text', maxLength: 80, autocomplete: 'address-level2' },
  postalCode: { label: 'Postal code', kind: 'text', maxLength: 12, autocomplete: 'postal-code' },
  product: { label: 'Product or service', kind: 'select', maxLength: 80 },
  message: { label: 'Message', kind: 'textarea', maxLength: 5000 },
  consent: { label: 'Consent', kind: 'checkbox', maxLength: 5 },
} as const satisfies Record<string, FieldSpec>;

/** The name of a lead field. */
export type LeadFieldName = keyof typeof LEAD_FIELDS;

/** All field names, in display order. */
export const LEAD_FIELD_NAMES = Object.keys(LEAD_FIELDS) as LeadFieldName[];

/** True when `name` is a field of the catalogue. */
export function isLeadFieldName(name: string): name is LeadFieldName {
  return Object.prototype.hasOwnProperty.call(LEAD_FIELDS, name);
}
