/**
 * No silent loss at the edge (issue 9, case 5): every answer of `POST /v1/leads`, refusals and
 * failures included, is readable by the page that asked (CORS for allowed and refused origins
 * alike), while a refused origin still creates nothing; refused submissions are counted per
 * site and origin per hour, in batches, and shown to RevOps through the admin API.
 */
import { env, exports } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_KEYS_PER_HOUR, OTHER, type RefusalCount, type RefusalRow } from '../../worker/durable/site-health.ts';
import { MAX_PENDING, RefusalBatch } from '../../worker/middleware/refusal-count.ts';
import { RETRY_AFTER_S } from '../../worker/http/overload.ts';
import { ADMIN, accepted, alwaysOpenConfig, leadView, publish, submit, submitFailing, waitFor, type SubmitOptions } from './helpers.ts';

const contact = { firstName: 'Robin', email: 'robin@refused.example', company: 'Refused', country: 'US', message: 'Tell me more' };
beforeAll(async () => {
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

/** The CORS headers a page's script needs to read an answer. */
const cors = (res: Response) => ({
  origin: res.headers.get('Access-Control-Allow-Origin'),
  vary: res.headers.get('Vary'),
  credentials: res.headers.get('Access-Control-Allow-Credentials'),
});

describe('refusals the browser can read', () => {
  it('answers the preflight of a refused origin, so the browser sends the POST and can read its refusal', async () => {
    const res = await exports.default.fetch('https://router.test/v1/leads', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://copied.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-site-key,idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(cors(res)).toEqual({ origin: 'https://copied.example', vary: 'Origin', credentials: null });
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('POST, OPTIONS');
    expect(res.headers.get('Access-Control-Allow-Headers')).toContain('X-Site-Key');
  });

  it.each<[string, SubmitOptions, string]>([
    ['an origin the site does not allow', { origin: 'https://copied.example' }, 'Origin https://copied.example is not allowed for site "demo"'],
    ['an unknown site key', { site: 'nope' }, 'Unknown site key "nope"'],
  ])('refuses %s with a 403 the page can read, and creates nothing', async (_name, options, message) => {
    const res = await submit(contact, options);
    expect(res.status).toBe(403);
    expect(cors(res)).toEqual({ origin: options.origin ?? 'http://localhost:5173', vary: 'Origin', credentials: null });
    expect(await res.json()).toEqual({ error: 'forbidden', message });
    // The same person from the allowed origin is a first submission: nothing was stored before.
    const { leadId } = await accepted({ ...contact, email: `first-${options.site ?? 'origin'}@refused.example` });
    const timeline = (await leadView(leadId)).timeline.map((event) => event.type);
    expect(timeline.filter((type) => type === 'received')).toHaveLength(1);
    expect(timeline).not.toContain('duplicate');
  });

  it('makes a 400 readable', async () => {
    const res = await submit({ firstName: '' });
    expect(res.status).toBe(400);
    expect(cors(res).origin).toBe('http://localhost:5173');
  });

  it("makes the 503 of a platform failure readable, with Retry-After (answered by the app's onError)", async () => {
    const res = await submitFailing(Object.assign(new Error('Durable Object is overloaded. Too many requests queued.'), { overloaded: true }), contact);
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe(String(RETRY_AFTER_S));
    expect(cors(res)).toEqual({ origin: 'http://localhost:5173', vary: 'Origin', credentials: null });
  });

  it("makes the 500 of a bug readable (answered by the app's onError)", async () => {
    const res = await submitFailing(new TypeError("Cannot read properties of undefined (reading 'owner')"), contact);
    expect(res.status).toBe(500);
    expect(cors(res)).toEqual({ origin: 'http://localhost:5173', vary: 'Origin', credentials: null });
  });
});

describe('refusals counted where RevOps looks', () => {
  /** The admin API's refusals of the last `days` days. */
  const read = async (days = 7) =>
    (await exports.default.fetch(`https://router.test/v1/admin/refusals?days=${days}`, { headers: ADMIN })).json<{
      days: number;
      total: number;
      refusals: (RefusalRow & { siteName: string | null })[];
    }>();

  it('counts refused submissions per site, origin and reason, and lists them in the admin API', async () => {
    await Promise.all([
      ...Array.from({ length: 3 }, () => submit(contact, { origin: 'https://count-me.example' })),
      ...Array.from({ length: 2 }, () => submit(contact, { site: 'typo-key', origin: 'https://count-me.example' })),
      // Allowed submissions and preflights are no refusals.
      submit({ firstName: '' }),
      exports.default.fetch('https://router.test/v1/leads', { method: 'OPTIONS', headers: { Origin: 'https://count-me.example' } }),
    ]);
    // Batched in the isolate: the sums arrive within one flush interval (5 s).
    const rows = await waitFor(
      async () => {
        const mine = (await read()).refusals.filter((row) => row.origin === 'https://count-me.example');
        return mine.reduce((sum, row) => sum + row.count, 0) === 5 && mine;
      },
      8_000,
      'the refusal counts',
    );
    expect(rows.map(({ site, siteName, reason, count }) => ({ site, siteName, reason, count }))).toEqual([
      { site: 'demo', siteName: 'Demo site', reason: 'origin', count: 3 },
      { site: 'typo-key', siteName: null, reason: 'site', count: 2 },
    ]);
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    expect(rows[0]).toMatchObject({ firstHour: hour, lastHour: hour });
  }, 15_000);

  it('is behind the admin token, and checks days', async () => {
    expect((await exports.default.fetch('https://router.test/v1/admin/refusals')).status).toBe(401);
    expect((await exports.default.fetch('https://router.test/v1/admin/refusals?days=31', { headers: ADMIN })).status).toBe(400);
    expect((await read(30)).days).toBe(30);
  });
});

describe('refusal counts stay bounded whatever an attacker sends', () => {
  it('adds refusals up in the isolate: one send per interval, whatever the number of refusals', async () => {
    const sends: RefusalCount[][] = [];
    const send = async (counts: RefusalCount[]) => void sends.push(counts);
    const batch = new RefusalBatch(50);
    // The first refusal of an idle isolate is sent at once, the next ones together, later.
    await batch.add({ site: 'demo', origin: 'https://a.example', reason: 'origin' }, send);
    const later = Array.from({ length: 1000 }, (_, i) =>
      batch.add({ site: 'demo', origin: i % 2 ? 'https://a.example' : 'https://b.example', reason: 'origin' }, send),
    );
    expect(new Set(later).size).toBe(1);
    await later[0];
    expect(sends).toEqual([
      [{ site: 'demo', origin: 'https://a.example', reason: 'origin', count: 1 }],
      [
        { site: 'demo', origin: 'https://b.example', reason: 'origin', count: 500 },
        { site: 'demo', origin: 'https://a.example', reason: 'origin', count: 500 },
      ],
    ]);
  });

  it('holds at most MAX_PENDING distinct pairs between sends; the rest add up under (other)', async () => {
    const sends: RefusalCount[][] = [];
    const batch = new RefusalBatch(0);
    const send = async (counts: RefusalCount[]) => void sends.push(counts);
    await Promise.all(Array.from({ length: MAX_PENDING + 50 }, (_, i) => batch.add({ site: `k${i}`, origin: `https://${i}.example`, reason: 'site' }, send)));
    expect(sends).toHaveLength(1);
    expect(sends[0]).toHaveLength(MAX_PENDING + 1);
    expect(sends[0]!.at(-1)).toEqual({ site: OTHER, origin: OTHER, reason: 'site', count: 50 });
  });

  it('keeps at most MAX_KEYS_PER_HOUR rows an hour, texts cut short, and 30 days', async () => {
    const stub = env.SITE_HEALTH.getByName('bounds-test');
    const now = Date.UTC(2026, 10, 20, 12, 30);
    const long = `https://${'x'.repeat(500)}.example`;
    await stub.record([{ site: 'demo', origin: long, reason: 'origin', count: 2 }], now - 31 * 86_400_000);
    await stub.record(
      Array.from({ length: MAX_KEYS_PER_HOUR + 20 }, (_, i) => ({ site: 'demo', origin: `https://${i}.example`, reason: 'origin' as const, count: 1 })),
      now,
    );
    await stub.record([{ site: 'demo', origin: long, reason: 'origin', count: 4 }], now);
    await runInDurableObject(stub, async (_instance, state) => {
      const rows = state.storage.sql.exec<{ hour: number; site: string; origin: string; count: number }>('SELECT * FROM refusals').toArray();
      // The 31-day-old row is gone; this hour holds MAX_KEYS_PER_HOUR pairs and (other).
      expect(rows.every((row) => row.hour === Math.floor(now / 3_600_000))).toBe(true);
      expect(rows).toHaveLength(MAX_KEYS_PER_HOUR + 1);
      expect(rows.find((row) => row.origin === OTHER)).toMatchObject({ site: OTHER, count: 24 });
      expect(Math.max(...rows.map((row) => row.origin.length))).toBeLessThanOrEqual(120);
    });
    const listed = await stub.refusals(30, now);
    expect(listed.reduce((sum, row) => sum + row.count, 0)).toBe(MAX_KEYS_PER_HOUR + 24);
  });
});
