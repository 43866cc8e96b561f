/**
 * The weekly spot-check (issue 12, Deliver 5): "looks right" is recorded on the lead, for the whole
 * team to see (the spot-check page reads it from the lead), not on one browser.
 */
import { exports } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetCapture } from './capture-client.ts';
import { ADMIN, accepted, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

const check = (id: string, body: unknown) =>
  exports.default.fetch(`https://router.test/v1/admin/leads/${id}/spot-check`, {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeEach(async () => {
  await reset();
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

describe('a spot-checked lead', () => {
  it('is confirmed for everyone, on the lead and its timeline', async () => {
    const { leadId } = await accepted({ firstName: 'Ola', email: 'ola@fieldline.io', message: 'Pricing?' }, { formType: 'contact' });
    await settled(leadId);
    const res = await check(leadId, { by: 'grace' });
    expect(res.status).toBe(200);
    const view = await leadView(leadId);
    expect(view.record.spotChecked).toMatchObject({ by: 'grace' });
    expect(view.timeline.find((e) => e.type === 'spot_checked')?.detail).toBe('grace says the route and owner are right');
  });

  it('answers 404 for an unknown lead', async () => {
    expect((await check('ld_mx00000a_0123456789abcdef0123', {})).status).toBe(404);
  });
});
