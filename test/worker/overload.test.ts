/** Overload: an overloaded isolate refuses early with 503 and Retry-After; platform failures are 503s, not 500s. */
import { afterEach, describe, expect, it } from 'vitest';
import { isOverload, RETRY_AFTER_S, Shedder, shedder } from '../../worker/http/overload.ts';
import { accepted, alwaysOpenConfig, publish, submit } from './helpers.ts';

const contact = { firstName: 'Robin', email: 'robin@overload.example', company: 'Overload', country: 'US', message: 'Tell me more' };
const refuse = shedder.refuse;

afterEach(() => {
  shedder.refuse = refuse;
});

describe('load shedding', () => {
  it('refuses a submission with 503, Retry-After and CORS while overloaded, having stored nothing', async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    shedder.refuse = async () => true;
    const res = await submit(contact);
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe(String(RETRY_AFTER_S));
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    expect(await res.json()).toMatchObject({ error: 'overloaded' });
    shedder.refuse = refuse;
    // The retry is the first submission the Worker sees.
    expect((await accepted(contact)).leadId).toMatch(/^ld_/);
  });

  it('refuses only while the event loop lags and more than a few submissions are in flight', async () => {
    const s = new Shedder();
    s.inFlight = 20;
    // Arrived 200 ms before the probe could run: the thread is that far behind.
    expect(await s.refuse(Date.now() - 200)).toBe(true);
    s.inFlight = 3;
    expect(await s.refuse(Date.now() - 200)).toBe(false);
    // A probe on an idle loop, long after the last one, starts afresh.
    s.inFlight = 20;
    await new Promise((r) => setTimeout(r, 300));
    expect(await s.refuse(Date.now())).toBe(false);
  });

  it('tells platform failures (overloaded objects, internal errors) from failures of our code', () => {
    expect(isOverload(Object.assign(new Error('Durable Object is overloaded. Too many requests queued.'), { overloaded: true }))).toBe(true);
    expect(isOverload(Object.assign(new Error('Network connection lost.'), { retryable: true }))).toBe(true);
    expect(isOverload(new Error('internal error; reference = 46e2qufafisr9jd0jr7bgeb9'))).toBe(true);
    expect(isOverload(new TypeError("Cannot read properties of undefined (reading 'owner')"))).toBe(false);
    expect(isOverload('internal error')).toBe(false);
  });
});
