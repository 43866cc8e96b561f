/** The admin API: token required; config read, validated, versioned, published; dry runs with no side effects. */
import { env, exports } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import testLeads from '../../shared/config/examples/test-leads.json';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { ADMIN, accepted, alwaysOpenConfig, leadView, publish, settled } from './helpers.ts';

const api = (path: string, init: RequestInit = {}) => exports.default.fetch(`https://router.test/v1/admin${path}`, init);

beforeEach(async () => {
  await reset();
  await resetCapture();
});

describe('admin API', () => {
  it.each([
    ['no token', {}, 'Send Authorization: Bearer <admin token>'],
    ['a wrong token', { Authorization: 'Bearer nope' }, 'Wrong admin token'],
  ])('answers 401 to %s', async (_name, headers, message) => {
    for (const path of ['/config', '/leads/ld_x', '/state']) {
      const res = await api(path, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'unauthorized', message });
    }
    expect((await api('/config', { method: 'PUT', headers, body: '{}' })).status).toBe(401);
  });

  it('serves the bundled example as version 0 until a config is published', async () => {
    const res = await api('/config', { headers: ADMIN });
    expect(await res.json()).toMatchObject({ version: 0, config: { name: expect.stringContaining('Northwind') } });
  });

  it('refuses an invalid config with the issues, naming the route, and keeps the current one', async () => {
    const config = alwaysOpenConfig();
    config.routes[6]!.to = { pool: 'enterprize' };
    const res = await publish(config);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_config', issues: [{ path: 'routes[6] "latam" to', message: 'no pool "enterprize"' }] });
    expect(await (await api('/config', { headers: ADMIN })).json()).toMatchObject({ version: 0 });
  });

  it('publishes a valid config as the next version, with warnings, and new leads follow it', async () => {
    const config = alwaysOpenConfig();
    // Everyone under 50 employees now goes straight to Chloe.
    config.routes.unshift({ id: 'small-to-chloe', when: { employees: { lt: 50 } }, to: { rep: 'chloe' } });
    const res = await publish(config);
    expect(res.status).toBe(200);
    // The old SMB route is now reachable only when Chloe is away: the config loads, with a warning.
    expect(await res.json()).toEqual({
      version: 1,
      warnings: [
        {
          path: 'routes[18] "smb"',
          message: 'reached only when nobody route "small-to-chloe" (routes[0]) names is available: every lead it matches, "small-to-chloe" matches first',
        },
      ],
    });
    const { leadId, owner } = await accepted(
      { firstName: 'Drew', lastName: 'Fox', email: 'drew@tinyshop.com', company: 'Tiny Shop', employees: '8', country: 'US' },
      { formType: 'demo_request' },
    );
    expect(owner.name).toBe('Chloe');
    const view = await leadView(leadId);
    expect(view.record).toMatchObject({ configVersion: 1, decision: { route: 'small-to-chloe' } });
    expect(view.record.trace[0]).toMatchObject({ step: 'route', route: 'small-to-chloe', matched: true, reason: 'employees 8 < 50' });
  });

  it('dry-runs test leads against the live or a proposed config, with no side effects', async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    const live = await api('/route', {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ leads: testLeads.leads.slice(0, 3), at: testLeads.at }),
    });
    expect(live.status).toBe(200);
    const body = await live.json<{ results: { name: string; passed: boolean; decision: { owner: { id: string } } }[] }>();
    expect(body.results.map((r) => r.decision.owner.id)).toEqual(['dana', 'lee', 'tom']);

    const proposed = alwaysOpenConfig();
    proposed.accounts = {};
    const dry = await api('/route', {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ leads: testLeads.leads.slice(0, 1), config: proposed }),
    });
    const result = await dry.json<{ proposed: boolean; results: { passed: boolean; mismatches: string[] }[] }>();
    expect(result.proposed).toBe(true);
    expect(result.results[0]!.passed).toBe(false);
    expect(result.results[0]!.mismatches[0]).toMatch(/expected rep "dana"/);

    expect(await capturedRequests()).toEqual([]);
    const state = await (await api('/state', { headers: ADMIN })).json<{ load: Record<string, number> }>();
    expect(state.load).toEqual({});
  });

  it('keeps working while KV has not caught up with a new version', async () => {
    const config = alwaysOpenConfig();
    config.brand = { name: 'Northwind Labs' };
    expect((await publish(config)).status).toBe(200);
    // KV is eventually consistent: another location may not see the new version yet.
    await env.LEADS_KV.delete('config:v:1');
    const { leadId } = await accepted({ firstName: 'Kit', email: 'kit@lagging.example', company: 'Lag', country: 'US', message: 'hello' });
    const view = await settled(leadId);
    expect(view.record.configVersion).toBe(1);
    expect(view.outbox.every((e) => e.status === 'delivered')).toBe(true);
  });

  it('answers 404 for a lead that does not exist', async () => {
    const res = await api('/leads/ld_missing', { headers: ADMIN });
    expect(res.status).toBe(404);
  });
});
