/**
 * The dashboard's first page shows what is wrong with the deployment's setup (here a
 * half-configured SMS provider), in a real browser under the dashboard's own CSP, which must
 * block nothing the dashboard needs.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, launchChromium, startWorker } from './harness.ts';

let worker: Awaited<ReturnType<typeof startWorker>>;
let browser: Browser;

beforeAll(async () => {
  // Twilio without its token and sender: SMS would fail, though leads still reach reps.
  worker = await startWorker({ TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000' });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  worker?.stop();
});

describe('setup problems on the dashboard', () => {
  it('lists a half-configured provider on the first page, and the CSP blocks nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    const res = await page.goto(`${worker.url}/dashboard/`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('Admin token').fill('dev-admin-token');
    await page.getByRole('button', { name: 'Log in' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Setup problems' });
    await expect.poll(() => problems.textContent(), { timeout: 10_000 }).toContain('Twilio is partly configured: TWILIO_AUTH_TOKEN, TWILIO_FROM are not set');
    await page.screenshot({ path: join(ARTEFACTS, 'dashboard-setup-problems.png'), fullPage: true });
    expect(blocked).toEqual([]);
    // The public health check says not ok, and nothing more.
    const health = await fetch(`${worker.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, service: 'lead-router' });
  });
});
