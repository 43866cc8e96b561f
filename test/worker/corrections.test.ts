/**
 * A misroute that came from wrong data is put right by correcting the lead and routing it again
 * through the rules (issue 12, Deliver 6); and consent is recorded with the wording the person
 * saw, its version and the time (issue 10, Deliver 3).
 */
import { exports } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { ADMIN, accepted, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

const reroute = (id: string, body: unknown) =>
  exports.default.fetch(`https://router.test/v1/admin/leads/${id}/reroute`, {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const demo = { firstName: 'Ada', lastName: 'Moss', email: 'ada@moss-works.com', company: 'Moss Works', employees: '80', country: 'US', region: 'NY' };

beforeEach(async () => {
  await reset();
  await resetCapture();
});

describe('correcting a lead and routing it again', () => {
  it('routes the corrected lead by the rules: 800 employees, not 80, is an enterprise lead', async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    const { leadId } = await accepted(demo, { formType: 'demo_request' });
    const before = await settled(leadId);
    expect(before.record.decision.route).not.toBe('enterprise');
    await resetCapture();
    const res = await reroute(leadId, { fields: { employees: '800' }, by: 'grace' });
    expect(res.status).toBe(200);
    const view = await settled(leadId);
    expect(view.record.lead.employees).toBe(800);
    expect(view.record.decision.route).toBe('enterprise');
    expect(['priya', 'marco']).toContain(view.record.owner.id);
    expect(view.timeline.find((e) => e.type === 'corrected')?.detail).toBe('grace corrected employees');
    expect(view.record.trace[0]).toEqual({ step: 'note', reason: 'routed again: data corrected by grace (employees)' });
    // The new owner hears of it; the CRM gets the corrected, re-owned record.
    expect((await capturedRequests('hooks.slack.com')).length).toBeGreaterThan(0);
    const hooks = (await capturedRequests('crm-hook.example')).map((r) => JSON.parse(r.body).lead);
    expect(hooks.at(-1)).toMatchObject({ employees: 800, owner: { id: view.record.owner.id } });
    // Attribution is the first visit's.
    expect(view.record.lead.source).toBe(before.record.lead.source);
  });

  it('refuses a correction it cannot read, naming the field', async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    const { leadId } = await accepted(demo, { formType: 'demo_request' });
    for (const fields of [{ employeeCount: '800' }, { phone: '12' }, { employees: 800 }]) {
      const res = await reroute(leadId, { fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      const body = await res.json<{ issues: { field: string }[] }>();
      expect(body.issues[0]!.field).toBe(Object.keys(fields)[0]);
    }
    expect((await leadView(leadId)).timeline.some((e) => e.type === 'corrected')).toBe(false);
  });
});

describe('consent', () => {
  it("is recorded with the wording the person saw, the form's consent version and the time", async () => {
    const config = alwaysOpenConfig();
    config.formTypes.content_download!.consentVersion = 'privacy-2026-11';
    expect((await publish(config)).status).toBe(200);
    const { leadId } = await accepted(
      { firstName: 'Ada', email: 'ada@moss-works.com', consent: true },
      { formType: 'content_download', context: { consentText: 'Acepto que me contacten' } },
    );
    const { record } = await settled(leadId);
    expect(record.consent).toEqual({ at: record.receivedAt, wording: 'Acepto que me contacten', version: 'privacy-2026-11' });
  });
});
