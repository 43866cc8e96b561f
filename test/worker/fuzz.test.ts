/**
 * Every input is answered with a 4xx and a reason, never a 500, and a refused input changes
 * nothing: property-based requests (fast-check) to the intake, the admin API and the ack links,
 * with prototype names (`__proto__`, `constructor`, `hasOwnProperty`) wherever an id or key goes.
 * After each refused request, the stores are read back: no lead object, KV key, config version
 * or routing state appeared.
 */
import { env, exports } from 'cloudflare:workers';
import { createExecutionContext, listDurableObjectIds, reset, runInDurableObject } from 'cloudflare:test';
import fc from 'fast-check';
import type { AppEnv } from '../../worker/app-env.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import devWorker from '../../worker/dev-entry.ts';
import { leadObject } from '../../worker/lead/lead-id.ts';
import { ADMIN, accepted, leadView } from './helpers.ts';

const BASE = 'https://router.test';
const PROTO = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'prototype', '__defineGetter__'];

/** Text of every kind: prototype names, printable and raw code points, long runs. */
const anyText = fc.oneof(
  fc.constantFrom(...PROTO),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '%', '%00', '..', '../x', 'ld_', 'ld_zzzz', 'x'.repeat(3000), 'rep:hasOwnProperty', 'queue:constructor', 'rep:__proto__'),
);
/** Any JSON value, prototype names as keys included. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, [], {}, 0, '', true, { __proto__: null, constructor: 1 }),
  fc.dictionary(fc.constantFrom(...PROTO, 'to', 'stage', 'outcome', 'config', 'leads', 'limit', 'note', 'by', 'at'), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 4,
  }),
);
/** A request body: JSON of anything, or text that is not JSON. */
const anyBody = fc.oneof(
  anyJson.map((v) => JSON.stringify(v)),
  fc.constantFrom('', 'null', '{', '{"__proto__": {"x": 1}}', '{"constructor": {"prototype": {}}}', '\u0000', 'a=b&c=d'),
  fc.string({ maxLength: 100 }),
);
const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '__proto__',
);

interface Snapshot {
  leads: string[];
  kv: string[];
  router: unknown;
  versions: unknown;
}

/** What the stores hold now: lead objects with storage, KV keys, the routing state and config versions. */
async function snapshot(): Promise<Snapshot> {
  const router = env.ROUTER.getByName('global');
  return {
    leads: (await listDurableObjectIds(env.LEAD)).map(String).sort(),
    kv: (await env.LEADS_KV.list()).keys.map((k) => k.name).sort(),
    router: await router.snapshot(),
    versions: await router.versions(),
  };
}

