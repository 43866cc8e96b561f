/**
 * A whole submission to a {@link NormalizedLead}: every field through its normaliser, the
 * context to source, language and bot signals, and an issue for each value we cannot use.
 */
import type { LeadFieldName } from '../lead/fields.ts';
import type { FieldIssue, LeadSubmission, NormalizedLead } from '../lead/types.ts';
import { isCountryCode, normalizeCountry } from './country.ts';
import { normalizeEmail } from './email.ts';
import { parseEmployees } from './employees.ts';
import { normalizeName, splitFullName } from './name.ts';
import { normalizePhone } from './phone.ts';
import { normalizePostalCode } from './postal.ts';
import { normalizeRegion } from './region.ts';
import { isInvalid } from './result.ts';
import { leadSource } from './source.ts';
import { stripInvisible, tidy } from './text.ts';
import { normalizeWebsite } from './website.ts';

/** The normalised lead, and the fields that had to be left out of it and why. */
export interface LeadNormalization {
  lead: NormalizedLead;
  issues: FieldIssue[];
}

const LANGUAGE = /^[a-z]{2,3}$/;
const LANGUAGE_END = /[-_]/;

/** Example postal codes for the issue message, by country. */
const POSTAL_EXAMPLES: Readonly<Record<string, string>> = {
  US: 'a ZIP code like 94107 or 94107-1234',
  CA: 'a postal code like K1A 0B1',
  GB: 'a postcode like SW1A 1AA',
  GG: 'a postcode like GY1 1AA',
  JE: 'a postcode like JE2 3AB',
  IM: 'a postcode like IM1 1AA',
};

/**
 * Normalises a submission's fields and context. Only fields present and non-blank after
 * trimming are considered; an email, phone, postal code, company size or country that cannot
 * be understood becomes an `invalid` issue and is left out. Lengths are not checked here.
 *
 * `defaultCountry` is the form type's: the lead's country when none was typed (routing,
 * region and postal code read it). A phone typed without `+` is read in the country the lead
 * typed, else the region of the form's locale (`es-MX`), else `defaultCountry`: what the
 * person says of themselves beats what their browser says, which beats what the form
 * assumes (a lead who typed "México" on a Spanish form in an en-US browser has a Mexican
 * number, not a US one).
 */
