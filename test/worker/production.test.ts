/**
 * Production is the default. The worker tests run with wrangler.toml's own vars, which is what a
 * plain `wrangler deploy` uploads (only `npm run dev` adds ENVIRONMENT=development), plus the
 * test secrets of vitest.config.ts. A production Worker missing a required secret refuses
 * leads with a 503 that names it, before any lead is stored.
 */
import { env, exports } from 'cloudflare:workers';
import { createExecutionContext, listDurableObjectIds, reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../worker/app-env.ts';
import { app } from '../../worker/index.ts';
import { deliver } from '../../worker/lead/deliveries.ts';
import { parseConfig } from '../../shared/config/parse.ts';
import type { OutboxEntry } from '../../worker/lead/record.ts';
import { resetCapture } from './capture-client.ts';
import { accepted, alwaysOpenConfig, settled, submit } from './helpers.ts';

const BASE = 'https://router.test';
const lead = { formType: 'contact', fields: { firstName: 'Sam', email: 'sam@acme-widgets.com', message: 'Call me' }, context: { timeOnFormMs: 30_000 } };

/** The Worker with some settings removed, as a deployment that lacks them would run. */
function without(...names: (keyof AppEnv)[]) {
  const trimmed = { ...env } as Record<string, unknown>;
  for (const name of names) delete trimmed[name];
  return (path: string, init: RequestInit = {}) => app.fetch(new Request(`${BASE}${path}`, init), trimmed, createExecutionContext());
}

function postLead(fetcher: ReturnType<typeof without>) {
  return fetcher('/v1/leads', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Site-Key': 'demo', Origin: 'http://localhost:5173', 'CF-Connecting-IP': '10.9.9.9' },
    body: JSON.stringify(lead),
  });
}

/** Every lead object that has storage. */
async function leadObjects(): Promise<string[]> {
  return (await listDurableObjectIds(env.LEAD)).map(String).sort();
}

beforeEach(async () => {
  await reset();
  await resetCapture();
});

describe('a plain deploy runs in production', () => {
  it('reads no development setting from wrangler.toml', () => {
    expect(env.ENVIRONMENT).toBe('production');
  });

  it('serves no dev outbox, and reveals nothing of it', async () => {
    for (const [method, path] of [
      ['GET', '/dev/outbox'],
      ['GET', '/dev/outbox.json'],
      ['POST', '/dev/outbox/clear'],
    ] as const) {
      const res = await exports.default.fetch(`${BASE}${path}`, { method });
      expect(res.status, path).toBe(404);
    }
  });

  it('does not fall back to the development admin token', async () => {
    const res = await without('ADMIN_TOKEN')('/v1/admin/config', { headers: { Authorization: 'Bearer dev-admin-token' } });
    expect(res.status).toBe(401);
  });

  it('dead-letters a channel without a provider rather than counting it delivered', async () => {
    const { leadId } = await accepted(
      { firstName: 'Riley', lastName: 'Chen', email: 'riley@brightpath.io', company: 'BrightPath', employees: '120', country: 'US' },
      { formType: 'demo_request' },
    );
    const { record } = await settled(leadId);
    const parsed = parseConfig(alwaysOpenConfig());
    if (!parsed.ok) throw new Error('config');
    const entry: OutboxEntry = {
      id: '99',
      intent: { kind: 'owner_notice', channel: 'slack', to: record.owner.id },
      status: 'pending',
      attempts: 0,
      nextAt: 0,
      createdAt: 0,
    };
    const delivery = await deliver(entry, { record, config: parsed.config, env: { ...env, SLACK_WEBHOOK_URL: undefined }, publicUrl: BASE, now: Date.now() });
    expect(delivery).toEqual({ ok: false, retry: false, error: 'no provider configured for slack' });
  });
});

describe('a production Worker missing a required setting', () => {
  it.each([
    [['SIGNING_SECRET'], /SIGNING_SECRET/],
    [['ADMIN_TOKEN'], /ADMIN_TOKEN/],
    [['RESEND_API_KEY', 'SLACK_WEBHOOK_URL'], /no way to reach reps/i],
  ] as const)('without %j refuses leads with a 503 naming what is missing, and stores nothing', async (names, named) => {
    const before = await leadObjects();
    const res = await postLead(without(...names));
    expect(res.status).toBe(503);
    const body = await res.json<{ error: string; message: string; missing: string[] }>();
    expect(body.error).toBe('not_configured');
    expect(body.message).toMatch(named);
    expect(await leadObjects()).toEqual(before);
  });

  it('answers an ack link with a 503 page, not a 500, when it cannot check signatures', async () => {
    const res = await without('SIGNING_SECRET')('/v1/leads/ld_mi3x0k2a_0123456789abcdef0123/ack?rep=dana&exp=9999999999&sig=00');
    expect(res.status).toBe(503);
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
  });

  it('accepts leads again once the setting is there', async () => {
    const res = await submit(lead.fields, { formType: 'contact' });
    expect(res.status).toBe(202);
  });
});
