import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('worker', () => {
  it('answers the health check from inside workerd', async () => {
    const res = await exports.default.fetch('http://router.test/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, service: 'lead-router', environment: 'development' });
  });
});