/** Sends `req` and checks the answer: never a 5xx, a 4xx with a reason; returns the status. */
async function answered(req: Request): Promise<number> {
  const res = await exports.default.fetch(req);
  const text = await res.text();
  const label = `${req.method} ${req.url.slice(0, 200)}`;
  expect(res.status, `${label} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    if (res.headers.get('Content-Type')?.includes('json')) {
      const body = JSON.parse(text) as { error?: unknown; message?: unknown };
      expect(typeof body.error, label).toBe('string');
      expect(typeof body.message, label).toBe('string');
    } else {
      expect(text.length, label).toBeGreaterThan(0);
    }
  }
  return res.status;
}

/** Runs the request, and when it is refused checks that no store changed. */
async function refusedChangesNothing(req: Request): Promise<void> {
  const before = await snapshot();
  const status = await answered(req);
  if (status >= 400) expect(await snapshot(), `${req.method} ${req.url.slice(0, 200)} → ${status}`).toEqual(before);
}

/** A URL path segment as a client could send it. */
const segment = anyText.map((s) => encodeURIComponent(s));

let leadId = '';

beforeAll(async () => {
  await reset();
  // A real lead, so admin and ack calls also reach an object that exists.
  leadId = (await accepted({ firstName: 'Fuzz', email: 'fuzz@acme-widgets.com', message: 'Hello' }, { formType: 'contact' })).leadId;
});

describe('hostile input', () => {
  it('the intake answers every payload with a 4xx and a reason, and a refused one stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          site: fc.oneof(fc.constant('demo'), anyText),
          viaQuery: fc.boolean(),
          origin: fc.option(fc.constantFrom('http://localhost:5173', 'https://evil.example', 'null', '__proto__'), { nil: undefined }),
          type: contentType,
          body: fc.oneof(
            anyBody,
            fc
              .record({
                formType: fc.oneof(fc.constantFrom('contact', 'demo_request'), anyText),
                fields: fc.oneof(anyJson, fc.dictionary(fc.oneof(fc.constantFrom('firstName', 'email', 'message'), anyText), fc.oneof(anyText, anyJson))),
                context: anyJson,
              })
              .map((v) => JSON.stringify(v)),
          ),
        }),
        async ({ site, viaQuery, origin, type, body }) => {
          const headers = new Headers({ 'CF-Connecting-IP': `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
          if (!viaQuery) headers.set('X-Site-Key', site.replace(/[^\x20-\x7e]/g, ''));
          if (origin !== undefined) headers.set('Origin', origin);
          if (type !== undefined) headers.set('Content-Type', type);
          const url = `${BASE}/v1/leads${viaQuery ? `?site=${encodeURIComponent(site)}` : ''}`;
          await refusedChangesNothing(new Request(url, { method: 'POST', headers, body }));
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it('the admin API answers every call with a 4xx and a reason, and a refused one changes nothing', async () => {
    const routes = [
      ['GET', (id: string) => `/leads/${id}`],
      ['POST', (id: string) => `/leads/${id}/close`],
      ['POST', (id: string) => `/leads/${id}/misroute`],
      ['POST', (id: string) => `/leads/${id}/outcome`],
      ['GET', (id: string) => `/config/versions/${id}`],
      ['POST', (id: string) => `/config/versions/${id}/restore`],
      ['GET', (id: string) => `/leads?q=${id}`],
      ['GET', (id: string) => `/leads?from=${id}&to=${id}`],
      ['GET', (id: string) => `/leads?owner=${id}&limit=${id}`],
      ['GET', (id: string) => `/metrics?from=${id}`],
      ['GET', (id: string) => `/config/versions?limit=${id}`],
      ['PUT', () => '/config'],
      ['POST', () => '/config/versions'],
      ['POST', () => '/route'],
      ['POST', () => '/replay'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(segment, fc.constant(leadId)), anyBody, contentType, async ([method, path], id, body, type) => {
        const headers = new Headers(ADMIN);
        if (type !== undefined) headers.set('Content-Type', type);
        await refusedChangesNothing(new Request(`${BASE}/v1/admin${path(id)}`, { method, headers, ...(method === 'GET' ? {} : { body }) }));
      }),
      { numRuns: 250 },
    );
  }, 30_000);

  it('ack and misroute links answer every forgery with a 4xx, and change nothing', async () => {
    const before = (await leadView(leadId)).record;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(segment, fc.constant(leadId)),
        fc.record(
          {
            rep: anyText,
            exp: fc.oneof(anyText, fc.constant('9999999999')),
            sig: fc.oneof(anyText, fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 })),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom('GET /ack', 'POST /ack', 'POST /misroute'),
        anyBody,
        async (id, query, route, body) => {
          const [method, path] = route.split(' ') as [string, string];
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          const init: RequestInit = method === 'GET' ? { method } : { method, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body };
          await refusedChangesNothing(new Request(`${BASE}/v1/leads/${id}${path}?${qs}`, init));
        },
      ),
      { numRuns: 120 },
    );
    // The real lead is as it was: no forged call touched it.
    const { record, timeline } = await leadView(leadId);
    expect(record.acknowledged).toBeUndefined();
    expect(record.misrouted).toEqual(before.misrouted);
    expect(timeline.map((e) => e.type)).not.toContain('acknowledged');
  }, 30_000);
});

