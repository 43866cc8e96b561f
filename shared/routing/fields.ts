/**
 * The fields a route's conditions may test: the normalised lead's, the qualification's,
 * and those the engine derives (`territory`, the account's, the score's).
 *
 * `fold` says how string values compare, so that `"us"` in a config matches the lead's `"US"`
 * without lower-casing every value on the hot path: codes are already canonical in the lead,
 * so only the config's side is folded; free text is folded on both sides.
 */

import type { RoutableLead } from './types.ts';

/** How a field's values compare. */
export interface RoutableField {
  readonly type: 'string' | 'number' | 'boolean';
  /** `upper`/`lower`: the lead's value is canonical in that case; `text`: fold both to lower case. */
  readonly fold?: 'upper' | 'lower' | 'text';
}

/** Every field a condition may name. */
export const ROUTABLE_FIELDS = {
  formType: { type: 'string', fold: 'lower' },
  email: { type: 'string', fold: 'lower' },
  emailDomain: { type: 'string', fold: 'lower' },
  emailKind: { type: 'string', fold: 'lower' },
  domain: { type: 'string', fold: 'lower' },
  website: { type: 'string', fold: 'lower' },
  phone: { type: 'string', fold: 'upper' },
  firstName: { type: 'string', fold: 'text' },
  lastName: { type: 'string', fold: 'text' },
  company: { type: 'string', fold: 'text' },
  jobTitle: { type: 'string', fold: 'text' },
  country: { type: 'string', fold: 'upper' },
  region: { type: 'string', fold: 'upper' },
  city: { type: 'string', fold: 'text' },
  postalCode: { type: 'string', fold: 'upper' },
  postalDistrict: { type: 'string', fold: 'upper' },
  employees: { type: 'number' },
  employeesMax: { type: 'number' },
  product: { type: 'string', fold: 'text' },
  message: { type: 'string', fold: 'text' },
  language: { type: 'string', fold: 'lower' },
  consent: { type: 'boolean' },
  source: { type: 'string', fold: 'lower' },
  medium: { type: 'string', fold: 'lower' },
  campaign: { type: 'string', fold: 'text' },
  pagePath: { type: 'string', fold: 'text' },
  status: { type: 'string', fold: 'lower' },
  urgency: { type: 'string', fold: 'lower' },
  intent: { type: 'string', fold: 'lower' },
  territory: { type: 'string', fold: 'lower' },
  namedAccount: { type: 'boolean' },
  // Issue 11: the lead's account, as matched before routing (derived: only a confident match
  // counts), the known contact, the score, and intent signals.
  accountTier: { type: 'string', fold: 'lower' },
  existingCustomer: { type: 'boolean' },
  knownContact: { type: 'boolean' },
  score: { type: 'number' },
  fit: { type: 'number' },
  engagement: { type: 'number' },
  intentTopics: { type: 'string', fold: 'text' },
  intentStrength: { type: 'number' },
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
};
