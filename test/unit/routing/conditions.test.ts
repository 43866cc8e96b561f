import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/parse.ts';
import { route } from '../../../shared/routing/route.ts';
import type { RoutableLead } from '../../../shared/routing/types.ts';
import { emptyState, loadConfig, routable, tinyConfig } from '../helpers.ts';

/** Routes `lead` through a config whose only route has condition `when`; true when it matched. */
function matches(when: unknown, lead: Partial<RoutableLead>): boolean {
  const config = loadConfig(tinyConfig({ routes: [{ id: 'r', when: when as never, to: { rep: 'ann' } }] }));
  return route(routable(lead), config, emptyState(), 0).route === 'r';
}

describe('condition operators', () => {
  it.each([
    // [operator, condition, lead, expected]
    ['eq (shorthand)', { country: 'US' }, { country: 'US' }, true],
    ['eq folds case of codes', { country: 'us' }, { country: 'US' }, true],
    ['eq mismatch', { country: 'US' }, { country: 'CA' }, false],
    ['eq explicit', { country: { eq: 'US' } }, { country: 'US' }, true],
    ['eq on number', { employees: 50 }, { employees: 50 }, true],
    ['eq on boolean', { consent: true }, { consent: false }, false],
    ['ne', { country: { ne: 'US' } }, { country: 'CA' }, true],
    ['ne equal', { country: { ne: 'US' } }, { country: 'US' }, false],
    ['in (shorthand list)', { country: ['US', 'CA'] }, { country: 'CA' }, true],
    ['in miss', { country: { in: ['US', 'CA'] } }, { country: 'MX' }, false],
    ['in numbers', { employees: { in: [10, 20] } }, { employees: 20 }, true],
    ['notIn', { country: { notIn: ['US', 'CA'] } }, { country: 'MX' }, true],
    ['notIn hit', { country: { notIn: ['US', 'CA'] } }, { country: 'US' }, false],
    ['gt', { employees: { gt: 50 } }, { employees: 51 }, true],
    ['gt boundary', { employees: { gt: 50 } }, { employees: 50 }, false],
    ['gte boundary', { employees: { gte: 50 } }, { employees: 50 }, true],
    ['lt', { employees: { lt: 50 } }, { employees: 49 }, true],
    ['lt boundary', { employees: { lt: 50 } }, { employees: 50 }, false],
    ['lte boundary', { employees: { lte: 50 } }, { employees: 50 }, true],
    ['range (gte and lt together)', { employees: { gte: 50, lt: 500 } }, { employees: 499 }, true],
    ['range upper bound', { employees: { gte: 50, lt: 500 } }, { employees: 500 }, false],
    ['prefix', { postalCode: { prefix: '941' } }, { postalCode: '94107' }, true],
    ['prefix list', { postalCode: { prefix: ['940', '941'] } }, { postalCode: '94025' }, true],
    ['prefix miss', { postalCode: { prefix: '941' } }, { postalCode: '95014' }, false],
    ['prefix folds UK case', { postalCode: { prefix: 'sw1' } }, { postalCode: 'SW1A 1AA' }, true],
    ['contains folds free text', { message: { contains: 'Payroll' } }, { message: 'We need PAYROLL help' }, true],
    ['contains any of list', { message: { contains: ['hvac', 'boiler'] } }, { message: 'Our boiler broke' }, true],
    ['contains miss', { message: { contains: 'payroll' } }, { message: 'hello' }, false],
    ['exists true', { phone: { exists: true } }, { phone: '+14155550123' }, true],
    ['exists true, missing', { phone: { exists: true } }, {}, false],
    ['exists false, missing', { phone: { exists: false } }, {}, true],
    ['exists false, present', { phone: { exists: false } }, { phone: '+14155550123' }, false],
    ['missing value fails eq', { country: 'US' }, {}, false],
    ['missing value fails ne (no routing on unknown data)', { country: { ne: 'US' } }, {}, false],
    ['missing value fails notIn', { country: { notIn: ['US'] } }, {}, false],
    ['missing number fails lt', { employees: { lt: 50 } }, {}, false],
    ['all fields must hold', { country: 'US', employees: { gte: 50 } }, { country: 'US', employees: 10 }, false],
    ['alternatives: any may hold', [{ country: 'US' }, { language: 'es' }], { country: 'MX', language: 'es' }, true],
    ['alternatives: none holds', [{ country: 'US' }, { language: 'es' }], { country: 'MX', language: 'en' }, false],
    ['qualification fields', { status: 'incomplete', urgency: 'urgent' }, { status: 'incomplete', urgency: 'urgent' }, true],
    ['no condition matches everything', undefined, {}, true],
  ])('%s', (_name, when, lead, expected) => {
    expect(matches(when, lead as Partial<RoutableLead>)).toBe(expected);
  });
});

