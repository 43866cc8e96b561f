/**
 * The lead's first check, the same in the browser and the Worker: the form type exists, its
 * required fields are there, every value has the right type, length and form. Small on
 * purpose (no schema library, no phone metadata): the widget runs it at the keyboard on its
 * first load. The Worker then normalises (E.164 phone, country codes…), which can still
 * reject a value this check lets through.
 */
import type { FormTypeSpec } from '../config/schema.ts';
import { isFreeMailDomain } from '../normalize/free-domains.ts';
import { LEAD_FIELDS, isLeadFieldName, type LeadFieldName } from './fields.ts';
import type { FieldIssue, LeadContext, LeadFields, LeadSubmission } from './types.ts';

/** The part of a form type that validation reads. */
export type FormFieldsSpec = Pick<FormTypeSpec, 'fields' | 'required' | 'workEmail' | 'options'>;

/** The outcome of {@link validateSubmission}. */
export type Validation = { ok: true; submission: LeadSubmission } | { ok: false; issues: FieldIssue[] };

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE_CHARS = /^[+\d\s().\-–/]*(?:\s*(?:x|ext\.?|extension|#)\s*\d{1,6})?$/i;
const URLISH = /^(https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(\/\S*)?$/i;
const HAS_DIGIT = /\d/;
const CONTEXT_TEXT_MAX = 2048;

/**
 * Checks one field's value for a form; `undefined` when it is fine.
 * The widget calls this as a person leaves a field.
 * @example validateField('email', 'dana@', spec) // { field: 'email', code: 'invalid', … }
 */
export function validateField(name: LeadFieldName, value: string | boolean | undefined, spec: FormFieldsSpec): FieldIssue | undefined {
  const field = LEAD_FIELDS[name];
  const required = spec.required.includes(name);
  if (field.kind === 'checkbox') {
    if (value !== undefined && typeof value !== 'boolean') return issue(name, 'invalid', `${field.label} must be true or false`);
    return required && value !== true ? issue(name, 'must_accept', `Please tick "${field.label}" to continue`) : undefined;
  }
  if (value !== undefined && typeof value !== 'string') return issue(name, 'invalid', `${field.label} must be text`);
  const text = (value ?? '').trim();
  if (text === '') return required ? issue(name, 'required', `${field.label} is required`) : undefined;
  if (text.length > field.maxLength) return issue(name, 'too_long', `${field.label} must be at most ${field.maxLength} characters`);
  switch (field.kind) {
    case 'email': {
      if (!EMAIL.test(text)) return issue(name, 'invalid', 'Enter an email address like name@company.com');
      if (spec.workEmail && isFreeMailDomain(text.slice(text.lastIndexOf('@') + 1).toLowerCase())) {
        return issue(name, 'work_email_required', 'Please use your work email address');
      }
      return undefined;
    }
    case 'phone': {
      const digits = text.replace(/(?:x|ext\.?|extension|#)\s*\d+$/i, '').replace(/\D/g, '').length;
      if (!PHONE_CHARS.test(text) || digits < 7 || digits > 15) return issue(name, 'invalid', 'Enter a phone number with its area code');
      return undefined;
    }
    case 'url':
      return URLISH.test(text) ? undefined : issue(name, 'invalid', 'Enter a website like company.com');
    case 'employees':
      return HAS_DIGIT.test(text) ? undefined : issue(name, 'invalid', 'Enter a company size like 50 or 50-200');
    case 'select': {
      const options = spec.options?.[name as 'product'];
      return options && !options.includes(text) ? issue(name, 'unknown_option', `Choose one of: ${options.join(', ')}`) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Checks a whole submission against its form type. Fields the form does not show are dropped;
 * names no form has are refused; context is kept only where well-formed (it is the browser's,
 * not the person's, so it never blocks a lead).
 * @example
 * const result = validateSubmission(body, config.formTypes);
 * if (!result.ok) return c.json({ issues: result.issues }, 400);
 */
export function validateSubmission(input: unknown, formTypes: Readonly<Record<string, FormFieldsSpec>>): Validation {
  if (!isRecord(input)) return { ok: false, issues: [issue('body', 'invalid', 'The request body must be a JSON object')] };
  const formType = input.formType;
  if (typeof formType !== 'string' || !Object.prototype.hasOwnProperty.call(formTypes, formType)) {
    const known = Object.keys(formTypes).join(', ');
    return { ok: false, issues: [issue('formType', 'unknown_form_type', `Unknown form type ${JSON.stringify(formType)}; expected one of: ${known}`)] };
  }
  const spec = formTypes[formType]!;
  const raw = input.fields;
  if (raw !== undefined && !isRecord(raw)) return { ok: false, issues: [issue('fields', 'invalid', 'fields must be an object')] };
  const issues: FieldIssue[] = [];
  const fields: LeadFields = {};
  for (const name of Object.keys(raw ?? {})) {
    if (!isLeadFieldName(name)) issues.push(issue(name, 'not_allowed', `Unknown field "${name}"`));
  }
  for (const name of spec.fields) {
    const value = raw?.[name];
    const problem = validateField(name, value as string | boolean | undefined, spec);
    if (problem) issues.push(problem);
    else if (typeof value === 'boolean') fields[name] = value;
    else if (typeof value === 'string' && value.trim() !== '') fields[name] = value.trim();
  }
  if (issues.length > 0) return { ok: false, issues };
  const submission: LeadSubmission = { formType, fields };
  const context = cleanContext(input.context);
  if (context) submission.context = context;
  return { ok: true, submission };
}

function cleanContext(raw: unknown): LeadContext | undefined {
  if (!isRecord(raw)) return undefined;
  const context: LeadContext = {};
  for (const key of ['pageUrl', 'referrer', 'landingUrl', 'locale', 'honeypot', 'consentText'] as const) {
    const value = raw[key];
    if (typeof value === 'string') context[key] = value.slice(0, CONTEXT_TEXT_MAX);
  }
  if (typeof raw.timeOnFormMs === 'number' && Number.isFinite(raw.timeOnFormMs) && raw.timeOnFormMs >= 0) {
    context.timeOnFormMs = raw.timeOnFormMs;
  }
  for (const key of ['autofilled', 'pasted'] as const) {
    if (typeof raw[key] === 'boolean') context[key] = raw[key];
  }
  if (Number.isSafeInteger(raw.keysTyped) && (raw.keysTyped as number) >= 0) context.keysTyped = raw.keysTyped as number;
  if (isRecord(raw.utm)) {
    const utm: NonNullable<LeadContext['utm']> = {};
    for (const key of ['source', 'medium', 'campaign', 'term', 'content'] as const) {
      const value = raw.utm[key];
      if (typeof value === 'string' && value.trim() !== '') utm[key] = value.trim().slice(0, 200);
    }
    context.utm = utm;
  }
  return context;
}

function issue(field: string, code: FieldIssue['code'], message: string): FieldIssue {
  return { field, code, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
