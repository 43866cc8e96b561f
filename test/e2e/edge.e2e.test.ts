/**
 * Issue 9, cases 4, 5 and 6 in a real browser: Chromium on host pages of their own origins,
 * the Worker under `wrangler dev`, nothing mocked.
 *
 * - 4: a form Chrome's own autofill fills (triggered through the DevTools protocol, as a
 *   person picking an address would) and that is sent a second later reaches a rep, and the
 *   success text promises their answer; a junk lead's success text promises nothing.
 * - 5: a page on an origin the site does not allow, and a page whose CSP leaves the Worker out
 *   of `connect-src`, tell the person how else to reach the business and fire `error`, instead
 *   of "Saved, we are sending it…" forever; the refusal shows in the admin API.
 * - 6: a Spanish form in an en-US browser, country "México", phone "55 1234 5678": the lead
 *   holds +525512345678.
 */
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, DEV_ADMIN, launchChromium, publishAlwaysOpenExample, startHostPage, startWorker } from './harness.ts';

let worker: Awaited<ReturnType<typeof startWorker>>;
/** A site the `demo` key allows; its paths are the pages below. */
let site: Awaited<ReturnType<typeof startHostPage>>;
/** The same page on an origin the `demo` key does not allow (a key copied onto another site). */
let copied: Awaited<ReturnType<typeof startHostPage>>;
let browser: Browser;

const NONCE = 'e2e-edge-n0nce';

/** A host page: the form of `form` from `src`, the events it fires kept in `window.events`, and an optional CSP. */
function hostPage(form: string, { src = `${worker.url}/widget.js`, lang = 'en', csp = '' } = {}): string {
  return `<!doctype html><html lang="${lang}"><head>${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}<title>Northwind</title>
<script nonce="${NONCE}">window.events = [];
window.LeadRouter = window.LeadRouter || function () { (LeadRouter.q = LeadRouter.q || []).push(arguments) };
LeadRouter('on', 'submitted', (e) => events.push(['submitted', e]));
LeadRouter('on', 'error', (e) => events.push(['error', e]));</script></head>
<body><h1>Talk to us</h1><div id="here"></div>
<script async nonce="${NONCE}" src="${src}" data-site="demo" data-form="${form}" data-target="#here"></script></body></html>`;
}

/** The pages of the host sites, by path. */
function pages(path: string): string {
  if (path === '/demo') return hostPage('demo_request');
  if (path === '/es') return hostPage('contact', { src: `${worker.url}/widget.js?lang=es`, lang: 'es' });
  // A strict CSP that forgot the Worker in connect-src: widget.js loads (its nonce), its POST cannot.
  if (path === '/csp') return hostPage('contact', { csp: `script-src 'nonce-${NONCE}'; connect-src 'self'` });
  return hostPage('contact');
}

beforeAll(async () => {
  site = await startHostPage(pages);
  copied = await startHostPage(pages);
  // Only `site`'s origin may post for `demo`: `copied` is refused.
  const origins = [new URL(site.url).origin];
  worker = await startWorker({ SITES: JSON.stringify({ demo: { name: 'Demo site', origins } }) });
  expect(await publishAlwaysOpenExample(worker.url)).toBe(200);
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  site?.close();
  copied?.close();
  worker?.stop();
});

/** A new page in an en-US browser, its console errors kept. */
async function newPage(): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 1100 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  return { page, consoleErrors };
}

/** The lead as the admin API shows it. */
async function adminLead(leadId: string): Promise<{
  record: { lead: Record<string, unknown>; owner: { kind: string; id: string; name: string }; qualification: { junk: unknown[]; suspect: unknown[] } };
}> {
  return (await fetch(`${worker.url}/v1/admin/leads/${leadId}`, { headers: DEV_ADMIN })).json() as never;
}

/** The form's text in its shadow root (success state, alert, status). */
const formText = (page: Page, selector: string) => page.locator(`lead-router >> ${selector}`).first().textContent();

/** Types into a field by its label, as a person does. */
async function typeInto(page: Page, label: RegExp, text: string): Promise<void> {
  await page.getByLabel(label).focus();
  await page.keyboard.type(text);
}

/**
 * Chrome's own address autofill on the form of the field named `anchor`, through the
 * DevTools protocol (`Autofill.trigger`): the same events a person picking a saved address
 * causes (a keydown without a key, an input without an inputType, a change, per field).
 */