describe('both sides of a comparison normalised the same way (issue 9, case 9)', () => {
  it.each([
    // [what, condition, lead as normalisation leaves it, expected]
    ['region name of a non-US country', { country: 'DE', region: 'Bavaria' }, { country: 'DE', region: 'Bavaria' }, true],
    ['region typed in another case', { region: 'Bavaria' }, { country: 'DE', region: 'bavaria' }, true],
    ['region with accents and dashes', { region: 'Île-de-France' }, { country: 'FR', region: 'Ile de France' }, true],
    ['US state name → code', { country: 'US', region: 'California' }, { country: 'US', region: 'CA' }, true],
    ['US state names in a list, no country', { region: ['New York', 'Texas'] }, { country: 'US', region: 'TX' }, true],
    ['Canadian province name', { country: 'CA', region: 'Québec' }, { country: 'CA', region: 'QC' }, true],
    ['region code in lower case', { region: 'ny' }, { country: 'US', region: 'NY' }, true],
    ['country name', { country: 'Germany' }, { country: 'DE' }, true],
    ['country alpha-3 and native name in a list', { country: ['DEU', 'México'] }, { country: 'MX' }, true],
    ['country name in notIn', { country: { notIn: ['United States'] } }, { country: 'US' }, false],
    ['postcode without its space', { postalCode: 'sw1a1aa' }, { country: 'GB', postalCode: 'SW1A 1AA' }, true],
    ['postal prefix across the space', { postalCode: { prefix: 'K1A0' } }, { country: 'CA', postalCode: 'K1A 0B1' }, true],
    ['ZIP+4 typed without its dash, country pinned', { country: 'US', postalCode: '941071234' }, { country: 'US', postalCode: '94107-1234' }, true],
    ['postal district', { postalDistrict: 'sw1a' }, { postalDistrict: 'SW1A' }, true],
    ['domain written as a URL', { domain: 'https://www.Acme.com/' }, { domain: 'acme.com' }, true],
    ['email domain written with its @', { emailDomain: '@Acme.com' }, { emailDomain: 'acme.com' }, true],
    ['email address in capitals', { email: ' Dana@Acme.com' }, { email: 'dana@acme.com' }, true],
    ['language as a locale', { language: 'es-MX' }, { language: 'es' }, true],
    ['language in capitals', { language: 'ES' }, { language: 'es' }, true],
    ['phone typed with spaces', { phone: '+1 415 555 0123' }, { phone: '+14155550123' }, true],
    ['phone prefix with spaces', { phone: { prefix: '+1 (415)' } }, { phone: '+14155550123' }, true],
    ['free text: accents fold on both sides', { message: { contains: 'nómina' } }, { message: 'Ayuda con la NOMINA' }, true],
    ['free text: spacing folds', { company: 'Acme  Corp' }, { company: 'acme corp' }, true],
    ['product folds like text', { product: 'Managed IT' }, { product: 'managed it' }, true],
    ['page path: the lead side folds too', { pagePath: { prefix: '/pricing' } }, { pagePath: '/Pricing/teams' }, true],
    ['enums fold', { status: 'Incomplete' }, { status: 'incomplete' }, true],
    ['source folds', { source: 'LinkedIn' }, { source: 'linkedin' }, true],
  ])('%s', (_name, when, lead, expected) => {
    expect(matches(when, lead as Partial<RoutableLead>)).toBe(expected);
  });

  const forms = {
    Demo: { label: 'Demo', fields: ['email'], required: ['email'], intent: 'high', sla: '5m' },
    contact: { label: 'Contact', fields: ['email'], required: ['email'], intent: 'medium', sla: '1h' },
  } as const;
  const formTypeConfig = (formType: string) => tinyConfig({ formTypes: forms as never, routes: [{ id: 'r', when: { formType }, to: { rep: 'ann' } }] });

  it('compares form type ids exactly, as the config writes them', () => {
    const config = loadConfig(formTypeConfig('Demo'));
    expect(route(routable({ formType: 'Demo' }), config, emptyState(), 0).route).toBe('r');
    expect(route(routable({ formType: 'contact' }), config, emptyState(), 0).route).toBe('$fallback');
  });

  it("resolves a form type written in another case to the config's own id, then compares exactly", () => {
    const config = loadConfig(tinyConfig({ formTypes: { Demo: forms.Demo }, routes: [{ id: 'r', when: { formType: 'DEMO' }, to: { rep: 'ann' } }] } as never));
    expect(route(routable({ formType: 'Demo' }), config, emptyState(), 0).route).toBe('r');
    expect(route(routable({ formType: 'demo' }), config, emptyState(), 0).route).toBe('$fallback');
  });

  it('warns when a form type is none of the ids, or matches two that differ only in case', () => {
    const ambiguous = { ...forms, demo: forms.Demo };
    const parsed = parseConfig(tinyConfig({ formTypes: ambiguous as never, routes: [{ id: 'r', when: { formType: ['DEMO', 'Quote'] }, to: { rep: 'ann' } }] }));
    expect(parsed.ok && parsed.warnings.map((w) => w.message)).toEqual([
      '"DEMO" is not a form type (form types: Demo, contact, demo): this test never holds',
      '"Quote" is not a form type (form types: Demo, contact, demo): this test never holds',
    ]);
  });
});

describe('named accounts', () => {
  const config = loadConfig(
    tinyConfig({ accounts: { 'acme.com': 'ann', 'eu.acme.com': 'bob', 'WWW.Globex.com': 'cat' }, routes: [{ id: 'named', to: { accountOwner: true } }] }),
  );
  it.each([
    ['the domain itself', 'acme.com', 'ann'],
    ['a sub-domain', 'us.acme.com', 'ann'],
    ['any depth of sub-domain', 'mail.us.acme.com', 'ann'],
    ['the most specific named account first', 'mail.eu.acme.com', 'bob'],
    ['the more specific one itself', 'eu.acme.com', 'bob'],
    ['an account written with www.', 'globex.com', 'cat'],
    ['not a suffix match on a label', 'notacme.com', 'triage'],
    ['not a parent of the account', 'com', 'triage'],
  ])('%s', (_name, domain, owner) => {
    expect(route(routable({ domain }), config, emptyState(), 0).owner.id).toBe(owner);
  });
});
