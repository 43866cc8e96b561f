/**
 * `GET /health`: public, ok or not ok only (a load balancer's check); with the admin token
 * (or at `/v1/admin/health`) every configuration problem, half-configured providers included.
 */
import { env, exports } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/index.ts';
import { ADMIN } from './helpers.ts';

const BASE = 'https://router.test';

/** The Worker with some settings changed, as a deployment configured that way would run. */
function withEnv(changes: Record<string, string | undefined>) {
  const changed = { ...env } as Record<string, unknown>;
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete changed[name];
    else changed[name] = value;
  }
  return (path: string, init: RequestInit = {}) => app.fetch(new Request(`${BASE}${path}`, init), changed, createExecutionContext());
}

interface Detail {
  ok: boolean;
  environment: string;
  problems: { setting: string; message: string; blocksLeads: boolean }[];
}

describe('the health check', () => {
  it('answers ok from inside workerd, and nothing more in public', async () => {
    const res = await exports.default.fetch(`${BASE}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, service: 'lead-router' });
  });

  it('gives the detail to the admin token', async () => {
    for (const path of ['/health', '/v1/admin/health']) {
      const res = await exports.default.fetch(`${BASE}${path}`, { headers: ADMIN });
      expect(res.status, path).toBe(200);
      expect(await res.json(), path).toEqual({ ok: true, service: 'lead-router', environment: 'production', problems: [] });
    }
  });

  it('is not ok without a required secret: 503 in public, the names behind the token', async () => {
    const fetcher = withEnv({ SIGNING_SECRET: undefined });
    const open = await fetcher('/health');
    expect(open.status).toBe(503);
    expect(await open.json()).toEqual({ ok: false, service: 'lead-router' });
    const detail = await (await fetcher('/health', { headers: ADMIN })).json<Detail>();
    expect(detail.ok).toBe(false);
    expect(detail.problems).toEqual([expect.objectContaining({ setting: 'SIGNING_SECRET', blocksLeads: true })]);
  });

  it('lists half-configured providers, naming the variables and never their values', async () => {
    const fetcher = withEnv({ TWILIO_AUTH_TOKEN: undefined, HUBSPOT_BASE_URL: 'not a url', EMAIL_PROVIDER: 'sendgrid' });
    const res = await fetcher('/health', { headers: ADMIN });
    expect(res.status).toBe(503);
    const detail = await res.json<Detail>();
    expect(detail.problems.map((p) => p.message)).toEqual([
      'EMAIL_PROVIDER must be "resend" or "postmark"',
      'Twilio is partly configured: TWILIO_AUTH_TOKEN is not set',
      'HubSpot: HUBSPOT_BASE_URL is not an http(s) URL',
    ]);
    expect(JSON.stringify(detail)).not.toContain('not a url');
    // Leads still have a way to reach reps (Slack), so intake stays open.
    expect(detail.problems.every((p) => !p.blocksLeads)).toBe(true);
  });

  it('tells how to see the detail when the admin token itself is missing', async () => {
    const res = await withEnv({ ADMIN_TOKEN: undefined })('/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, service: 'lead-router', message: expect.stringContaining('ADMIN_TOKEN') });
  });

  it('reports SITES that is not valid JSON, and intake answers 503 rather than 500', async () => {
    const fetcher = withEnv({ SITES: '{"demo": ' });
    const detail = await (await fetcher('/health', { headers: ADMIN })).json<Detail>();
    expect(detail.problems).toEqual([expect.objectContaining({ setting: 'SITES', blocksLeads: true })]);
    const res = await fetcher('/v1/leads', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Site-Key': 'demo' }, body: '{}' });
    expect(res.status).toBe(503);
  });
});
