import { describe, expect, it } from 'vitest';
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
