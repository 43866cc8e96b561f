/**
 * Invisible characters never reach a rep: NUL and other controls, right-to-left overrides and
 * zero-width characters in a submission are stripped by normalisation, so a notice shows what
 * it seems to show (no "Dana" that is really "anaD" reversed, no hidden text).
 */
import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { accepted, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

beforeEach(async () => {
  await reset();
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

describe('invisible characters in a submission', () => {
  it('are stripped before the lead is stored or any notice is written', async () => {
    const { leadId } = await accepted(
      {
        firstName: 'Ri\u0000ley\u200b',
        lastName: '\u202eneh\u202cC',
        email: 'riley@brightpath.io',
        company: 'Bright\u2066Path\u2069 \ufeffInc',
        employees: '120',
        country: 'US',
        jobTitle: 'C\u200dT\u200cO',
        message: 'Line one\u0007\r\nLine\u00a0two\u2028\u0000',
      },
      { formType: 'demo_request' },
    );
    const view = await settled(leadId);
    expect(view.record.lead).toMatchObject({ firstName: 'Riley', lastName: 'nehC', fullName: 'Riley nehC', company: 'BrightPath Inc', jobTitle: 'CTO' });
    expect(view.record.lead.message).toBe('Line one\nLine\u00a0two');
    const sent = await capturedRequests();
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) expect(INVISIBLE.test(JSON.parse(JSON.stringify(request.body))), `${request.host}: ${request.body.slice(0, 200)}`).toBe(false);
    expect(INVISIBLE.test(JSON.stringify((await leadView(leadId)).record))).toBe(false);
  });
});
