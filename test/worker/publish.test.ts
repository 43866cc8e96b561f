/**
 * Atomic, versioned publishing. The RouterState object is the one source of truth for the live
 * config; KV is only a cache of versions it has. A publish names the version it was edited from
 * (`If-Match`) and why; a stale editor gets 409 and the live config; a publish broken at any
 * step leaves intake, `/v1/forms` and `/widget.js` agreeing on one version.
 */
import { env, exports } from 'cloudflare:workers';
import { evictDurableObject, reset, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoutingConfigInput } from '../../shared/config/schema.ts';
import type { AppEnv } from '../../worker/app-env.ts';
import type { RouterState } from '../../worker/durable/router-state.ts';
import { resetCapture } from './capture-client.ts';
import { ADMIN, alwaysOpenConfig, leadView, publish, submit } from './helpers.ts';

const BASE = 'https://router.test';
const api = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(`${BASE}/v1/admin${path}`, { ...init, headers: { ...ADMIN, 'Content-Type': 'application/json', ...init.headers } });

/** v1: the example with reps always open. v2: the same with a webinar form. */
function v1(): RoutingConfigInput {
  return alwaysOpenConfig();
}
function v2(): RoutingConfigInput {
  const config = alwaysOpenConfig();
  config.formTypes.webinar = { label: 'Webinar', fields: ['email'], required: ['email'], intent: 'low', sla: '1d' };
  return config;
}

/** What every reader serves now: the admin API's live version, and whether intake, forms and widget.js know the webinar form. */
async function readers(): Promise<{ live: number; forms: boolean; widget: boolean; intake: number | false }> {
  const live = (await (await api('/config')).json<{ version: number }>()).version;
  const forms = (await exports.default.fetch(`${BASE}/v1/forms/webinar?site=demo`)).status === 200;
  const widget = (await (await exports.default.fetch(`${BASE}/widget.js`)).text()).includes('"webinar"');
  const res = await submit({ email: `w${Math.random().toString(36).slice(2, 8)}@acme-widgets.com` }, { formType: 'webinar' });
  const intake = res.status === 202 ? (await leadView((await res.json<{ leadId: string }>()).leadId)).record.configVersion : false;
  return { live, forms, widget, intake };
}

const router = () => env.ROUTER.getByName('global');

/** Runs `fn` with the RouterState instance (fault injection at the platform's edge: KV, storage). */
function inRouter<R>(fn: (instance: RouterState & { env: AppEnv }, state: DurableObjectState) => R): Promise<R> {
  return runInDurableObject(router(), (instance: RouterState, state) => fn(instance as RouterState & { env: AppEnv }, state));
}

beforeEach(async () => {
  vi.restoreAllMocks();
  await reset();
  await resetCapture();
  expect((await publish(v1(), { note: 'reps always open' })).status).toBe(200);
});

