/**
 * The routing editor as a RevOps manager uses it, in Chromium against `wrangler dev`, without
 * touching JSON: read the routing on one page, add a rep to a pool, set someone's out-of-office
 * with a backup, swap two rules, see the changes in words and the replay of real leads, publish
 * with a note, find the version in the history, and roll back. Then the JSON view for power
 * users: every problem at once, each with its line, a click away. Screenshots at 1280 and 390 px
 * go to test-results/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, DEV_ADMIN, launchChromium, publishAlwaysOpenExample, startWorker } from './harness.ts';

let worker: Awaited<ReturnType<typeof startWorker>>;
let browser: Browser;

async function admin<T>(path: string): Promise<T> {
  const res = await fetch(`${worker.url}/v1/admin${path}`, { headers: DEV_ADMIN });
  expect(res.ok).toBe(true);
  return res.json() as Promise<T>;
}

async function submit(i: number, fields: Record<string, string>, formType = 'contact'): Promise<void> {
  const res = await fetch(`${worker.url}/v1/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Site-Key': 'demo', Origin: 'http://localhost:5173', 'CF-Connecting-IP': `10.8.0.${i}` },
    body: JSON.stringify({
      formType,
      fields: { firstName: `Lead${i}`, email: `lead${i}@corp${i}.com`, message: 'Tell me about pricing', ...fields },
      context: { timeOnFormMs: 30_000 },
    }),
  });
  expect(res.status).toBe(202);
}

/** A logged-in page at `width` px. */
export async function openDashboard(b: Browser, url: string, width = 1280): Promise<Page> {
  const page = await b.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${url}/dashboard/`);
  await page.getByLabel('Admin token').fill('dev-admin-token');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'Overview' }).waitFor();
  return page;
}

/** Pastes `text` over a textarea's content (Playwright's fill types 20 KB slowly). */
async function paste(area: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
  await area.evaluate((el: HTMLTextAreaElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTEFACTS, name), fullPage: true });
}

beforeAll(async () => {
  worker = await startWorker({});
  expect(await publishAlwaysOpenExample(worker.url)).toBe(200);
  // Real leads for the replay: payroll interest from small companies, some SMB.
  for (let i = 1; i <= 4; i++) await submit(i, { company: `Corp ${i}`, product: 'Payroll', employees: '10-49' }, 'quote_request');
  const end = Date.now() + 20_000;
  while ((await admin<{ total: { counters: { leads: number } } }>('/metrics')).total.counters.leads < 4) {
    if (Date.now() > end) throw new Error('the metrics store did not hear of the leads');
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  worker?.stop();
});

describe('the routing editor in Chromium', () => {
  it('shows the routing on one page, in words, with people’s names', async () => {
    const page = await openDashboard(browser, worker.url);
    await page.getByRole('link', { name: 'Routing', exact: true }).click();
    const rules = page.locator('ol.rules > li');
    await expect.poll(() => rules.count()).toBe(19);
    expect(await page.locator('li[data-rule="mid-market-east"]').innerText()).toBe(
      "Mid-market east (50+ employees, in territory “us-east”) → Mid-market East pool, round-robin between Dana and Sam, answer within the form's time; if neither is available → the next rule.\nUnanswered: the Standard escalation. seeds/002: 50-500 by territory",
    );
    expect(await page.getByText('Any lead no rule takes → the Inbound triage queue (watched by Grace Liu), answer within 4 hours.').count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Members of SMB AEs' }).innerText()).toContain('Ana Silva: any time; at most 40 open leads');
    await shot(page, 'routing-1280.png');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'routing-390.png');
    await page.close();
  });

  it('adds a rep, sets out-of-office, swaps two rules, publishes with a note and rolls back, without JSON', async () => {
    const page = await openDashboard(browser, worker.url);
    await page.getByRole('link', { name: 'Edit routing' }).click();
    const status = page.locator('p.notice');

    // Add Zoe Park to the SDRs.
    const add = page.getByRole('form', { name: 'Add a person' });
    await add.getByLabel('Name').fill('Zoe Park');
    await add.getByLabel('Email').fill('zoe@northwind.example');
    await add.getByLabel('SDRs').check();
    await add.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => status.textContent()).toContain('Zoe Park added to SDRs');

    // Ana is away for a week; Ben covers.
    const ana = page.locator('details[data-rep="ana"]');
    await ana.locator('summary').click();
    const away = ana.getByRole('form', { name: "Ana Silva's out of office" });
    await away.getByLabel('From').fill('2027-03-01');
    await away.getByLabel('To (included)').fill('2027-03-05');
    await away.getByLabel('Backup').selectOption({ label: 'Ben Carter' });
    await away.getByLabel('Note').fill('Conference');
    await away.getByRole('button', { name: 'Add out-of-office' }).click();
    await expect.poll(() => status.textContent()).toContain('Ana Silva out of office 1–5 Mar 2027, Ben Carter covers');
    await shot(page, 'editor-people-1280.png');

    // Payroll interest before company size: swap two rules.
    await page.getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('button', { name: 'Move rule Payroll up' }).click();
    await expect.poll(() => page.locator('li.rule').nth(10).getAttribute('data-rule')).toBe('payroll');
    await shot(page, 'editor-rules-1280.png');

    // The draft survives a reload.
    await page.reload();
    await expect.poll(() => page.locator('p.draft-bar').textContent()).toContain('4 changes');

    // Review: the changes in words and the replay of the four real leads, then publish.
    await page.getByRole('link', { name: 'Review & publish' }).first().click();
    const changes = page.getByRole('region', { name: 'Changes to publish' });
    await expect.poll(() => changes.innerText()).toContain('Rule Payroll moved from 12th to 11th');
    expect(await changes.innerText()).toContain('Zoe added to the SDRs pool');
    expect(await changes.innerText()).toContain('Ana out of office 1–5 Mar 2027, Conference: Ben Carter covers');
    await expect.poll(() => page.locator('.replay-summary').textContent(), { timeout: 10_000 }).toContain('0 of 4 leads would go elsewhere');
    const publish = page.getByRole('button', { name: 'Publish v2' });
    expect(await publish.isDisabled()).toBe(true);
    await page.getByLabel('Why (required, kept with the version)').fill('Zoe joins the SDRs; Ana at the conference');
    await page.getByLabel('Your name').fill('Riley (RevOps)');
    await shot(page, 'editor-publish-1280.png');
    await publish.click();
    await expect.poll(() => status.textContent()).toContain('Published v2');

    const v2 = await admin<{
      config: { reps: Record<string, { name: string; outOfOffice?: unknown[] }>; pools: Record<string, { members: unknown[] }>; routes: { id: string }[] };
    }>('/config/versions/2');
    expect(v2.config.reps.zoe?.name).toBe('Zoe Park');
    expect(v2.config.reps.ana?.outOfOffice).toEqual([{ from: '2027-03-01', to: '2027-03-05', backup: 'ben', note: 'Conference' }]);
    expect(v2.config.pools.sdr?.members).toContain('zoe');
    expect(v2.config.routes.findIndex((r) => r.id === 'payroll')).toBe(10);

    // The history: who, when, why, and what v2 changed.
    const item = page.locator('li.version[data-version="2"]');
    await expect.poll(() => item.innerText()).toContain('Zoe joins the SDRs; Ana at the conference');
    await item.getByText('What v2 changed').click();
    await expect.poll(() => item.getByRole('region', { name: 'Changes in v2' }).innerText()).toContain('Zoe added to the SDRs pool');
    await shot(page, 'editor-history-1280.png');

    // Roll back to v1 in one click (and a note).
    await page.locator('li.version[data-version="1"]').getByRole('button', { name: 'Roll back to v1' }).click();
    await page.getByRole('button', { name: 'Publish v1 again' }).click();
    await expect.poll(() => status.textContent()).toContain('Rolled back: v3 is v1 again');
    const live = await admin<{ version: number; config: { reps: Record<string, unknown> } }>('/config');
    expect(live.version).toBe(3);
    expect(live.config.reps.zoe).toBeUndefined();
    const versions = await admin<{ versions: { version: number; note?: string }[] }>('/config/versions');
    expect(versions.versions.find((v) => v.version === 3)?.note).toBe('Roll back to v1');
    await page.close();
  });

  it('lists every JSON problem at once with its line, and jumps to it', async () => {
    const page = await openDashboard(browser, worker.url);
    await page.goto(`${worker.url}/dashboard/#/config/json`);
    const editor = page.getByLabel('Config (JSON)');
    await expect.poll(async () => (await editor.inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(100);
    const config = JSON.parse(await editor.inputValue());
    config.reps.ana.email = 'not an email';
    config.pools.sdr.members.push('nobody');
    await paste(editor, JSON.stringify(config, null, 2));
    const issues = page.locator('#config-issues');
    await expect.poll(() => issues.locator('p').textContent()).toBe('2 problems');
    const text = await editor.inputValue();
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(await issues.locator('li').allInnerTexts()).toEqual([
      `Line ${lineOf('"not an email"')}, column 7 reps.ana.email an email address like dana@acme.com`,
      `Line ${lineOf('"nobody"')}, column 9 pools.sdr.members[4] no rep "nobody"`,
    ]);
    await issues.getByRole('button', { name: `Line ${lineOf('"nobody"')}, column 9` }).click();
    const selected = await editor.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
    expect(selected.trim()).toBe('"nobody"');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('config-text');
    // A syntax error is placed too, and the forms say where to fix it.
    await paste(editor, text.replace('"reps": {', '"reps": {,'));
    await expect.poll(() => issues.locator('li').first().innerText()).toMatch(/^Line \d+, column \d+ JSON syntax/);
    await page.getByRole('link', { name: 'People' }).click();
    await expect.poll(() => page.getByText('The JSON has a syntax error.').count()).toBe(1);
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.close();
  });

  it('works from the keyboard alone, every control named in the accessibility tree', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    /**
     * Presses Tab until the focused element matches `node` in the accessibility tree (its
     * aria snapshot, e.g. `- button "Add person"`); a quick look at the element's own text first
     * keeps the loop fast.
     */
    const tabTo = async (node: RegExp, max = 200): Promise<string> => {
      const words = node.source
        .replace(/^[a-z]+ "/, '')
        .replace(/\\d\+|["\\]/g, '')
        .split(/[^A-Za-z ]/)[0]!
        .trim();
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const text = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return '';
          return `${el?.getAttribute('aria-label') ?? ''} ${(el as HTMLInputElement | null)?.labels?.[0]?.textContent ?? ''} ${el?.textContent ?? ''}`;
        });
        if (!text.includes(words)) continue;
        const focused = await page.locator(':focus').ariaSnapshot();
        if (node.test(focused)) return focused;
      }
      throw new Error(`Tab never reached ${node}`);
    };
    await page.goto(`${worker.url}/dashboard/`);
    await tabTo(/textbox "Admin token"/);
    await page.keyboard.type('dev-admin-token');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Overview' }).waitFor();

    // The editor: add a person to a pool, swap two rules, publish with a note.
    await tabTo(/link "Edit routing"/);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.waitFor();
    const tree = await form.ariaSnapshot();
    for (const node of ['textbox "Name"', 'textbox "Email"', 'combobox "Time zone"', 'checkbox "Inside sales"', 'button "Add person"'])
      expect(tree).toContain(node);
    await tabTo(/textbox "Name"/);
    await page.keyboard.type('Kim Lee');
    await tabTo(/checkbox "Inside sales"/);
    await page.keyboard.press('Space');
    await tabTo(/button "Add person"/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().ariaSnapshot()).toContain('Kim Lee added to Inside sales');

    await page.locator('body').focus();
    await tabTo(/link "Rules"/);
    await page.keyboard.press('Enter');
    await tabTo(/button "Move rule Enterprise up"/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('li.rule').nth(6).getAttribute('data-rule')).toBe('enterprise');

    await page.locator('body').focus();
    await tabTo(/link "Review & publish"/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: 'Changes to publish' }).ariaSnapshot()).toContain('Rule Enterprise moved from 8th to 7th');
    await tabTo(/textbox "Why/);
    await page.keyboard.type('Kim starts in inside sales');
    await tabTo(/button "Publish v\d+"/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().ariaSnapshot()).toMatch(/Published v\d+/);
    expect((await admin<{ config: { reps: Record<string, { name: string }> } }>('/config')).config.reps.kim?.name).toBe('Kim Lee');

    // The dashboard: from the overview to the leads behind a figure.
    await page.locator('body').focus();
    await tabTo(/link "Overview"/);
    await page.keyboard.press('Enter');
    await tabTo(/link "Unclaimed past SLA now/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').ariaSnapshot()).toContain('heading "Leads"');
    expect(await page.locator('main').ariaSnapshot()).toContain('search');
    await page.close();
  });

  it('tells an editor someone published meanwhile, shows their changes and applies the draft onto them', async () => {
    const page = await openDashboard(browser, worker.url);
    await page.getByRole('link', { name: 'Edit routing' }).click();
    const add = page.getByRole('form', { name: 'Add a person' });
    await add.getByLabel('Name').fill('Noor Haddad');
    await add.getByLabel('SDRs').check();
    await add.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => page.locator('p.notice').textContent()).toContain('Noor Haddad added');

    // Meanwhile a colleague publishes another change.
    const live = await admin<{ version: number }>('/config');
    const json = (await admin<{ config: { reps: Record<string, { capacity?: number }> } }>(`/config/versions/${live.version}`)).config;
    json.reps.ben!.capacity = 25;
    const theirs = await fetch(`${worker.url}/v1/admin/config`, {
      method: 'PUT',
      headers: { ...DEV_ADMIN, 'Content-Type': 'application/json', 'X-Publish-Note': encodeURIComponent('Ben part-time') },
      body: JSON.stringify(json),
    });
    expect(theirs.status).toBe(200);

    await page.getByRole('link', { name: 'Review & publish' }).first().click();
    await page.getByLabel('Why (required, kept with the version)').fill('Noor joins the SDRs');
    await page.getByRole('button', { name: /^Publish v\d+$/ }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Someone published' }).count()).toBe(1);
    const concurrent = page.locator('section.concurrent');
    await expect.poll(() => concurrent.innerText()).toContain('Their note: “Ben part-time”');
    expect(await concurrent.getByRole('region', { name: 'Their changes' }).innerText()).toContain(
      "Ben's capacity: at most 40 open leads became at most 25 open leads",
    );
    await shot(page, 'editor-concurrent-1280.png');
    await concurrent.getByRole('button', { name: /^Apply my changes onto v\d+$/ }).click();
    await expect.poll(() => page.locator('section.concurrent').count()).toBe(0);
    const changes = await page.getByRole('region', { name: 'Changes to publish' }).innerText();
    expect(changes).toContain('Noor added to the SDRs pool');
    expect(changes).not.toContain('capacity');
    await page.getByRole('button', { name: /^Publish v\d+$/ }).click();
    await expect.poll(() => page.locator('p.notice').textContent(), { timeout: 15_000 }).toMatch(/Published v\d+/);
    const after = await admin<{ config: { reps: Record<string, { name: string; capacity?: number }> } }>('/config');
    expect(after.config.reps.noor?.name).toBe('Noor Haddad');
    expect(after.config.reps.ben?.capacity).toBe(25);
    await page.close();
  });
});
