/** The shared first check, as the widget and the Worker both run it. */
import { describe, expect, it } from 'vitest';
import { validateField, validateSubmission } from '../../../shared/lead/validate.ts';
import { exampleConfig } from '../helpers.ts';

const formTypes = exampleConfig().formTypes;
const demo = formTypes.demo_request!;
const valid = { firstName: 'Dana', lastName: 'Lee', email: 'dana@acme.com', company: 'Acme', employees: '50-200', country: 'US' };

describe('validateSubmission', () => {
  it('accepts a complete demo request, trims values and drops fields the form does not show', () => {
    const result = validateSubmission({ formType: 'demo_request', fields: { ...valid, firstName: '  Dana ', postalCode: '94107' } }, formTypes);
    expect(result).toEqual({ ok: true, submission: { formType: 'demo_request', fields: { ...valid, firstName: 'Dana' } } });
  });

  it.each([
    ['not an object', 'hello', [['body', 'invalid']]],
    ['an unknown form type', { formType: 'webinar', fields: {} }, [['formType', 'unknown_form_type']]],
    ['fields not an object', { formType: 'contact', fields: [] }, [['fields', 'invalid']]],
    [
      'missing required fields',
      { formType: 'demo_request', fields: { email: 'dana@acme.com' } },
      [
        ['firstName', 'required'],
        ['lastName', 'required'],
        ['company', 'required'],
        ['employees', 'required'],
        ['country', 'required'],
      ],
    ],
    ['blank required field', { formType: 'contact', fields: { firstName: '   ', email: 'a@b.co', message: 'hi' } }, [['firstName', 'required']]],
    ['an unknown field name', { formType: 'contact', fields: { firstName: 'A', email: 'a@b.co', message: 'hi', fax: '1' } }, [['fax', 'not_allowed']]],
    ['a bad email', { formType: 'demo_request', fields: { ...valid, email: 'dana@acme' } }, [['email', 'invalid']]],
    ['free mail on a work-email form', { formType: 'demo_request', fields: { ...valid, email: 'dana@gmail.com' } }, [['email', 'work_email_required']]],
    ['letters in a phone', { formType: 'demo_request', fields: { ...valid, phone: 'call me maybe' } }, [['phone', 'invalid']]],
    ['too few digits in a phone', { formType: 'demo_request', fields: { ...valid, phone: '555-12' } }, [['phone', 'invalid']]],
    ['a company size without a number', { formType: 'demo_request', fields: { ...valid, employees: 'lots' } }, [['employees', 'invalid']]],
    [
      'an option not offered',
      { formType: 'quote_request', fields: { firstName: 'A', email: 'a@b.co', company: 'C', product: 'Toasters' } },
      [['product', 'unknown_option']],
    ],
    ['consent not given where required', { formType: 'free_trial', fields: { email: 'a@b.co', consent: false } }, [['consent', 'must_accept']]],
    ['a too-long value', { formType: 'contact', fields: { firstName: 'x'.repeat(81), email: 'a@b.co', message: 'hi' } }, [['firstName', 'too_long']]],
    ['a number where text belongs', { formType: 'contact', fields: { firstName: 42, email: 'a@b.co', message: 'hi' } }, [['firstName', 'invalid']]],
  ])('refuses %s, naming the field and the reason', (_name, input, expected) => {
    const result = validateSubmission(input, formTypes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.field, i.code])).toEqual(expected);
      for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(5);
    }
  });

  it('keeps well-formed context and drops malformed context without refusing the lead', () => {
    const result = validateSubmission(
      {
        formType: 'contact',
        fields: { firstName: 'A', email: 'a@b.co', message: 'hi' },
        context: { pageUrl: 'https://x.test/p', timeOnFormMs: -5, utm: { source: ' google ', medium: 7 }, honeypot: '' },
      },
      formTypes,
    );
    expect(result.ok && result.submission.context).toEqual({ pageUrl: 'https://x.test/p', utm: { source: 'google' }, honeypot: '' });
  });
});

describe("validateSubmission: the browser's evidence of a person", () => {
  it('keeps autofill, paste and keys typed when well-formed, drops them otherwise', () => {
    const fields = { firstName: 'A', email: 'a@b.co', message: 'hi' };
    const ok = validateSubmission({ formType: 'contact', fields, context: { autofilled: true, pasted: false, keysTyped: 12 } }, formTypes);
    expect(ok.ok && ok.submission.context).toEqual({ autofilled: true, pasted: false, keysTyped: 12 });
    const bad = validateSubmission({ formType: 'contact', fields, context: { autofilled: 'yes', pasted: 1, keysTyped: -3 } }, formTypes);
    expect(bad.ok && bad.submission.context).toEqual({});
    const fraction = validateSubmission({ formType: 'contact', fields, context: { keysTyped: 2.5 } }, formTypes);
    expect(fraction.ok && fraction.submission.context).toEqual({});
  });
});

describe('validateField', () => {
  it.each([
    ['email', 'dana@acme.com', undefined],
    ['email', 'dana@', 'invalid'],
    ['phone', '+1 (415) 555-2671 ext. 12', undefined],
    ['phone', '020 7946 0958', undefined],
    ['employees', '1k+', undefined],
    ['firstName', '', 'required'],
    ['jobTitle', '', undefined],
  ] as const)('%s %j → %s', (field, value, code) => {
    expect(validateField(field, value, demo)?.code).toBe(code);
  });
});
