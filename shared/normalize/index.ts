/**
 * Normalisation: raw form values to the canonical values qualification and routing compare.
 */
export { normalizeCountry, isCountryCode, COUNTRY_CODES } from './country.ts';
export { normalizeEmail, isFreeMailDomain, isDisposableDomain } from './email.ts';
export type { NormalizedEmail } from './email.ts';
export { parseEmployees } from './employees.ts';
export type { EmployeeCount } from './employees.ts';
export { normalizeLead } from './lead.ts';
export type { LeadNormalization } from './lead.ts';
export { normalizeName, splitFullName } from './name.ts';
export type { SplitName } from './name.ts';
export { normalizePhone } from './phone.ts';
export type { NormalizedPhone } from './phone.ts';
export { normalizePostalCode } from './postal.ts';
export type { NormalizedPostalCode } from './postal.ts';
export { normalizeRegion, regionName } from './region.ts';
export { INVALID, isInvalid } from './result.ts';
export type { Invalid } from './result.ts';
export { leadSource } from './source.ts';
export type { LeadSource } from './source.ts';
export { normalizeWebsite } from './website.ts';