describe('prototype names are no ids', () => {
  it.each(PROTO)('a site key %j is refused with a 403, with or without an Origin', async (key) => {
    for (const headers of [{ 'X-Site-Key': key, Origin: 'http://localhost:5173' }, { 'X-Site-Key': key }] as Record<string, string>[]) {
      const res = await exports.default.fetch(`${BASE}/v1/leads`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(403);
    }
    const query = await exports.default.fetch(`${BASE}/v1/leads?site=${key}`, {
      method: 'POST',
      headers: { Origin: 'http://localhost:5173', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(query.status).toBe(403);
  });

  it.each(PROTO)('/v1/forms/%s is no form', async (name) => {
    const res = await exports.default.fetch(`${BASE}/v1/forms/${name}?site=demo`);
    expect(res.status).toBe(404);
  });

  it.each(['rep:hasOwnProperty', 'constructor', 'queue:toString', 'rep:__proto__', 'queue:constructor'])(
    'a misroute to %j is refused and not stored',
    async (to) => {
      const before = (await leadView(leadId)).record.misrouted;
      const res = await exports.default.fetch(`${BASE}/v1/admin/leads/${leadId}/misroute`, {
        method: 'POST',
        headers: { ...ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ to }),
      });
      expect(res.status).toBe(400);
      expect((await leadView(leadId)).record.misrouted).toEqual(before);
    },
  );
});

describe('an admin body of JSON null', () => {
  it.each([
    ['/leads/:id/close', 'POST'],
    ['/leads/:id/misroute', 'POST'],
    ['/leads/:id/outcome', 'POST'],
    ['/route', 'POST'],
    ['/replay', 'POST'],
    ['/config', 'PUT'],
  ])('%s is a 400 with a reason, not a 500', async (path, method) => {
    const res = await exports.default.fetch(`${BASE}/v1/admin${path.replace(':id', leadId)}`, {
      method,
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: 'null',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  });
});

describe('the intake Content-Type', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined])(
    '%s is refused with a 415 that says what to send',
    async (type) => {
      const before = await snapshot();
      const headers: Record<string, string> = { 'X-Site-Key': 'demo', Origin: 'http://localhost:5173', 'CF-Connecting-IP': '10.7.7.7' };
      if (type !== undefined) headers['Content-Type'] = type;
      const body = JSON.stringify({
        formType: 'contact',
        fields: { firstName: 'Kim', email: 'kim@acme-widgets.com', message: 'hi' },
        context: { timeOnFormMs: 30_000 },
      });
      const res = await exports.default.fetch(`${BASE}/v1/leads`, { method: 'POST', headers, body });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: 'unsupported_media_type', message: expect.stringContaining('application/json') });
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
      expect(await snapshot()).toEqual(before);
    },
  );

  it('accepts JSON with a charset', async () => {
    const res = await exports.default.fetch(`${BASE}/v1/leads`, {
      method: 'POST',
      headers: { 'X-Site-Key': 'demo', 'Content-Type': 'application/json; charset=UTF-8', 'CF-Connecting-IP': '10.7.7.8' },
      body: JSON.stringify({
        formType: 'contact',
        fields: { firstName: 'Kim', email: 'kim2@acme-widgets.com', message: 'hi' },
        context: { timeOnFormMs: 30_000 },
      }),
    });
    expect(res.status).toBe(202);
  });
});

describe('reads', () => {
  it('never create storage: a malformed lead id is refused before any object is addressed', async () => {
    const before = await snapshot();
    for (const id of ['nope', 'ld_x', '__proto__', 'ld_mi3x0k2a_0123', '%00', 'x'.repeat(500)]) {
      const res = await exports.default.fetch(`${BASE}/v1/admin/leads/${encodeURIComponent(id)}`, { headers: ADMIN });
      expect(res.status, id).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('of a well-formed lead id that does not exist write nothing in its object', async () => {
    const id = 'ld_mi3x0k2a_0123456789abcdef0123';
    const res = await exports.default.fetch(`${BASE}/v1/admin/leads/${id}`, { headers: ADMIN });
    expect(res.status).toBe(404);
    const stored = await runInDurableObject(leadObject(env, id), async (_instance, state) => ({
      keys: [...(await state.storage.list()).keys()],
      alarm: await state.storage.getAlarm(),
      tables: state.storage.sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .toArray()
        .map((t) => t.name)
        .filter((name) => !name.startsWith('_cf_')),
    }));
    expect(stored).toEqual({ keys: [], alarm: null, tables: [] });
  });

  it('of the dev outbox are bounded, and a bad limit is a 400', async () => {
    // Production has no dev outbox at all (production.test.ts); the bound is the object's own.
    const outbox = env.DEV_OUTBOX.getByName('dev');
    expect(await outbox.list(Number.NaN)).toEqual([]);
    expect(await outbox.list(1e9)).toEqual([]);
    const development = { ...env, ENVIRONMENT: 'development' } as unknown as AppEnv;
    for (const limit of ['x', '-1', '0', '1e9', '__proto__']) {
      const res = await devWorker.fetch(new Request(`${BASE}/dev/outbox.json?limit=${limit}`), development, createExecutionContext());
      expect(res.status, limit).toBe(400);
    }
    const ok = await devWorker.fetch(new Request(`${BASE}/dev/outbox.json?limit=5`), development, createExecutionContext());
    expect(ok.status).toBe(200);
  });
});
