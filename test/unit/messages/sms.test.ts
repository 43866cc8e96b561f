/** SMS: one GSM-7 message for typical inputs, brand included, no emoji. */
import { describe, expect, it } from 'vitest';
import { SMS_LIMIT, confirmationSms } from '../../../shared/messages/confirmation.ts';
import { gsmLength, toGsm } from '../../../shared/messages/gsm.ts';
import { FORMS, confirmation, type FormName } from './fixtures.ts';

const FORM_NAMES = Object.keys(FORMS) as FormName[];
const TYPICAL = FORM_NAMES.flatMap((form) =>
  ['en', 'es'].flatMap((language) =>
    [
      { firstName: 'Ana', brand: 'Northwind', owner: 'Dana Reyes', within: 15 * 60_000 },
      { firstName: 'María José', brand: 'Northwind Home Services', owner: 'Maximiliano Fernández', within: 90 * 60_000 },
      { firstName: 'Bartholomew-Alexander', brand: 'Acme Plumbing & Heating', owner: 'Christopher Johnson', within: 36 * 3_600_000 },
    ].map((c) => ({ form, language, ...c })),
  ),
);

describe('confirmationSms length', () => {
  it.each(TYPICAL)('$form/$language for $firstName from $brand fits one GSM-7 SMS', ({ form, language, firstName, brand, owner, within }) => {
    const sms = confirmationSms(confirmation(form, { brand, owner: { kind: 'rep', name: owner }, respondWithinMs: within }, { language, firstName }));
    const length = gsmLength(sms);
    expect(length).toBeDefined();
    expect(length).toBeLessThanOrEqual(SMS_LIMIT);
    expect(sms).toContain(brand);
    expect(sms).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('drops the next step, then the name, before going over one SMS', () => {
    const longName = 'Wolfeschlegelsteinhausenbergerdorff Bartholomew Maximilian';
    const sms = confirmationSms(confirmation('service', { brand: 'Northwind Emergency Plumbing, Heating and Air Conditioning' }, { firstName: longName }));
    expect(gsmLength(sms)).toBeLessThanOrEqual(SMS_LIMIT);
    expect(sms).toContain('Dana will call you within 15 minutes.');
    expect(sms).not.toContain('Wolfeschlegel');
  });

  it('leaves out a name that would force UCS-2 (emoji, non-Latin script)', () => {
    for (const firstName of ['Ana 🌸', '明']) {
      const sms = confirmationSms(confirmation('service', {}, { firstName }));
      expect(gsmLength(sms)).toBeDefined();
      expect(sms).toBe('Northwind: thanks. Dana will call you within 15 minutes.');
    }
  });
});

describe('GSM-7', () => {
  it.each([
    ['Te llamará mañana…', 'Te llamara mañana...'],
    ['“Quote” – ‘ok’', '"Quote" - \'ok\''],
    ['teléfono, Müller, Ñandú', 'teléfono, Müller, Ñandu'],
    ['😀', '😀'],
  ])('toGsm(%j) is %j', (input, expected) => {
    expect(toGsm(input)).toBe(expected);
  });

  it.each([
    ['hello', 5],
    ['{ok}', 6],
    ['€5', 3],
    ['á', undefined],
    ['😀', undefined],
  ])('gsmLength(%j) is %j', (input, expected) => {
    expect(gsmLength(input)).toBe(expected);
  });
});
