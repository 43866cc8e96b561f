/**
 * The country the lead typed decides the phone's country (issue 9, case 6), in the Worker: a
 * national number is read in the lead's country, else the region of the form's locale, else
 * the form type's default country; the stored lead carries that number.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { accepted, alwaysOpenConfig, leadView, publish } from './helpers.ts';

beforeAll(async () => {
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

describe("the phone's country", () => {
  it('is the country the lead typed: México on a Spanish form in an en-US browser is +52', async () => {
    const { leadId } = await accepted(
      { firstName: 'Lucía', email: 'lucia@tacos-norte.mx', phone: '55 1234 5678', country: 'México', message: 'Queremos una demo' },
      { context: { locale: 'en-US' } },
    );
    expect((await leadView(leadId)).record.lead).toMatchObject({ phone: '+525512345678', country: 'MX' });
  });

  it("is the locale's region before the form type's default when no country was typed", async () => {
    const { leadId } = await accepted(
      { firstName: 'Jorge', phone: '55 8765 4321', postalCode: '94107', message: 'Se fue la luz' },
      { formType: 'urgent_service', context: { locale: 'es-MX' } },
    );
    // The lead's country, for routing, stays the form type's (a US service area).
    expect((await leadView(leadId)).record.lead).toMatchObject({ phone: '+525587654321', country: 'US' });
  });

  it("is the form type's default when the locale names no region", async () => {
    const { leadId } = await accepted(
      { firstName: 'Jamie', phone: '(415) 555-2688', postalCode: '94107' },
      { formType: 'urgent_service', context: { locale: 'es' } },
    );
    expect((await leadView(leadId)).record.lead.phone).toBe('+14155552688');
  });
});
