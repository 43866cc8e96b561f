/**
 * The fields a route's conditions may test: the normalised lead's, the qualification's,
 * and those the engine derives (`territory`, the account's, the score's).
 *
 * `compare` says how a field's values compare. Both sides of every comparison go through the
 * same normaliser: the lead's value was normalised at intake (or is folded as it is read, for
 * free text), and the config's operand is normalised once, when the config is compiled, by
 * the same rules (`operands.ts`): `"Germany"` is `DE`, `"California"` is `CA`, `"sw1a1aa"` is
 * `SW1A1AA` like the lead's `SW1A 1AA`. Ids (form types, territories) compare exactly.
 */

import type { RoutableLead } from './types.ts';

/** How a field's values compare; see `operands.ts` for each normaliser. */
export type Compare =
  /** An id of the config (form type, territory): exactly as written. */
  | 'id'
  /** Canonical lower case in the lead (`source`, `medium`); the operand is lower-cased. */
  | 'lower'
  /** Free text: both sides lower case, accents and runs of spaces folded. */
  | 'text'
  | 'country'
  | 'region'
  | 'postal'
  | 'domain'
  | 'email'
  | 'phone'
  | 'language'
  /** One of `values`, lower case. */
  | 'enum';

/** How a field's values compare. */
export interface RoutableField {
  readonly type: 'string' | 'number' | 'boolean';
  readonly compare?: Compare;
  /** For `enum`: every value a lead can have. */
  readonly values?: readonly string[];
}

/** Every field a condition may name. */
export const ROUTABLE_FIELDS = {
  formType: { type: 'string', compare: 'id' },
  email: { type: 'string', compare: 'email' },
  emailDomain: { type: 'string', compare: 'domain' },
  emailKind: { type: 'string', compare: 'enum', values: ['work', 'free', 'disposable'] },
  domain: { type: 'string', compare: 'domain' },
  website: { type: 'string', compare: 'domain' },
  phone: { type: 'string', compare: 'phone' },
  firstName: { type: 'string', compare: 'text' },
  lastName: { type: 'string', compare: 'text' },
  company: { type: 'string', compare: 'text' },
  jobTitle: { type: 'string', compare: 'text' },
  country: { type: 'string', compare: 'country' },
  region: { type: 'string', compare: 'region' },
  city: { type: 'string', compare: 'text' },
  postalCode: { type: 'string', compare: 'postal' },
  postalDistrict: { type: 'string', compare: 'postal' },
  employees: { type: 'number' },
  employeesMax: { type: 'number' },
  product: { type: 'string', compare: 'text' },
  message: { type: 'string', compare: 'text' },
  language: { type: 'string', compare: 'language' },
  consent: { type: 'boolean' },
  source: { type: 'string', compare: 'lower' },
  medium: { type: 'string', compare: 'lower' },
  campaign: { type: 'string', compare: 'text' },
  pagePath: { type: 'string', compare: 'text' },
  status: { type: 'string', compare: 'enum', values: ['qualified', 'incomplete', 'junk'] },
  urgency: { type: 'string', compare: 'enum', values: ['normal', 'high', 'urgent'] },
  intent: { type: 'string', compare: 'enum', values: ['low', 'medium', 'high'] },
  territory: { type: 'string', compare: 'id' },
  namedAccount: { type: 'boolean' },
  // Issue 11: the lead's account, as matched before routing (derived: only a confident match
  // counts), the known contact, the score, and intent signals.
  accountTier: { type: 'string', compare: 'lower' },
  existingCustomer: { type: 'boolean' },
  knownContact: { type: 'boolean' },
  score: { type: 'number' },
  fit: { type: 'number' },
  engagement: { type: 'number' },
  intentTopics: { type: 'string', compare: 'text' },
  intentStrength: { type: 'number' },
  industry: { type: 'string', compare: 'text' },
} as const satisfies Record<string, RoutableField>;

/** Fields the engine derives per decision rather than reads from the lead. */
export type DerivedField = 'territory' | 'namedAccount' | 'accountTier' | 'existingCustomer' | 'score' | 'fit' | 'engagement';

/** The name of a field a condition may test. */
export type RoutableFieldName = keyof typeof ROUTABLE_FIELDS;

/** True when `name` may appear in a condition. */
export function isRoutableField(name: string): name is RoutableFieldName {
  return Object.prototype.hasOwnProperty.call(ROUTABLE_FIELDS, name);
}

/**
 * One reader per field, written out: a property read with a fixed name is several times faster
 * than `lead[name]` on the hot path (and Workers forbid generating them with `new Function`).
 */
export const FIELD_READERS: Readonly<Record<Exclude<RoutableFieldName, DerivedField>, (lead: RoutableLead) => string | number | boolean | undefined>> = {
  formType: (l) => l.formType,
  email: (l) => l.email,
  emailDomain: (l) => l.emailDomain,
  emailKind: (l) => l.emailKind,
  domain: (l) => l.domain,
  website: (l) => l.website,
  phone: (l) => l.phone,
  firstName: (l) => l.firstName,
  lastName: (l) => l.lastName,
  company: (l) => l.company,
  jobTitle: (l) => l.jobTitle,
  country: (l) => l.country,
  region: (l) => l.region,
  city: (l) => l.city,
  postalCode: (l) => l.postalCode,
  postalDistrict: (l) => l.postalDistrict,
  employees: (l) => l.employees,
  employeesMax: (l) => l.employeesMax,
  product: (l) => l.product,
  message: (l) => l.message,
  language: (l) => l.language,
  consent: (l) => l.consent,
  source: (l) => l.source,
  medium: (l) => l.medium,
  campaign: (l) => l.campaign,
  pagePath: (l) => l.pagePath,
  status: (l) => l.status,
  urgency: (l) => l.urgency,
  intent: (l) => l.intent,
  knownContact: (l) => l.contactOwner !== undefined,
  intentTopics: (l) => l.intentTopics?.join(', '),
  intentStrength: (l) => l.intentStrength,
  industry: (l) => l.industry,
};
