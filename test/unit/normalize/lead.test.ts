import { describe, it, expect } from 'vitest';
import type { LeadSubmission } from '../../../shared/lead/types.ts';
import { normalizeLead } from '../../../shared/normalize/lead.ts';

const base = { formType: 'demo' } as const;

describe('normalizeLead', () => {
  it('normalises a full submission', () => {
    const submission: LeadSubmission = {
      formType: 'demo',
      fields: {
        firstName: '  dana ',
        lastName: "O'NEIL",
        email: ' Dana@Acme.COM ',
        phone: '(415) 555-2671',
        company: '  Acme   Corp ',
        jobTitle: ' VP  Sales ',
        website: 'https://www.acme.com/about',
        employees: '50 – 200',
        country: 'United States',
        region: 'calif.',
        city: ' San   Francisco ',
        postalCode: '941071234',
        product: ' platform ',
        message: '  Hello,\n  we need a demo.  ',
        consent: true,
      },
      context: {
        pageUrl: 'https://acme.com/pricing?x=1',
        referrer: 'https://www.google.com/',
        locale: 'es-MX',
        timeOnFormMs: 12_345,
        honeypot: '',
      },
    };
    expect(normalizeLead(submission)).toEqual({
      lead: {
        formType: 'demo',
        firstName: 'Dana',
        lastName: "O'Neil",
        fullName: "Dana O'Neil",
        email: 'dana@acme.com',
        emailDomain: 'acme.com',
        emailKind: 'work',
        phone: '+14155552671',
        company: 'Acme Corp',
        jobTitle: 'VP Sales',
        website: 'acme.com',
        domain: 'acme.com',
        country: 'US',
        region: 'CA',
        city: 'San Francisco',
        postalCode: '94107-1234',
        postalDistrict: '94107',
        employees: 50,
        employeesMax: 200,
        product: 'platform',
        message: 'Hello,\n  we need a demo.',
        language: 'es',
        consent: true,
        source: 'google',
        medium: 'organic',
        pagePath: '/pricing',
        pageUrl: 'https://acme.com/pricing?x=1',
        referrer: 'https://www.google.com/',
        timeOnFormMs: 12_345,
        honeypot: false,
      },
      issues: [],
    });
  });

  it('gives the minimal lead for an empty submission', () => {
    expect(normalizeLead({ ...base, fields: {} })).toEqual({
      lead: { formType: 'demo', consent: false, source: 'direct', honeypot: false },
      issues: [],
    });
  });

  it('ignores blank and non-string values', () => {
    const { lead, issues } = normalizeLead({
      ...base,
      fields: { email: '   ', phone: '', country: ' ', employees: true, firstName: false },
    });
    expect(issues).toEqual([]);
    expect(lead).toEqual({ formType: 'demo', consent: false, source: 'direct', honeypot: false });
  });

  it.each([
    ['email', { email: 'dana@acme' }, 'Email address is not valid; enter it like name@company.com'],
    ['phone', { phone: '555-555-5555', country: 'US' }, 'Phone number is not a valid number for US'],
    ['phone', { phone: '4155552671' }, 'Phone number is not valid; include the country code, like +44 20 7946 0958'],
    ['employees', { employees: 'lots' }, 'Enter a company size like 50 or 50-200'],
    ['country', { country: 'Atlantis' }, 'Country is not one we recognise; enter its name or two-letter code'],
    ['postalCode', { postalCode: '9410', country: 'USA' }, 'Postal code is not valid; enter a ZIP code like 94107 or 94107-1234'],
    ['postalCode', { postalCode: 'K1A', country: 'Canada' }, 'Postal code is not valid; enter a postal code like K1A 0B1'],
    ['postalCode', { postalCode: 'SW1A 1CA', country: 'UK' }, 'Postal code is not valid; enter a postcode like SW1A 1AA'],
    [
      'postalCode',
      { postalCode: '75008 Paris!', country: 'France' },
      'Postal code is not valid; enter letters, digits, spaces and hyphens only, up to 10 characters',
    ],
  ] as const)('an unusable %s is an issue and left out', (field, fields, message) => {
    const { lead, issues } = normalizeLead({ ...base, fields });
    expect(issues).toEqual([{ field, code: 'invalid', message }]);
    expect(lead).not.toHaveProperty(field);
  });

  it('reports every unusable field, and keeps the rest', () => {
    const { lead, issues } = normalizeLead({
      ...base,
      fields: { email: 'nope', phone: 'abc', employees: '-5', country: 'Narnia', company: 'Acme' },
    });
    expect(issues.map((issue) => issue.field)).toEqual(['country', 'email', 'phone', 'employees']);
    expect(lead.company).toBe('Acme');
  });

  it('offers an email typo fix without raising an issue', () => {
    const { lead, issues } = normalizeLead({ ...base, fields: { email: 'dana@gmial.com' } });
    expect(issues).toEqual([]);
    expect(lead).toMatchObject({
      email: 'dana@gmial.com',
      emailSuggestion: 'dana@gmail.com',
    });
  });

  it.each([
    [{ email: 'dana@acme.com', website: 'other.com' }, 'acme.com'],
    [{ email: 'dana@gmail.com', website: 'https://www.acme.com' }, 'acme.com'],
    [{ email: 'dana@mailinator.com', website: 'acme.io' }, 'acme.io'],
    [{ email: 'dana@gmail.com' }, undefined],
    [{ website: 'acme.com' }, 'acme.com'],
    [{ website: 'not a website' }, undefined],
  ])('domain of %j is %s', (fields, domain) => {
    expect(normalizeLead({ ...base, fields }).lead.domain).toBe(domain);
  });

  it('reads phone, region and postal code in the light of the country', () => {
    const { lead, issues } = normalizeLead({
      ...base,
      fields: { country: 'Reino Unido', phone: '020 7946 0958', region: ' Greater  London ', postalCode: 'sw1a1aa' },
    });
    expect(issues).toEqual([]);
    expect(lead).toMatchObject({
      country: 'GB',
      phone: '+442079460958',
      region: 'Greater London',
      postalCode: 'SW1A 1AA',
      postalDistrict: 'SW1A',
    });
  });

  it('reads a region without a country as US, then Canada', () => {
    expect(normalizeLead({ ...base, fields: { region: 'Québec' } }).lead.region).toBe('QC');
    expect(normalizeLead({ ...base, fields: { region: 'ca' } }).lead.region).toBe('CA');
  });

  it('reads a phone without a usable country only in international form', () => {
    expect(normalizeLead({ ...base, fields: { phone: '+44 20 7946 0958' } }).lead.phone).toBe('+442079460958');
    const { lead, issues } = normalizeLead({ ...base, fields: { phone: '415 555 2671', country: 'Narnia' } });
    expect(lead.phone).toBeUndefined();
    expect(issues.map((issue) => issue.field)).toEqual(['country', 'phone']);
  });

  describe("the phone's country: typed country, then the locale's region, then the form type's default (issue 9, case 6)", () => {
    it.each<[string, Record<string, string>, string | undefined, string | undefined, string, string | undefined]>([
      ['the country the lead typed, before an en-US browser', { country: 'México', phone: '55 1234 5678' }, 'en-US', undefined, '+525512345678', 'MX'],
      ["the country the lead typed, before the form type's default", { country: 'Mexico', phone: '55 1234 5678' }, 'es', 'US', '+525512345678', 'MX'],
      ["the locale's region when no country was typed, before the form type's default", { phone: '55 1234 5678' }, 'es-MX', 'US', '+525512345678', 'US'],
      ["the locale's region alone", { phone: '020 7946 0958' }, 'en-GB', undefined, '+442079460958', undefined],
      ["the form type's default when the locale names no region", { phone: '(415) 555-2671' }, 'es', 'US', '+14155552671', 'US'],
      ["the form type's default when the locale's region is no country (es-419)", { phone: '(415) 555-2671' }, 'es-419', 'US', '+14155552671', 'US'],
      ['an international number whatever the rest', { country: 'México', phone: '+1 415 555 2671' }, 'es-MX', 'US', '+14155552671', 'MX'],
    ])('%s', (_name, fields, locale, defaultCountry, phone, country) => {
      const { lead, issues } = normalizeLead({ ...base, fields, context: locale ? { locale } : {} }, defaultCountry);
      expect(issues).toEqual([]);
      expect(lead.phone).toBe(phone);
      // The lead's own country (routing reads it) is what was typed, else the form type's default.
      expect(lead.country).toBe(country);
    });

    it("does not read a national number with the locale's region when the typed country is not one we know", () => {
      const { lead, issues } = normalizeLead({ ...base, fields: { country: 'Narnia', phone: '55 1234 5678' }, context: { locale: 'es-MX' } });
      expect(lead.phone).toBeUndefined();
      expect(issues.map((issue) => issue.field)).toEqual(['country', 'phone']);
    });
  });

  it.each([
    [{ firstName: 'Dana Whitfield' }, { firstName: 'Dana', lastName: 'Whitfield', fullName: 'Dana Whitfield' }],
    [{ firstName: 'Dana' }, { firstName: 'Dana', fullName: 'Dana' }],
    [{ lastName: 'whitfield' }, { lastName: 'Whitfield', fullName: 'Whitfield' }],
    [
      { firstName: 'Mary Anne', lastName: 'Smith' },
      { firstName: 'Mary Anne', lastName: 'Smith', fullName: 'Mary Anne Smith' },
    ],
    [
      { firstName: '""', lastName: 'Smith' },
      { lastName: 'Smith', fullName: 'Smith' },
    ],
  ])('names %j', (fields, expected) => {
    const { lead } = normalizeLead({ ...base, fields });
    const { firstName, lastName, fullName } = lead;
    expect({ firstName, lastName, fullName }).toEqual(expected);
  });

  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
    ['on', false],
    ['TRUE', false],
    [undefined, false],
  ])('consent %j → %s', (consent, expected) => {
    const fields = consent === undefined ? {} : { consent };
    expect(normalizeLead({ ...base, fields }).lead.consent).toBe(expected);
  });

  it.each([
    ['es-MX', 'es'],
    ['EN_us', 'en'],
    ['fr', 'fr'],
    [' de-DE ', 'de'],
    ['zh-Hant-TW', 'zh'],
    ['', undefined],
    ['x', undefined],
    ['12-34', undefined],
    [undefined, undefined],
  ])('language of locale %j is %s', (locale, language) => {
    const context = locale === undefined ? {} : { locale };
    expect(normalizeLead({ ...base, fields: {}, context }).lead.language).toBe(language);
  });

  it.each([
    ['', false],
    ['   ', false],
    ['http://spam.example', true],
    [undefined, false],
  ])('honeypot %j → %s', (honeypot, expected) => {
    const context = honeypot === undefined ? {} : { honeypot };
    expect(normalizeLead({ ...base, fields: {}, context }).lead.honeypot).toBe(expected);
  });

  it.each([
    [0, 0],
    [1500.5, 1500.5],
    [-1, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
  ])('timeOnFormMs %s → %s', (timeOnFormMs, expected) => {
    expect(normalizeLead({ ...base, fields: {}, context: { timeOnFormMs } }).lead.timeOnFormMs).toBe(expected);
  });

  it("carries the browser's evidence of a person (autofill, paste, keys typed) to the lead", () => {
    const { lead } = normalizeLead({ ...base, fields: {}, context: { timeOnFormMs: 1500, autofilled: true, pasted: false, keysTyped: 3 } });
    expect(lead).toMatchObject({ timeOnFormMs: 1500, autofilled: true, pasted: false, keysTyped: 3 });
    expect(normalizeLead({ ...base, fields: {}, context: {} }).lead).not.toHaveProperty('autofilled');
  });

  it('takes the source from UTM parameters first', () => {
    const { lead } = normalizeLead({
      ...base,
      fields: {},
      context: {
        utm: { source: 'LinkedIn', medium: 'Paid', campaign: 'Q3 ABM' },
        referrer: 'https://www.google.com/',
        pageUrl: 'https://acme.com/demo',
      },
    });
    expect(lead).toMatchObject({
      source: 'linkedin',
      medium: 'paid',
      campaign: 'Q3 ABM',
      pagePath: '/demo',
      pageUrl: 'https://acme.com/demo',
      referrer: 'https://www.google.com/',
    });
  });
});
