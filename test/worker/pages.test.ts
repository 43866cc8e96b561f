/**
 * Every page the Worker serves has a Content-Security-Policy: the ack page and the dev outbox
 * (written by the Worker), the dashboard and the demo page (static assets, dist/public/_headers).
 */
import { env, exports } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import devWorker from '../../worker/dev-entry.ts';

const BASE = 'https://router.test';

function csp(res: Response): Record<string, string> {
  const header = res.headers.get('Content-Security-Policy') ?? '';
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]),
  );
}

describe('pages written by the Worker', () => {
  it("the ack page allows no script, only this origin's style sheet, forms to itself, and no framing", async () => {
    const res = await exports.default.fetch(`${BASE}/v1/leads/ld_mi3x0k2a_0123456789abcdef0123/ack?rep=dana&exp=9999999999&sig=00`);
    expect(res.status).toBe(403);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const policy = csp(res);
    expect(policy).toMatchObject({ 'default-src': "'none'", 'form-action': "'self'", 'frame-ancestors': "'none'", 'base-uri': "'none'" });
    expect(policy['style-src']).toBe("'self'");
    expect(policy['script-src']).toBeUndefined();
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('links the style sheet the static assets serve, and carries no inline style or script', async () => {
    const res = await exports.default.fetch(`${BASE}/v1/leads/ld_mi3x0k2a_0123456789abcdef0123/ack?rep=dana&exp=9999999999&sig=00`);
    const html = await res.text();
    expect(html).toContain('<link rel="stylesheet" href="/page.css">');
    expect(html).not.toMatch(/<style|<script|style=/);
    const css = await env.ASSETS.fetch(`${BASE}/page.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain('font:16px/1.5 system-ui');
  });

  it('the dev outbox has the same policy', async () => {
    const res = await devWorker.fetch(new Request(`${BASE}/dev/outbox`), { ...env, ENVIRONMENT: 'development' }, createExecutionContext());
    expect(res.status).toBe(200);
    expect(csp(res)).toMatchObject({ 'default-src': "'none'", 'frame-ancestors': "'none'" });
  });

  it('JSON answers are left alone', async () => {
    const res = await exports.default.fetch(`${BASE}/health`);
    expect(res.headers.get('Content-Security-Policy')).toBeNull();
  });
});

describe('static pages', () => {
  it('the dashboard runs only its own scripts and styles, talks only to this origin, and cannot be framed', async () => {
    const res = await env.ASSETS.fetch(`${BASE}/dashboard/`);
    expect(res.status).toBe(200);
    expect(csp(res)).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
    });
  });

  it('the demo page has a policy too', async () => {
    const res = await env.ASSETS.fetch(`${BASE}/demo.html`);
    expect(res.status).toBe(200);
    expect(csp(res)).toMatchObject({ 'default-src': "'self'", 'frame-ancestors': "'none'", 'connect-src': "'self'" });
  });
});
