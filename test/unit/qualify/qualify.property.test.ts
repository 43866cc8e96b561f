import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LEAD_FIELD_NAMES } from '../../../shared/lead/fields.ts';
import type { EmailKind, NormalizedLead } from '../../../shared/lead/types.ts';
import { countLinks, hasLink } from '../../../shared/qualify/links.ts';
import { qualify } from '../../../shared/qualify/qualify.ts';
import type { QualifyFormType, Urgency } from '../../../shared/qualify/types.ts';
import { detectUrgency } from '../../../shared/qualify/urgency.ts';
import { looksLikeGibberish } from '../../../shared/qualify/gibberish.ts';

/** Any string at all: printable graphemes of every script, and raw code points. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('asdf', 'test', 'hoy', 'not urgent', 'http://x', '[url=x]', 'ß', 'İ', '\u0303'),
);
const optionalText = fc.option(anyText, { nil: undefined });

const leadArb: fc.Arbitrary<NormalizedLead> = fc.record(
  {
    formType: anyText,
    firstName: optionalText,
    lastName: optionalText,
    fullName: optionalText,
    email: optionalText,
    emailDomain: optionalText,
    emailKind: fc.option(fc.constantFrom<EmailKind>('work', 'free', 'disposable'), { nil: undefined }),
    phone: optionalText,
    company: optionalText,
    jobTitle: optionalText,
    website: optionalText,
    country: optionalText,
    region: optionalText,
    city: optionalText,
    postalCode: optionalText,
    product: optionalText,
    message: fc.option(fc.oneof(anyText, fc.string({ unit: 'grapheme', maxLength: 600 })), { nil: undefined }),
    employees: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
    consent: fc.boolean(),
    source: anyText,
    timeOnFormMs: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
    autofilled: fc.option(fc.boolean(), { nil: undefined }),
    pasted: fc.option(fc.boolean(), { nil: undefined }),
    keysTyped: fc.option(fc.nat(), { nil: undefined }),
    honeypot: fc.boolean(),
  },
  { requiredKeys: ['formType', 'consent', 'source', 'honeypot'] },
);

const urgencyArb = fc.constantFrom<Urgency>('normal', 'high', 'urgent');
const formTypeArb: fc.Arbitrary<QualifyFormType> = fc.record(
  {
    intent: fc.constantFrom('low', 'medium', 'high'),
    urgency: urgencyArb,
    wanted: fc.subarray(LEAD_FIELD_NAMES),
  },
  { requiredKeys: ['intent'] },
);
const rulesArb = fc.option(
  fc.record({ minFillMs: fc.integer({ min: 0, max: 10_000 }), maxLinks: fc.nat(5), disposableIsJunk: fc.boolean() }, { requiredKeys: [] }),
  { nil: undefined },
);

const RANK: Record<Urgency, number> = { normal: 0, high: 1, urgent: 2 };

describe('qualify on arbitrary input', () => {
  it('never throws and returns exactly one consistent status', () => {
    fc.assert(
      fc.property(leadArb, formTypeArb, rulesArb, (l, formType, rules) => {
        const q = qualify(l, formType, rules);
        expect(['qualified', 'incomplete', 'junk']).toContain(q.status);
        expect(q.status === 'junk').toBe(q.junk.length > 0);
        expect(q.status === 'incomplete').toBe(q.junk.length === 0 && q.missing.length > 0);
        expect(q.status === 'qualified').toBe(q.junk.length === 0 && q.missing.length === 0);
        expect(q.intent).toBe(formType.intent);
        expect(RANK[q.urgency]).toBeGreaterThanOrEqual(RANK[formType.urgency ?? 'normal']);
        for (const field of q.missing) expect(formType.wanted).toContain(field);
        for (const finding of [...q.junk, ...q.suspect]) expect(finding.detail.length).toBeGreaterThan(0);
        // Fill speed alone never makes junk.
        expect(q.junk.map((j) => j.signal)).not.toContain('too_fast');
      }),
      { numRuns: 2000 },
    );
  });

  it('text checks never throw and answer in their types', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(typeof looksLikeGibberish(text)).toBe('boolean');
        expect(typeof looksLikeGibberish(text, 'text')).toBe('boolean');
        expect(countLinks(text)).toBeGreaterThanOrEqual(0);
        expect(typeof hasLink(text)).toBe('boolean');
        const { urgency, signals } = detectUrgency(text);
        expect(urgency === 'normal').toBe(signals.length === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic: the same lead twice gives the same verdict', () => {
    fc.assert(
      fc.property(leadArb, formTypeArb, (l, formType) => {
        expect(qualify(l, formType)).toEqual(qualify(l, formType));
      }),
      { numRuns: 300 },
    );
  });
});
