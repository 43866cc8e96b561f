/** What the widget loads: form specs from the live config, and the bundle with them inlined. */
import { env, exports } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { alwaysOpenConfig, publish } from './helpers.ts';

beforeEach(async () => {
  await reset();
});

describe('form specs', () => {
  it("serves a form type's fields, required set and options for an allowed site, and nothing of routing", async () => {
    const res = await exports.default.fetch('https://router.test/v1/forms/quote_request?site=demo', { headers: { Origin: 'http://localhost:5173' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    // Only what the widget reads: every byte of it is inlined in widget.js for every page.
    expect(await res.json()).toEqual({
      label: 'Request a quote',
      fields: ['firstName', 'lastName', 'email', 'company', 'phone', 'product', 'employees', 'country', 'message', 'consent'],
      required: ['firstName', 'email', 'company', 'product'],
      options: { product: ['Payments', 'Payroll', 'Analytics', 'Managed IT'] },
      contact: 'hello@northwind.example',
    });
  });

  it('answers 404 for an unknown form type and 403 for an unknown site', async () => {
    expect((await exports.default.fetch('https://router.test/v1/forms/webinar?site=demo')).status).toBe(404);
    expect((await exports.default.fetch('https://router.test/v1/forms/contact?site=nope')).status).toBe(403);
  });

  it('serves the widget bundle with the live form specs in front, and follows a published config', async () => {
    const first = await exports.default.fetch('https://router.test/widget.js');
    expect(first.status).toBe(200);
    expect(first.headers.get('Content-Type')).toContain('javascript');
    const text = await first.text();
    expect(text.startsWith('window.__leadRouterForms={')).toBe(true);
    const forms = JSON.parse(text.slice('window.__leadRouterForms='.length, text.indexOf(';\n')));
    expect(Object.keys(forms)).toContain('urgent_service');
    expect(forms.urgent_service).toMatchObject({ defaultCountry: 'US', urgency: 'urgent' });

    const config = alwaysOpenConfig();
    config.formTypes.webinar = { label: 'Webinar', fields: ['email'], required: ['email'], intent: 'low', sla: '1d' };
    expect((await publish(config)).status).toBe(200);
    // Publishing clears this isolate's config cache; other isolates see it within seconds.
    const after = await (await exports.default.fetch('https://router.test/widget.js')).text();
    expect(after).toContain('"webinar"');
  });

  it('serves the Spanish strings inline for ?lang=es, between the specs and the bundle, so a Spanish form needs no second request', async () => {
    const served = (query: string) => exports.default.fetch(`https://router.test/widget.js${query}`).then((res) => res.text());
    const [plain, spanish, mexican, french] = [await served(''), await served('?lang=es'), await served('?lang=es-MX'), await served('?lang=fr')];
    const chunk = await (await env.ASSETS.fetch('https://router.test/widget-es.js')).text();
    const specs = plain.slice(0, plain.indexOf(';\n') + 2);
    expect(chunk).toContain('__leadRouterChunks.es=');
    expect(spanish).toBe(`${specs}${chunk}\n${plain.slice(specs.length)}`);
    expect(mexican).toBe(spanish);
    expect(french).toBe(plain);
  });
});
