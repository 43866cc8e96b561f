/**
 * What enrichment providers answer, read into {@link Firmographics}: the generic HTTP contract
 * (README "Enrichment") and Apollo's organization enrichment
 * (`GET /api/v1/organizations/enrich?domain=`, answering `{ organization: { … } }`). Each value
 * goes through the lead's own normalisers (a country name becomes its code, "50-200" a range),
 * so routing compares enriched and typed values alike. Pure: the Worker sends, this reads.
 */
import { intentSignals } from '../routing/intent.ts';
import { normalizeCountry } from '../normalize/country.ts';
import { parseEmployees } from '../normalize/employees.ts';
import { isInvalid } from '../normalize/result.ts';
import { normalizeWebsite } from '../normalize/website.ts';
import type { Firmographics } from './types.ts';

/** The generic contract's answer, as a provider writes it (every field optional). */
export interface GenericAnswer {
  company?: string;
  domain?: string;
  /** A head count or a range (`250`, `"50-200"`, `"1,000+"`). */
  employees?: number | string;
  industry?: string;
  /** A code or a name (`US`, `"United States"`). */
  country?: string;
  tier?: string;
  /** `[{ topic, strength }]` (or any of the usual intent shapes: Bombora's, 6sense's…). */
  intent?: unknown;
}

/**
 * Reads an answer of the generic contract; undefined when it says nothing usable (an empty
 * object: the provider does not know the company).
 * @example readGenericAnswer({ employees: '200-500', country: 'United States', intent: [{ topic: 'Payments', strength: 72 }] })
 * // { employees: 200, employeesMax: 500, country: 'US', intentTopics: ['payments'], intentStrength: 72 }
 */
export function readGenericAnswer(body: unknown): Firmographics | undefined {
  if (!isRecord(body)) return undefined;
  const company = body['company'];
  const source = isRecord(company) ? { ...body, ...company, company: company['name'] } : body;
  return firmographics({
    company: text(source['company'], 120),
    domain: text(source['domain'], 253),
    employees: source['employees'],
    industry: text(source['industry'], 80),
    country: text(source['country'], 60),
    tier: text(source['tier'], 40),
    intent: source['intent'],
  });
}

/**
 * Reads Apollo's organization enrichment answer (`organization.name`, `primary_domain`,
 * `estimated_num_employees`, `industry`, `country`); undefined when Apollo has no match (it
 * answers `{}` or `organization: null`).
 */
export function readApolloAnswer(body: unknown): Firmographics | undefined {
  const org = isRecord(body) ? body['organization'] : undefined;
  if (!isRecord(org)) return undefined;
  return firmographics({
    company: text(org['name'], 120),
    domain: text(org['primary_domain'], 253),
    employees: org['estimated_num_employees'],
    industry: text(org['industry'], 80),
    country: text(org['country'], 60),
  });
}

function firmographics(raw: {
  company?: string;
  domain?: string;
  employees?: unknown;
  industry?: string;
  country?: string;
  tier?: string;
  intent?: unknown;
}): Firmographics | undefined {
  const out: Firmographics = {};
  if (raw.company) out.company = raw.company;
  const domain = raw.domain ? normalizeWebsite(raw.domain) : undefined;
  if (domain) out.domain = domain;
  if (typeof raw.employees === 'number' || typeof raw.employees === 'string') {
    const count = parseEmployees(raw.employees);
    if (!isInvalid(count) && count.min > 0) {
      out.employees = count.min;
      if (count.max !== undefined) out.employeesMax = count.max;
    }
  }
  if (raw.industry) out.industry = raw.industry;
  const country = raw.country ? normalizeCountry(raw.country) : undefined;
  if (country) out.country = country;
  if (raw.tier) out.tier = raw.tier;
  const intent = intentSignals(raw.intent);
  if (intent) Object.assign(out, intent);
  return Object.keys(out).length > 0 ? out : undefined;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t.slice(0, max);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
