/**
 * A route's (or a territory's) conditions in plain words: `{ employees: { gte: 50, lt: 500 },
 * country: ["US", "CA"] }` → "50–500 employees, in US/CA". Each field gets its own phrase, so the
 * publish diff can say which condition changed ("50–500 became 100–500 employees").
 */
import type { FieldTestSpec, WhenSpec } from './schema.ts';
import { listWords } from './words.ts';

/** What phrasing a condition needs from the rest of the config. */
export interface ConditionContext {
  /** A form type's label (`demo_request` → "Book a demo"). */
  formLabel(id: string): string;
}

type Ops = Partial<Record<'eq' | 'ne' | 'in' | 'notIn' | 'gt' | 'gte' | 'lt' | 'lte' | 'prefix' | 'contains' | 'exists', unknown>>;

/** How fields are named in sentences; others use their own name. */
const LABELS: Record<string, string> = {
  emailDomain: 'email domain',
  emailKind: 'email kind',
  domain: 'company domain',
  firstName: 'first name',
  lastName: 'last name',
  jobTitle: 'job title',
  postalCode: 'postal code',
  postalDistrict: 'postal district',
  employeesMax: 'company size (upper bound)',
  pagePath: 'page',
  formType: 'form',
  namedAccount: 'named account',
};

/** Fields whose values are codes (shown bare); other text is quoted. */
const CODES = new Set([
  'country',
  'region',
  'postalCode',
  'postalDistrict',
  'language',
  'source',
  'medium',
  'emailDomain',
  'domain',
  'status',
  'urgency',
  'intent',
  'emailKind',
  'territory',
]);

/** The name of a field in a sentence: `jobTitle` → "job title". */
export function fieldLabel(field: string): string {
  return LABELS[field] ?? field;
}

/** A test's operators as an object (a bare value means `eq`, a list means `in`). */
function opsOf(test: FieldTestSpec): Ops {
  if (Array.isArray(test)) return { in: test };
  if (test !== null && typeof test === 'object') return test;
  return { eq: test };
}

function shown(field: string, value: unknown): string {
  if (typeof value === 'string') return CODES.has(field) || /^\//.test(value) ? value : `“${value}”`;
  return String(value);
}

function values(field: string, value: unknown, last: 'and' | 'or' = 'or'): string {
  const list = [value].flat().map((v) => shown(field, v));
  // Two or three codes read best as US/CA; longer lists as a list.
  if (CODES.has(field) && list.length > 1 && list.length <= 3) return list.join('/');
  return listWords(list, last);
}

/** `employees` ranges: "500+", "50–500", "under 50", "more than 10", "up to 20". */
function range(ops: Ops): string | undefined {
  const low = ops.gte !== undefined ? { n: Number(ops.gte), strict: false } : ops.gt !== undefined ? { n: Number(ops.gt), strict: true } : undefined;
  const high = ops.lt !== undefined ? { n: Number(ops.lt), strict: true } : ops.lte !== undefined ? { n: Number(ops.lte), strict: false } : undefined;
  if (low && high) return `${low.strict ? low.n + 1 : low.n}–${high.n}`;
  if (low) return low.strict ? `more than ${low.n}` : `${low.n}+`;
  if (high) return high.strict ? `under ${high.n}` : `up to ${high.n}`;
  return undefined;
}

