/**
 * The config check warns about a condition value no normalised lead can ever have (issue 9,
 * case 9): each warning names the route (or territory) and the field, like shadowed routes.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/parse.ts';
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';
import { readExample, tinyConfig } from '../helpers.ts';

const FORMS: RoutingConfigInput['formTypes'] = {
  contact: { label: 'Contact', fields: ['email', 'country', 'region', 'postalCode'], required: ['email'], intent: 'medium', sla: '1h' },
  quote: { label: 'Quote', fields: ['email', 'product'], required: ['email'], intent: 'high', sla: '1h', options: { product: ['Payments', 'Payroll'] } },
};

function warningsOf(when: unknown, formTypes = FORMS): string[] {
  const parsed = parseConfig(tinyConfig({ formTypes, routes: [{ id: 'r', when: when as never, to: { rep: 'ann' } }] }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.warnings.map((w) => `${w.path}: ${w.message}`);
}

const at = (field: string) => `routes[0] "r" when.${field}: `;

describe('warnings for values that can never match', () => {
  it.each<[string, unknown, string]>([
    ['a form type that is not one', { formType: 'Demo' }, `${at('formType')}"Demo" is not a form type (form types: contact, quote): this test never holds`],
    [
      'a form type excluded that does not exist',
      { formType: { ne: 'demo' } },
      `${at('formType')}"demo" is not a form type (form types: contact, quote): this test always holds`,
    ],
    [
      'a region name where US codes are stored',
      { country: 'US', region: 'Bavaria' },
      `${at('region')}"Bavaria" is not a US region (US leads' regions are two-letter codes): this test never holds`,
    ],
    [
      'a region name where Canadian codes are stored',
      { country: 'CA', region: ['Ontario', 'Bavaria'] },
      `${at('region')}"Bavaria" is not a CA region (CA leads' regions are two-letter codes): this test never holds`,
    ],
    ['a country that is not a country', { country: 'Europe' }, `${at('country')}"Europe" is not a country (write DE or Germany): this test never holds`],
    ['an email kind outside its enum', { emailKind: 'business' }, `${at('emailKind')}"business" is not one of work, free, disposable: this test never holds`],
    ['a status outside its enum', { status: { notIn: ['spam'] } }, `${at('status')}"spam" is not one of qualified, incomplete, junk: this test always holds`],
    ['an urgency outside its enum', { urgency: 'hot' }, `${at('urgency')}"hot" is not one of normal, high, urgent: this test never holds`],
    ['an intent outside its enum', { intent: 'strong' }, `${at('intent')}"strong" is not one of low, medium, high: this test never holds`],
    ['a product no form offers', { product: 'Widgets' }, `${at('product')}"Widgets" is not a product option (Payments, Payroll): this test never holds`],
    [
      'a language that is not a code',
      { language: 'Spanish' },
      `${at('language')}"Spanish" is not a language code (leads carry codes like es): this test never holds`,
    ],
    [
      'a postal code that is not one of the pinned country',
      { country: 'GB', postalCode: 'ABC 123' },
      `${at('postalCode')}"ABC 123" is not a GB postal code: this test never holds`,
    ],
    ['a domain that is not one', { domain: 'acme' }, `${at('domain')}"acme" is not a domain: this test never holds`],
    ['an email that is not one', { email: 'dana' }, `${at('email')}"dana" is not an email address: this test never holds`],
    ['a phone that is not international', { phone: '555-0101' }, `${at('phone')}"555-0101" is not an international phone number (+…): this test never holds`],
  ])('%s', (_name, when, expected) => {
    expect(warningsOf(when)).toEqual([expected]);
  });

  it('warns that no lead has a product when no form asks for one', () => {
    expect(warningsOf({ product: 'Payroll' }, { contact: FORMS.contact! })).toEqual([
      `${at('product')}"Payroll" is not a product option (no form type asks for product): this test never holds`,
    ]);
  });

  it('does not warn for a product when some form takes it as free text', () => {
    const free = {
      ...FORMS,
      other: { label: 'Other', fields: ['email', 'product'], required: ['email'], intent: 'low', sla: '1h' },
    } as RoutingConfigInput['formTypes'];
    expect(warningsOf({ product: 'Widgets' }, free)).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['a region name of another country', { country: 'DE', region: 'Bavaria' }],
    ['a US state name (normalised to its code)', { country: 'US', region: 'New York' }],
    ['a region with no country pinned', { region: 'Bavaria' }],
    ['a country name', { country: ['Deutschland', 'USA'] }],
    ['a product option in another case', { product: 'payroll' }],
    ["a form type in another case (it resolves to the config's id)", { formType: ['Quote'] }],
    ['a postal prefix', { country: 'GB', postalCode: { prefix: 'SW1' } }],
    ['a locale for a language', { language: 'es-MX' }],
    ['existence tests', { formType: { exists: true }, region: { exists: false } }],
  ])('does not warn for %s', (_name, when) => {
    expect(warningsOf(when)).toEqual([]);
  });

  it('checks territories too, naming the territory', () => {
    const parsed = parseConfig(tinyConfig({ territories: { dach: { country: ['DE', 'Austria', 'Swiss'] } } }));
    expect(parsed.ok && parsed.warnings).toEqual([
      { path: 'territories.dach.country', message: '"Swiss" is not a country (write DE or Germany): this test never holds' },
    ]);
  });

  it('the shipped example loads without a warning', () => {
    const parsed = parseConfig(readExample());
    expect(parsed.ok && parsed.warnings).toEqual([]);
  });
});