describe('publishing a config', () => {
  it('records who, when and why in the versions list', async () => {
    const before = Date.now();
    const res = await api('/config', {
      method: 'PUT',
      headers: { 'If-Match': '"1"' },
      body: JSON.stringify({ config: v2(), note: 'webinar form for the launch', by: 'Priya (RevOps)' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe('"2"');
    expect(await res.json()).toMatchObject({ version: 2 });
    const list = await (
      await api('/config/versions')
    ).json<{ current: number; versions: { version: number; publishedAt: number; note?: string; by?: string; base?: number }[] }>();
    expect(list.current).toBe(2);
    expect(list.versions.map((v) => v.version)).toEqual([2, 1, 0]);
    expect(list.versions[0]).toMatchObject({ version: 2, note: 'webinar form for the launch', by: 'Priya (RevOps)', base: 1 });
    expect(list.versions[0]!.publishedAt).toBeGreaterThanOrEqual(before);
    expect((await api('/config/versions?limit=1')).ok).toBe(true);
    expect(await (await api('/config/versions?limit=1')).json<{ versions: unknown[] }>()).toMatchObject({ versions: [{ version: 2 }] });
    expect(await (await api('/config/versions/2')).json<{ note: string; config: unknown }>()).toMatchObject({
      version: 2,
      note: 'webinar form for the launch',
      config: v2(),
    });
  });

  it('refuses a publish without a note', async () => {
    const res = await api('/config', { method: 'PUT', body: JSON.stringify({ config: v2() }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ issues: [{ field: 'note' }] });
    // The bare config of earlier clients is still accepted, with the note in a header.
    const bare = await api('/config', { method: 'PUT', headers: { 'X-Publish-Note': 'from CI' }, body: JSON.stringify(v2()) });
    expect(bare.status).toBe(200);
  });

  it('refuses a config identical to the live one, key order aside', async () => {
    const reordered = Object.fromEntries(Object.entries(v1()).reverse());
    const res = await publish(reordered, { note: 'again' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: 'unchanged', current: { version: 1 } });
  });

  it('gives a stale editor 409 with the live version and its config, to show the difference', async () => {
    expect((await publish(v2(), { note: 'first editor', base: 1 })).status).toBe(200);
    const stale = v1();
    stale.brand = { name: 'Northwind Labs' };
    const res = await publish(stale, { note: 'second editor', base: 1 });
    expect(res.status).toBe(409);
    const body = await res.json<{ error: string; current: { version: number; note: string; config: RoutingConfigInput } }>();
    expect(body).toMatchObject({ error: 'conflict', current: { version: 2, note: 'first editor' } });
    expect(body.current.config).toEqual(v2());
    expect((await publish(stale, { note: 'second editor, merged', base: 2 })).status).toBe(200);
  });

  it('lets one of two editors publishing at once from the same version win, and tells the other', async () => {
    const other = v1();
    other.brand = { name: 'Northwind Labs' };
    const statuses = (await Promise.all([publish(v2(), { note: 'a', base: 1 }), publish(other, { note: 'b', base: 1 })])).map((r) => r.status);
    expect(statuses.toSorted((a, b) => a - b)).toEqual([200, 409]);
    expect((await (await api('/config/versions')).json<{ current: number }>()).current).toBe(2);
  });

  it('answers 413 for a config over what the platform stores', async () => {
    const huge = v2();
    huge.name = 'x'.repeat(1_100_000);
    const res = await publish(huge, { note: 'too big' });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too_large' });
  });
});

describe('a publish broken at any step leaves one version everywhere', () => {
  it('when the KV copy fails, the publish still holds and every reader follows it', async () => {
    await inRouter((instance) => vi.spyOn(instance.env.LEADS_KV, 'put').mockRejectedValue(new Error('KV is unavailable')));
    const res = await publish(v2(), { note: 'KV down', base: 1 });
    expect(res.status).toBe(200);
    expect(await readers()).toEqual({ live: 2, forms: true, widget: true, intake: 2 });
  });

  it('when the object restarts between the commit and the KV copy, every reader follows the commit', async () => {
    await inRouter((instance) => vi.spyOn(instance.env.LEADS_KV, 'put').mockRejectedValue(new Error('KV is unavailable')));
    expect((await publish(v2(), { note: 'then a restart', base: 1 })).status).toBe(200);
    vi.restoreAllMocks();
    await evictDurableObject(router());
    expect(await readers()).toEqual({ live: 2, forms: true, widget: true, intake: 2 });
    // The copy is made again when a reader misses it.
    await new Promise((r) => setTimeout(r, 50));
    expect(await env.LEADS_KV.get('config:v:2', 'json')).toEqual(v2());
  });

  it('when the commit itself fails, nothing is published and every reader stays on the live version', async () => {
    await inRouter((_instance, state) => vi.spyOn(state.storage, 'put').mockRejectedValueOnce(new Error('storage is unavailable')));
    const res = await publish(v2(), { note: 'storage down', base: 1 });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'not_published' });
    expect(await readers()).toEqual({ live: 1, forms: false, widget: false, intake: false });
    expect((await publish(v2(), { note: 'storage back', base: 1 })).status).toBe(200);
  });

  it('never serves a version from KV that the object does not have', async () => {
    // A pointer and a version left in KV by anything else (an older deployment, a bad script).
    await env.LEADS_KV.put('config:current', JSON.stringify({ version: 9 }));
    await env.LEADS_KV.put('config:v:9', JSON.stringify(v2()));
    await evictDurableObject(router());
    expect(await readers()).toEqual({ live: 1, forms: false, widget: false, intake: false });
  });
});