async function chromeAutofill(page: Page, anchor: string, fields: Record<string, string>): Promise<void> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const field = find(root, (node) => node.localName === 'input' && (node.attributes ?? []).join('\u0000').includes(`name\u0000${anchor}`));
  if (!field) throw new Error(`no input named ${anchor}`);
  await cdp.send(
    'Autofill.trigger' as never,
    { fieldId: field.backendNodeId, address: { fields: Object.entries(fields).map(([name, value]) => ({ name, value })) } } as never,
  );
}

interface DomNode {
  localName?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function find(node: DomNode, match: (node: DomNode) => boolean): DomNode | undefined {
  if (match(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = find(child, match);
    if (found) return found;
  }
}

describe('issue 9 at the edge, in Chromium', () => {
  it("4: a demo form filled by Chrome's autofill and sent a second later reaches a rep, and the success text makes the promise", async () => {
    const { page } = await newPage();
    await page.goto(`${site.url}demo`);
    await page.getByLabel(/first name/i).waitFor({ timeout: 15_000 });
    await page.getByLabel(/first name/i).focus();
    await chromeAutofill(page, 'firstName', {
      NAME_FIRST: 'Dana',
      NAME_LAST: 'Reyes',
      EMAIL_ADDRESS: 'dana@brightpath.io',
      COMPANY_NAME: 'BrightPath',
      ADDRESS_HOME_COUNTRY: 'US',
      PHONE_HOME_WHOLE_NUMBER: '+14155552671',
    });
    await expect.poll(() => page.getByLabel(/email/i).inputValue()).toBe('dana@brightpath.io');
    // Company size has no autofill: two keys.
    await typeInto(page, /company size/i, '50');
    await page.screenshot({ path: join(ARTEFACTS, 'edge-autofilled.png'), fullPage: true });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/v1/leads') && r.request().method() === 'POST'),
      page.getByRole('button', { name: /book a demo/i }).click(),
    ]);
    expect(response.status(), `${response.request().postData()} → ${await response.text()}`).toBe(202);
    const context = response.request().postDataJSON().context;
    // Fast, as autofill is, and said so: under the 3 s that once made it junk.
    expect(context).toMatchObject({ autofilled: true, keysTyped: 2 });
    expect(context.timeOnFormMs).toBeLessThan(3000);
    const { leadId, owner, respondWithin } = (await response.json()) as { leadId: string; owner: { name: string }; respondWithin: { minutes: number } };
    expect(owner.name).toEqual(expect.any(String));
    await expect.poll(() => formText(page, '.ok')).toContain(`${owner.name} will get back to you within`);
    expect(respondWithin.minutes).toBeGreaterThan(0);
    const { record } = await adminLead(leadId);
    expect(record.owner.kind).toBe('rep');
    expect(record.lead.status).not.toBe('junk');
    expect(record.qualification).toMatchObject({ junk: [], suspect: [] });
    await page.context().close();
  });

  it('4: a junk lead (the honeypot filled, as bots do) is thanked without a promise', async () => {
    const { page } = await newPage();
    await page.goto(`${site.url}junk`);
    await page.getByLabel(/first name/i).waitFor({ timeout: 15_000 });
    await typeInto(page, /first name/i, 'Bot');
    await typeInto(page, /email/i, 'bot@robots.example');
    await typeInto(page, /message/i, 'Great site');
    await page.locator('lead-router >> input.hp').evaluate((el: HTMLInputElement) => (el.value = 'http://spam.example'));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/v1/leads') && r.request().method() === 'POST'),
      page.getByRole('button', { name: /contact us/i }).click(),
    ]);
    expect(response.status()).toBe(202);
    await expect.poll(() => formText(page, '.ok')).toBe('Thank you! We received your request.');
    const { leadId } = (await response.json()) as { leadId: string };
    expect((await adminLead(leadId)).record.lead.status).toBe('junk');
    await page.context().close();
  });

  it('5: a page on an origin the site does not allow tells the person and fires error, once, and RevOps sees the refusal', async () => {
    const { page, consoleErrors } = await newPage();
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    await page.goto(`${copied.url}contact`);
    await page.getByLabel(/first name/i).waitFor({ timeout: 15_000 });
    await typeInto(page, /first name/i, 'Ana');
    await typeInto(page, /email/i, 'ana@copied.example');
    await typeInto(page, /message/i, 'Please call me');
    await page.getByRole('button', { name: /contact us/i }).click();
    await expect
      .poll(() => formText(page, '[role=alert]'), { timeout: 10_000 })
      .toBe('Sorry, this form cannot be sent from this page. Please write to hello@northwind.example.');
    const events = await page.evaluate(() => (window as unknown as { events: unknown[] }).events);
    expect(events).toEqual([
      ['error', { formType: 'contact', reason: 'refused', status: 403, message: `Origin ${new URL(copied.url).origin} is not allowed for site "demo"` }],
    ]);
    expect(consoleErrors.some((text) => text.startsWith('LeadRouter: refused'))).toBe(true);
    // No endless "Saved, we are sending it…": no retry, nothing said in the status line.
    await page.waitForTimeout(3_000);
    expect(await formText(page, '[role=status]')).toBe('');
    expect(posts).toEqual([`${worker.url}/v1/leads`]);
    await page.screenshot({ path: join(ARTEFACTS, 'edge-refused.png'), fullPage: true });
    // RevOps sees it per site and origin (sent in batches, within seconds).
    const origin = new URL(copied.url).origin;
    await expect
      .poll(
        async () => {
          const body = (await (await fetch(`${worker.url}/v1/admin/refusals?days=1`, { headers: DEV_ADMIN })).json()) as {
            refusals: { site: string; origin: string; count: number }[];
          };
          return body.refusals.find((row) => row.origin === origin);
        },
        { timeout: 10_000 },
      )
      .toMatchObject({ site: 'demo', reason: 'origin', count: 1 });
    await page.context().close();
  });

  it('5: a page whose CSP leaves the Worker out of connect-src tells the person and fires error (blocked)', async () => {
    const { page, consoleErrors } = await newPage();
    await page.goto(`${site.url}csp`);
    await page.getByLabel(/first name/i).waitFor({ timeout: 15_000 });
    await typeInto(page, /first name/i, 'Ana');
    await typeInto(page, /email/i, 'ana@strict-csp.example');
    await typeInto(page, /message/i, 'Please call me');
    await page.getByRole('button', { name: /contact us/i }).click();
    await expect
      .poll(() => formText(page, '[role=alert]'), { timeout: 10_000 })
      .toBe('Sorry, this form cannot be sent from this page. Please write to hello@northwind.example.');
    const events = await page.evaluate(() => (window as unknown as { events: unknown[] }).events);
    expect(events).toEqual([['error', { formType: 'contact', reason: 'blocked', status: 0 }]]);
    expect(consoleErrors.some((text) => text.startsWith('LeadRouter: blocked'))).toBe(true);
    await page.waitForTimeout(2_000);
    expect(await formText(page, '[role=status]')).toBe('');
    await page.context().close();
  });

  it('6: Spanish form, en-US browser, country México and phone 55 1234 5678: the lead holds +525512345678', async () => {
    const { page } = await newPage();
    const chunks: string[] = [];
    page.on('request', (request) => /\/widget-\w+\.js$/.test(request.url()) && chunks.push(request.url()));
    await page.goto(`${site.url}es`);
    // Spanish from the first response: widget.js?lang=es brought the strings.
    await page.getByLabel('Nombre').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await typeInto(page, /^Nombre/, 'Lucía');
    await typeInto(page, /correo/i, 'lucia@tacos-norte.mx');
    await typeInto(page, /teléfono/i, '55 1234 5678');
    await typeInto(page, /país/i, 'México');
    await typeInto(page, /mensaje/i, 'Queremos una demo');
    // Formatted as dialled in Mexico once the country is typed (it was read as US before).
    await expect.poll(() => page.getByLabel(/teléfono/i).inputValue()).toBe('55 1234 5678');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/v1/leads') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Enviar' }).click(),
    ]);
    expect(response.status()).toBe(202);
    expect(response.request().postDataJSON().fields.phone).toBe('+525512345678');
    expect(chunks.some((url) => url.endsWith('/widget-es.js'))).toBe(false);
    const { leadId } = (await response.json()) as { leadId: string };
    expect((await adminLead(leadId)).record.lead).toMatchObject({ phone: '+525512345678', country: 'MX' });
    await page.screenshot({ path: join(ARTEFACTS, 'edge-spanish.png'), fullPage: true });
    await page.context().close();
  });
});
