/**
 * The widget in a real browser: a host page on one origin with hostile CSS and a nonce-only
 * script CSP pastes the script tag pointing at `wrangler dev` on another; a person fills the
 * form with the keyboard (a loosely typed phone, a typo'd email), submits, and sees who will
 * call; the lead is then in the admin API with that owner and an E.164 phone. The lazy chunks
 * (phone, email) are fetched from the Worker only when their field is first used, under the
 * page's nonce. Screenshots are kept in test-results/.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, launchChromium, publishAlwaysOpenExample, startHostPage, startWorker } from './harness.ts';

let worker: Awaited<ReturnType<typeof startWorker>>;
let host: Awaited<ReturnType<typeof startHostPage>>;
let browser: Browser;

const NONCE = 'e2e-n0nce';

const HOSTILE_CSS = `
  * { font-family: "Comic Sans MS", cursive !important; color: #c00; letter-spacing: 3px; }
  input, textarea, button, label { display: block; width: 10px; height: 10px; border: 9px solid lime; background: yellow; }
  form { transform: rotate(3deg); }
  div { padding: 40px; }
`;

beforeAll(async () => {
  worker = await startWorker({});
  // Every rep always available: owners do not depend on the hour the test runs.
  expect(await publishAlwaysOpenExample(worker.url)).toBe(200);
  // Scripts run only with the page's nonce: widget.js must hand it to the chunks it adds.
  host = await startHostPage(
    () => `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="script-src 'nonce-${NONCE}'">
<title>Northwind field service</title><style>${HOSTILE_CSS}</style></head>
<body><h1>Same-day service</h1><div id="here"></div>
<script async nonce="${NONCE}" src="${worker.url}/widget.js" data-site="demo" data-form="urgent_service" data-target="#here"></script></body></html>`,
  );
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  host?.close();
  worker?.stop();
});

describe('widget in Chromium', () => {
  it('a person fills the form with the keyboard and sees who will call; the lead is routed with a clean phone', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
    // The lazy chunks the page fetches, by name (`widget-phone.js` → phone).
    const chunks: string[] = [];
    page.on('request', (request) => {
      const chunk = /\/widget-(\w+)\.js$/.exec(request.url())?.[1];
      if (chunk) chunks.push(chunk);
    });
    const refused: string[] = [];
    page.on('console', (message) => /Content Security Policy/i.test(message.text()) && refused.push(message.text()));
    await page.goto(host.url);
    const firstName = page.getByLabel(/first name/i);
    await firstName.waitFor({ timeout: 15_000 });
    await firstName.focus();
    await page.keyboard.type('Jamie');
    // Nothing but widget.js until the phone field is used.
    expect(chunks).toEqual([]);
    const phoneChunk = page.waitForResponse((r) => r.url() === `${worker.url}/widget-phone.js`);
    const phone = page.getByLabel(/phone/i);
    await phone.focus();
    expect((await phoneChunk).status()).toBe(200);
    expect(chunks).toEqual(['phone']);
    await page.keyboard.type('(415) 555 2671');
    // Formatted as it is typed, by libphonenumber-js from the chunk.
    await expect.poll(() => phone.inputValue()).toBe('(415) 555-2671');
    await page.getByLabel(/email/i).focus();
    await page.keyboard.type('jamie@gmial.com');
    await page.keyboard.press('Tab');
    // The typo is caught at the keyboard and fixed with one key.
    const useIt = page.getByRole('button', { name: /use it/i });
    await useIt.waitFor({ timeout: 5_000 });
    await useIt.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel(/email/i).inputValue()).toBe('jamie@gmail.com');
    await page.getByLabel(/postal/i).focus();
    await page.keyboard.type('94107');
    await page.getByLabel(/message/i).focus();
    await page.keyboard.type('AC is out, need someone today');
    const consent = page.getByLabel(/consent|agree|contact me/i);
    if (await consent.count()) await consent.check();
    await page.screenshot({ path: join(ARTEFACTS, 'widget-filled.png'), fullPage: true });
    // A person takes more than the 3 s under which qualification calls a form bot-filled.
    await page.waitForTimeout(3_000);

    await page.getByRole('button', { name: /same-day service/i }).focus();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/v1/leads') && r.request().method() === 'POST'),
      page.keyboard.press('Enter'),
    ]);
    expect(response.status()).toBe(202);
    // The browser sent the phone in E.164; the Worker normalised it again.
    expect(response.request().postDataJSON().fields.phone).toBe('+14155552671');
    expect(chunks).toEqual(['phone', 'email']);
    expect(refused).toEqual([]);
    const { leadId } = (await response.json()) as { leadId: string };
    await expect.poll(() => page.getByText(/Tom/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTEFACTS, 'widget-success.png'), fullPage: true });

    const lead = await (await fetch(`${worker.url}/v1/admin/leads/${leadId}`, { headers: { Authorization: 'Bearer dev-admin-token' } })).json();
    expect(lead.record.lead.status).toBe('qualified');
    expect(lead.record.owner).toMatchObject({ kind: 'rep', id: 'tom' });
    expect(lead.record.lead.phone).toBe('+14155552671');
    expect(lead.record.lead.postalCode).toBe('94107');
    expect(lead.record.lead.email).toBe('jamie@gmail.com');
    await page.close();
  });
});
