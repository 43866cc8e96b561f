/** `POST /v1/leads`: every class of bad input gets its status and a message; good input a 202. */
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../worker/http/intake.ts';
import { accepted, alwaysOpenConfig, leadView, publish, submit } from './helpers.ts';

const contact = { firstName: 'Robin', email: 'robin@brightpath.io', company: 'BrightPath', country: 'US', message: 'Tell me more' };

beforeAll(async () => {
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

describe('intake', () => {
  it('accepts a lead with 202: lead id, owner first name, response time, and nothing of routing', async () => {
    const res = await submit(contact);
    expect(res.status).toBe(202);
    const body = await res.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual(['leadId', 'owner', 'respondWithin']);
    expect(body).toMatchObject({ owner: { name: 'Ana' }, respondWithin: { minutes: 240 } });
    expect(JSON.stringify(body)).not.toMatch(/route|pool|sdr|named/i);
  });

  it('stores the lead before answering', async () => {
    const { leadId, owner } = await accepted({ ...contact, email: 'stored@brightpath.io' });
    const view = await leadView(leadId);
    expect(view.record.owner.kind).toBe('rep');
    expect(view.record.owner.name.startsWith(owner.name!)).toBe(true);
    expect(view.record.decision.route).toBe('round-robin');
    expect(view.timeline.map((e) => e.type).slice(0, 2)).toEqual(['received', 'assigned']);
  });

  it('answers a browser CORS preflight (which carries no site key), for any origin: the POST is checked (refusals.test.ts)', async () => {
    const preflight = (origin: string) =>
      exports.default.fetch('https://router.test/v1/leads', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-site-key,idempotency-key' },
      });
    const res = await preflight('http://localhost:5173');
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    expect(res.headers.get('Access-Control-Allow-Headers')).toContain('Idempotency-Key');
    expect((await preflight('https://evil.example')).status).toBe(204);
  });

  it.each([
    ['unknown site key', { site: 'nope' }, 403, 'Unknown site key "nope"'],
    ['origin not allowed for the site', { origin: 'https://evil.example' }, 403, 'Origin https://evil.example is not allowed for site "demo"'],
  ])('refuses an %s with 403', async (_name, options, status, message) => {
    const res = await submit(contact, options);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: 'forbidden', message });
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await exports.default.fetch('https://router.test/v1/leads', {
      method: 'POST',
      headers: { 'X-Site-Key': 'demo', 'Content-Type': 'application/json' },
      body: '{"formType":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_json', issues: [{ field: 'body', code: 'invalid' }] });
  });

  it('refuses invalid fields with 400 and one issue per field, naming field and reason', async () => {
    const res = await submit({ firstName: '', email: 'robin@', phone: 'call me' }, { formType: 'contact' });
    expect(res.status).toBe(400);
    const body = await res.json<{ error: string; issues: { field: string; code: string; message: string }[] }>();
    expect(body.error).toBe('invalid_lead');
    expect(body.issues.map((i) => [i.field, i.code])).toEqual([
      ['firstName', 'required'],
      ['email', 'invalid'],
      ['phone', 'invalid'],
      ['message', 'required'],
    ]);
  });

  it('refuses a phone the country does not have with 400 (normalisation is authoritative)', async () => {
    const res = await submit({ ...contact, email: 'p@brightpath.io', phone: '555-0000-1', country: 'GB' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ issues: [{ field: 'phone', code: 'invalid', message: 'Phone number is not a valid number for GB' }] });
  });

  it('refuses an unknown form type with 400', async () => {
    const res = await submit(contact, { formType: 'webinar' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ issues: [{ field: 'formType', code: 'unknown_form_type' }] });
  });

  it('refuses an oversized body with 413', async () => {
    const res = await submit({ ...contact, message: 'x'.repeat(MAX_BODY_BYTES) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'too_large', message: 'The request body is over 32 KB' });
  });

  it('limits submissions per client with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await submit({ ...contact, email: `burst${i}@brightpath.io` }, { ip: '203.0.113.9' })).status);
    expect(statuses.slice(0, 30).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
    const res = await submit({ ...contact, email: 'burst-last@brightpath.io' }, { ip: '203.0.113.9' });
    expect(res.headers.get('Retry-After')).toBe('60');
    expect(await res.json()).toMatchObject({ error: 'rate_limited' });
  });

  it('answers a retried request with the same Idempotency-Key with the first answer', async () => {
    const first = await accepted({ ...contact, email: 'retry@brightpath.io' }, { idempotencyKey: 'key-1' });
    const again = await accepted({ ...contact, email: 'retry@brightpath.io' }, { idempotencyKey: 'key-1' });
    expect(again).toEqual(first);
    expect((await leadView(first.leadId)).record.duplicates).toBe(0);
  });
});
