/**
 * Overload (issue 10, Why 7; issue 13, Deliver 3): the intake refuses only on a signal the
 * deployed platform really gives — a Durable Object's overload error, answered 503 with
 * Retry-After — and never because its own isolate looks busy (a person's burst under
 * `wrangler dev`: test/e2e/burst.e2e.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isOverload, RETRY_AFTER_S } from '../../worker/http/overload.ts';
import { alwaysOpenConfig, publish, submit, submitFailing } from './helpers.ts';

const contact = { firstName: 'Robin', email: 'robin@overload.example', company: 'Overload', country: 'US', message: 'Tell me more' };

/** The error the runtime throws at a caller when an object has too many requests queued (its flag is lost when it is relayed by another object: only the message crosses RPC). */
const overloaded = (relayed: boolean) =>
  Object.assign(new Error('Durable Object is overloaded. Too many requests queued.'), relayed ? {} : { overloaded: true });

beforeAll(async () => {
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

describe('overload', () => {
  it.each([
    ['reported by the object itself', false],
    ['relayed by the identity object from RouterState', true],
  ])('of an object (%s) is answered 503 with Retry-After and CORS, and the retry is a first submission', async (_case, relayed) => {
    const res = await submitFailing(overloaded(relayed), contact);
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe(String(RETRY_AFTER_S));
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    expect(await res.json()).toMatchObject({ error: 'unavailable' });
    // Nothing was stored: the retry makes the lead, and it is nobody's duplicate.
    const retry = await submit(contact);
    expect(retry.status).toBe(202);
  });

  it('tells platform failures (overloaded objects, internal errors) from failures of our code', () => {
    expect(isOverload(overloaded(false))).toBe(true);
    expect(isOverload(overloaded(true))).toBe(true);
    expect(isOverload(Object.assign(new Error('Network connection lost.'), { retryable: true }))).toBe(true);
    expect(isOverload(new Error('internal error; reference = 46e2qufafisr9jd0jr7bgeb9'))).toBe(true);
    expect(isOverload(new TypeError("Cannot read properties of undefined (reading 'owner')"))).toBe(false);
    expect(isOverload('internal error')).toBe(false);
  });
});