/** Special phrasings of whole tests; undefined falls back to the generic ones. */
function special(field: string, ops: Ops, ctx: ConditionContext): string | undefined {
  const only = Object.keys(ops);
  const single = only.length === 1 ? only[0] : undefined;
  const forms = (v: unknown) =>
    listWords(
      [v].flat().map((id) => `“${ctx.formLabel(String(id))}”`),
      'or',
    );
  switch (field) {
    case 'formType':
      if (single === 'eq') return `from the ${forms(ops.eq)} form`;
      if (single === 'in') return `from the ${forms(ops.in)} forms`;
      if (single === 'ne') return `not from the ${forms(ops.ne)} form`;
      if (single === 'notIn') return `not from the ${forms(ops.notIn)} forms`;
      return undefined;
    case 'country':
      if (single === 'eq' || single === 'in') return `in ${values(field, ops[single])}`;
      if (single === 'ne' || single === 'notIn') return `outside ${values(field, ops[single])}`;
      return undefined;
    case 'territory':
      if (single === 'eq') return `in territory “${ops.eq}”`;
      if (single === 'in')
        return `in territory ${listWords(
          [ops.in].flat().map((t) => `“${t}”`),
          'or',
        )}`;
      if (single === 'ne') return `outside territory “${ops.ne}”`;
      if (single === 'exists') return ops.exists ? 'in a territory' : 'in no territory';
      return undefined;
    case 'employees': {
      const r = range(ops);
      if (r && only.every((k) => ['gt', 'gte', 'lt', 'lte'].includes(k))) return `${r} employees`;
      if (single === 'eq') return `${ops.eq} employees`;
      return undefined;
    }
    case 'urgency':
    case 'intent':
      if (single === 'eq') return ops.eq === 'urgent' ? 'urgent' : `${ops.eq} ${field}`;
      return undefined;
    case 'status':
      if (single === 'eq') return ops.eq === 'incomplete' ? 'leads missing wanted fields' : `${ops.eq} leads`;
      return undefined;
    case 'emailKind':
      if (single === 'eq') return `with a ${ops.eq} email`;
      return undefined;
    case 'namedAccount':
      if (single === 'eq') return ops.eq === true ? 'from a named account' : 'not from a named account';
      return undefined;
    case 'consent':
      if (single === 'eq') return ops.eq === true ? 'with consent' : 'without consent';
      return undefined;
  }
  return undefined;
}

/** The phrase for one field's test. */
export function testWords(field: string, test: FieldTestSpec, ctx: ConditionContext): string {
  const ops = opsOf(test);
  const specific = special(field, ops, ctx);
  if (specific) return specific;
  const label = fieldLabel(field);
  const parts: string[] = [];
  const r = range(ops);
  if (r) parts.push(`${label} ${r}`);
  for (const [op, value] of Object.entries(ops)) {
    switch (op) {
      case 'eq':
        parts.push(`${label} is ${shown(field, value)}`);
        break;
      case 'ne':
        parts.push(`${label} is not ${shown(field, value)}`);
        break;
      case 'in':
        parts.push(`${label} is ${[value].flat().length > 1 ? 'one of ' : ''}${values(field, value)}`);
        break;
      case 'notIn':
        parts.push(`${label} is none of ${values(field, value)}`);
        break;
      case 'prefix':
        parts.push(`${label} starts with ${values(field, value)}`);
        break;
      case 'contains':
        parts.push(`${label} contains ${values(field, value)}`);
        break;
      case 'exists':
        parts.push(value ? `with a ${label}` : `without a ${label}`);
        break;
    }
  }
  return parts.join(', ');
}

/** One alternative of a condition: each field's phrase, in the order written. */
export function alternativeWords(condition: Record<string, FieldTestSpec>, ctx: ConditionContext): string[] {
  return Object.entries(condition).map(([field, test]) => testWords(field, test, ctx));
}

/** The alternatives of a `when` (one, or several of which any may hold). */
export function alternativesOf(when: WhenSpec | undefined): Record<string, FieldTestSpec>[] {
  if (when === undefined) return [];
  return Array.isArray(when) ? when : [when];
}

/**
 * A whole `when` in words; alternatives are joined by "or".
 * @example whenWords({ employees: { gte: 500 }, country: ['US', 'CA'] }, ctx) // '500+ employees, in US/CA'
 */
export function whenWords(when: WhenSpec | undefined, ctx: ConditionContext): string {
  const alternatives = alternativesOf(when);
  if (alternatives.length === 0) return 'every lead';
  const phrases = alternatives.map((a) => alternativeWords(a, ctx).join(', ') || 'every lead');
  return phrases.length === 1 ? phrases[0]! : phrases.map((p) => `(${p})`).join(' or ');
}