export function normalizeLead(submission: LeadSubmission, defaultCountry?: string): LeadNormalization {
  const fields = submission.fields;
  const context = visibleContext(submission.context);
  const issues: FieldIssue[] = [];
  const text = (name: LeadFieldName): string | undefined => textField(fields, name);
  const invalid = (field: LeadFieldName, message: string): void => {
    issues.push({ field, code: 'invalid', message });
  };

  const source = leadSource(context);
  const lead: NormalizedLead = {
    formType: submission.formType,
    consent: fields.consent === true || fields.consent === 'true',
    source: source.source,
    honeypot: typeof context?.honeypot === 'string' && context.honeypot.trim() !== '',
  };
  if (source.medium !== undefined) lead.medium = source.medium;
  if (source.campaign !== undefined) lead.campaign = source.campaign;
  if (source.pagePath !== undefined) lead.pagePath = source.pagePath;

  // Country first: phone, region and postal code are read in its light.
  const countryText = text('country');
  if (countryText !== undefined) {
    const country = normalizeCountry(countryText);
    if (country === undefined) {
      invalid('country', 'Country is not one we recognise; enter its name or two-letter code');
    } else {
      lead.country = country;
    }
  } else if (defaultCountry !== undefined) {
    lead.country = defaultCountry;
  }
  const country = lead.country;
  // A typed country we cannot read leaves a national number unread (the lead is refused for
  // the country anyway): guessing another country would store a wrong number.
  const phoneCountry = countryText !== undefined ? country : (regionOf(context?.locale) ?? defaultCountry);

  // Names: one field holding "Dana Whitfield" is split.
  const first = text('firstName');
  const last = text('lastName');
  if (first !== undefined && last === undefined) {
    const split = splitFullName(first);
    if (split.firstName !== '') lead.firstName = split.firstName;
    if (split.lastName !== undefined) lead.lastName = split.lastName;
  } else {
    if (first !== undefined) setIfNotBlank(lead, 'firstName', normalizeName(first));
    if (last !== undefined) setIfNotBlank(lead, 'lastName', normalizeName(last));
  }
  const fullName = lead.firstName === undefined ? lead.lastName : lead.lastName === undefined ? lead.firstName : `${lead.firstName} ${lead.lastName}`;
  if (fullName !== undefined) lead.fullName = fullName;

  const emailText = text('email');
  if (emailText !== undefined) {
    const email = normalizeEmail(emailText);
    if (isInvalid(email)) {
      invalid('email', 'Email address is not valid; enter it like name@company.com');
    } else {
      lead.email = email.email;
      lead.emailDomain = email.domain;
      lead.emailKind = email.kind;
      if (email.suggestion !== undefined) lead.emailSuggestion = email.suggestion;
    }
  }

  const phoneText = text('phone');
  if (phoneText !== undefined) {
    const phone = normalizePhone(phoneText, phoneCountry);
    if (isInvalid(phone)) {
      invalid(
        'phone',
        phoneCountry === undefined
          ? 'Phone number is not valid; include the country code, like +44 20 7946 0958'
          : `Phone number is not a valid number for ${phoneCountry}`,
      );
    } else {
      lead.phone = phone.e164;
    }
  }

  const websiteText = text('website');
  if (websiteText !== undefined) {
    const website = normalizeWebsite(websiteText);
    if (website !== undefined) lead.website = website;
  }
  const domain = lead.emailKind === 'work' ? lead.emailDomain : lead.website;
  if (domain !== undefined) lead.domain = domain;

  const employeesText = text('employees');
  if (employeesText !== undefined) {
    const employees = parseEmployees(employeesText);
    if (isInvalid(employees)) {
      invalid('employees', 'Enter a company size like 50 or 50-200');
    } else {
      lead.employees = employees.min;
      if (employees.max !== undefined) lead.employeesMax = employees.max;
    }
  }

  const regionText = text('region');
  if (regionText !== undefined) lead.region = normalizeRegion(regionText, country);

  const postalText = text('postalCode');
  if (postalText !== undefined) {
    const postal = normalizePostalCode(postalText, country);
    if (isInvalid(postal)) {
      const expected = (country !== undefined ? POSTAL_EXAMPLES[country] : undefined) ?? 'letters, digits, spaces and hyphens only, up to 10 characters';
      invalid('postalCode', `Postal code is not valid; enter ${expected}`);
    } else {
      lead.postalCode = postal.postalCode;
      lead.postalDistrict = postal.district;
    }
  }

  // Single-line text: trimmed, inner whitespace collapsed. The message keeps its line breaks.
  const company = text('company');
  if (company !== undefined) lead.company = tidy(company);
  const jobTitle = text('jobTitle');
  if (jobTitle !== undefined) lead.jobTitle = tidy(jobTitle);
  const city = text('city');
  if (city !== undefined) lead.city = tidy(city);
  const product = text('product');
  if (product !== undefined) lead.product = product;
  const message = text('message');
  if (message !== undefined) lead.message = message;

  const language = languageOf(context?.locale);
  if (language !== undefined) lead.language = language;
  const pageUrl = context?.pageUrl?.trim();
  if (pageUrl) lead.pageUrl = pageUrl;
  const referrer = context?.referrer?.trim();
  if (referrer) lead.referrer = referrer;
  const timeOnFormMs = context?.timeOnFormMs;
  if (typeof timeOnFormMs === 'number' && Number.isFinite(timeOnFormMs) && timeOnFormMs >= 0) {
    lead.timeOnFormMs = timeOnFormMs;
  }
  // The browser's evidence of a person (validated by validateSubmission): qualification reads it.
  if (typeof context?.autofilled === 'boolean') lead.autofilled = context.autofilled;
  // The wording only matters with the box ticked: it is what the person agreed to.
  const consentText = lead.consent && context?.consentText?.trim();
  if (consentText) lead.consentText = consentText;
  if (typeof context?.pasted === 'boolean') lead.pasted = context.pasted;
  if (typeof context?.keysTyped === 'number') lead.keysTyped = context.keysTyped;

  return { lead, issues };
}

/** A field's trimmed text without invisible characters; undefined when absent, blank, or not text (a checkbox's boolean). */
function textField(fields: LeadSubmission['fields'], name: LeadFieldName): string | undefined {
  const value = fields[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = stripInvisible(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The context with invisible characters taken out of every text (it shows on the timeline and in notices too). */
function visibleContext(context: LeadSubmission['context']): LeadSubmission['context'] {
  if (context === undefined) return undefined;
  const clean: NonNullable<LeadSubmission['context']> = { ...context };
  for (const key of ['pageUrl', 'referrer', 'landingUrl', 'locale', 'honeypot'] as const) {
    const value = context[key];
    if (typeof value === 'string') clean[key] = stripInvisible(value);
  }
  if (context.utm !== undefined) {
    clean.utm = Object.fromEntries(Object.entries(context.utm).map(([k, v]) => [k, typeof v === 'string' ? stripInvisible(v) : v]));
  }
  return clean;
}

/** The ISO 639 primary language of a locale (`es-MX` → `es`), if it looks like one. */
function languageOf(locale: string | undefined): string | undefined {
  if (locale === undefined) return undefined;
  const trimmed = locale.trim();
  const end = trimmed.search(LANGUAGE_END);
  const language = (end < 0 ? trimmed : trimmed.slice(0, end)).toLowerCase();
  return LANGUAGE.test(language) ? language : undefined;
}

/** The country of a locale's region (`es-MX` → `MX`), when it names one (`es-419` does not). */
function regionOf(locale: string | undefined): string | undefined {
  const region = locale === undefined ? undefined : /^[a-z]{2,3}[-_](?:[a-z]{4}[-_])?([a-z]{2})\b/i.exec(locale.trim())?.[1]?.toUpperCase();
  return region !== undefined && isCountryCode(region) ? region : undefined;
}

/** Sets a name field unless normalisation left nothing of it (a name of only quotes). */
function setIfNotBlank(lead: NormalizedLead, field: 'firstName' | 'lastName', value: string): void {
  if (value !== '') lead[field] = value;
}
