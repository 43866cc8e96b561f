/** The capture worker itself: nothing the tests fetch reaches the internet, and its control API. */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { capturedRequests, failNext, resetCapture } from '../capture-client.ts';

beforeEach(resetCapture);

describe('capture worker', () => {
  it('captures a plain fetch() from test code to a real provider host', async () => {
    const res = await fetch('https://api.resend.com/emails', {
      method: 'POST',
      headers: { Authorization: 'Bearer re_not_a_real_key', 'Content-Type': 'application/json' },
      body: '{"to":["x@example.org"]}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: expect.any(String) });
    const seen = await capturedRequests();
    expect(seen).toEqual([
      {
        method: 'POST',
        url: 'https://api.resend.com/emails',
        host: 'api.resend.com',
        path: '/emails',
        headers: expect.objectContaining({ authorization: 'Bearer re_not_a_real_key' }),
        body: '{"to":["x@example.org"]}',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        status: 200,
      },
    ]);
  });

  it('captures hosts that do not exist (an unroutable name answers {} instead of failing DNS)', async () => {
    const res = await fetch('https://no-such-host.invalid/anything');
    expect(await res.json()).toEqual({});
    expect(await capturedRequests('no-such-host.invalid')).toHaveLength(1);
  });

  it('keeps requests in order, filters by host, and forgets them on reset', async () => {
    await fetch('https://a.example/1');
    await fetch('https://b.example/2');
    await fetch('https://a.example/3');
    expect((await capturedRequests()).map((r) => r.url)).toEqual(['https://a.example/1', 'https://b.example/2', 'https://a.example/3']);
    expect((await capturedRequests('a.example')).map((r) => r.path)).toEqual(['/1', '/3']);
    await resetCapture();
    expect(await capturedRequests()).toEqual([]);
  });

  it('fails the next requests to a host as asked, and reset clears pending failures', async () => {
    await failNext('a.example', 503, 1);
    expect((await fetch('https://a.example/')).status).toBe(503);
    expect((await fetch('https://a.example/')).status).toBe(200);
    await failNext('a.example', 500, 5);
    await resetCapture();
    expect((await fetch('https://a.example/')).status).toBe(200);
  });

  it('refuses a malformed /fail', async () => {
    const res = await env.CAPTURE.fetch('http://capture.control/fail', { method: 'POST', body: '{"times":1}' });
    expect(res.status).toBe(400);
  });
});
