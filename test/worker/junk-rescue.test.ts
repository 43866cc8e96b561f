/**
 * Junk keeps its reasons and can be rescued (issue 9, case 4): an admin who finds a real person
 * in the junk queue marks the lead real, and it is routed, confirmed and notified as if it had
 * just arrived; the reasons it was junk stay on record.
 */
import { exports } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { ADMIN, accepted, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

beforeEach(async () => {
  await reset();
  await resetCapture();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

const rescue = (id: string, body: unknown = { by: 'grace' }) =>
  exports.default.fetch(`https://router.test/v1/admin/leads/${id}/rescue`, {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('a junk lead marked real', () => {
  it('is routed, confirmed and notified as if it had just arrived, and keeps why it was junk', async () => {
    // A honeypot filled by a browser extension: junk by the rules, a real person in fact.
    const { leadId } = await accepted(
      { firstName: 'Riley', lastName: 'Park', email: 'riley@brightpath.io', message: 'Can we get a quote for 40 seats?' },
      { formType: 'contact', context: { honeypot: 'autofilled' } },
    );
    let view = await settled(leadId);
    expect(view.record.owner).toMatchObject({ kind: 'queue', id: 'junk-review' });
    expect(view.record.qualification.junk.map((f) => f.signal)).toEqual(['honeypot']);
    expect(await capturedRequests('api.resend.com')).toHaveLength(0);

    const res = await rescue(leadId);
    expect(res.status).toBe(200);
    view = await settled(leadId);
    expect(view.record.lead.status).not.toBe('junk');
    expect(view.record.owner.kind).toBe('rep');
    expect(view.record.decision.route).not.toBe('$junk');
    // Why it was junk stays, marked as overruled by whom.
    expect(view.record.qualification.junk.map((f) => f.signal)).toEqual(['honeypot']);
    expect(view.timeline.find((e) => e.type === 'rescued')?.detail).toMatch(/grace/);
    // As if it had just arrived: the lead is confirmed, the owner notified, the CRM told.
    const confirmations = (await capturedRequests('api.resend.com')).filter((r) => JSON.parse(r.body).to[0] === 'riley@brightpath.io');
    expect(confirmations).toHaveLength(1);
    expect((await capturedRequests('hooks.slack.com')).length).toBeGreaterThan(0);
    expect((await capturedRequests('crm-hook.example')).length).toBe(1);
    // Twice is refused: it is no longer junk.
    expect((await rescue(leadId)).status).toBe(409);
  });

  it('refuses to rescue a lead that is not junk', async () => {
    const { leadId } = await accepted({ firstName: 'Ola', email: 'ola@fieldline.io', message: 'Pricing?' }, { formType: 'contact' });
    expect((await rescue(leadId)).status).toBe(409);
    expect((await leadView(leadId)).record.owner.kind).toBe('rep');
  });
});
