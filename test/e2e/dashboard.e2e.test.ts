/**
 * The RevOps dashboard in a real browser against `wrangler dev`: leads submitted through
 * intake feed the metrics store; a person logs in with the admin token, sees the figures and
 * charts, finds a lead and reads its decision trace, proposes a config that moves Spain from
 * EMEA to LATAM, sees the replay diff name exactly the Spanish leads, publishes, and a new
 * Spanish lead follows the new version. Screenshots are kept in test-results/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, DEV_ADMIN, launchChromium, publishAlwaysOpenExample, startWorker } from './harness.ts';

const TOKEN = 'dev-admin-token';

let worker: Awaited<ReturnType<typeof startWorker>>;
let browser: Browser;
const ids: Record<string, string> = {};

async function submit(name: string, country: string): Promise<{ leadId: string }> {
  const res = await fetch(`${worker.url}/v1/leads`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Site-Key': 'demo',
      Origin: 'http://localhost:5173',
      'CF-Connecting-IP': `10.9.0.${Object.keys(ids).length + 1}`,
    },
    body: JSON.stringify({
      formType: 'contact',
      fields: {
        firstName: name,
        lastName: 'Moreno',
        email: `${name.toLowerCase()}@${name.toLowerCase()}-corp.com`,
        company: `${name} Corp`,
        country,
        message: 'We would like to talk about pricing',
      },
      context: { timeOnFormMs: 30_000, source: 'google' },
    }),
  });
  expect(res.status).toBe(202);
  return res.json() as Promise<{ leadId: string }>;
}

async function admin<T>(path: string): Promise<T> {
  const res = await fetch(`${worker.url}/v1/admin${path}`, { headers: DEV_ADMIN });
  expect(res.ok).toBe(true);
  return res.json() as Promise<T>;
}

beforeAll(async () => {
  worker = await startWorker({});
  // Every rep always available: owners do not depend on the hour the test runs.
  expect(await publishAlwaysOpenExample(worker.url)).toBe(200);
  for (const [name, country] of [
    ['Ana', 'US'],
    ['Bea', 'ES'],
    ['Cai', 'GB'],
    ['Dev', 'US'],
    ['Eli', 'ES'],
    ['Fay', 'DE'],
  ] as const) {
    ids[name] = (await submit(name, country)).leadId;
  }
  // The metrics store hears of each lead from its object's alarm, right after its side effects.
  const end = Date.now() + 20_000;
  for (;;) {
    const { leads, notified } = (await admin<{ total: { counters: { leads: number; notified: number } } }>('/metrics')).total.counters;
    if (leads === 6 && notified === 6) break;
    if (Date.now() > end)
      throw new Error(`the metrics store has ${leads} leads, ${notified} notified; expected 6 and 6: ${JSON.stringify(await admin(`/leads/${ids.Ana}`))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  worker?.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTEFACTS, name), fullPage: true });
}

describe('dashboard in Chromium', () => {
  it('logs in, shows the figures, explains a lead, replays a proposed config, publishes it, and new leads follow', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${worker.url}/dashboard`);

    // A wrong token is refused; the admin token opens the dashboard.
    await page.getByLabel('Admin token').fill('wrong');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('refused');
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Log in' }).click();

    // The overview: six leads, all confirmed and notified, charts drawn from them.
    const tile = (label: string) => page.locator('a.tile').filter({ has: page.locator('.tile-label', { hasText: new RegExp(`^${label}$`) }) });
    const leadsTile = tile('Leads');
    await expect.poll(() => leadsTile.locator('strong').textContent(), { timeout: 10_000 }).toBe('6');
    expect(await page.locator('.chart svg circle').count()).toBeGreaterThan(0);
    expect(await page.locator('.bars li').count()).toBeGreaterThan(0);
    await expect.poll(() => tile('Confirmation sent').locator('strong').textContent()).not.toBe('–');
    await shot(page, 'dashboard-overview.png');

    // Every number links to its leads: the Leads tile lists all six.
    await leadsTile.click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(6);

    // Search finds Bea by email; her page shows the decision trace and the config version.
    await page.getByLabel('Search').fill('bea@bea-corp.com');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('link', { name: 'Bea Moreno' }).click();
    await page.getByRole('heading', { name: 'Why it went there' }).waitFor();
    const trace = page.locator('ol.trace');
    await expect.poll(() => trace.locator('li.taken').first().textContent()).toContain('EMEA');
    expect(await trace.textContent()).toContain('Named accounts');
    expect(await page.locator('.facts').textContent()).toContain('v1');
    await shot(page, 'dashboard-lead.png');

    // Propose a config: Spain moves from EMEA to LATAM. A broken edit is flagged first.
    await page.getByRole('link', { name: 'Edit routing' }).click();
    await page.getByRole('link', { name: 'JSON' }).click();
    const editor = page.getByLabel('Config (JSON)');
    await expect.poll(async () => (await editor.inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(100);
    const paste = (text: string) =>
      editor.evaluate((el: HTMLTextAreaElement, value: string) => {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, text);
    const proposed = JSON.parse(await editor.inputValue());
    await paste(JSON.stringify({ ...proposed, fallback: { queue: 'no-such-queue' } }, null, 2));
    await expect.poll(() => page.locator('#config-issues').textContent()).toContain('no-such-queue');
    proposed.territories.emea.country = proposed.territories.emea.country.filter((c: string) => c !== 'ES');
    proposed.territories.latam.country.push('ES');
    await paste(JSON.stringify(proposed, null, 2));
    await expect.poll(() => page.locator('#config-issues').textContent()).toContain('Valid config');

    // Review: the change in words, and the replay names exactly the Spanish leads.
    await page.getByRole('link', { name: 'Review & publish' }).first().click();
    expect(await page.getByRole('region', { name: 'Changes to publish' }).innerText()).toContain('Territory emea: country no longer ES');
    const replay = page.locator('div.replay');
    await expect.poll(() => replay.locator('.replay-summary').textContent(), { timeout: 10_000 }).toContain('2 of 6 leads would go elsewhere');
    const changed = await replay.locator('tbody tr td:first-child').allTextContents();
    expect(changed.toSorted((a, b) => a.localeCompare(b))).toEqual([ids.Bea!, ids.Eli!].toSorted((a, b) => a.localeCompare(b)));
    expect(await replay.locator('tbody').textContent()).toContain('LATAM → LATAM (Spanish) (pool)');
    await shot(page, 'dashboard-replay.png');

    await page.getByLabel('Why (required, kept with the version)').fill('Spain is served from LATAM');
    await page.getByRole('button', { name: 'Publish v2' }).click();
    await expect.poll(() => page.getByText(/Published v2/).count()).toBe(1);

    // New leads follow the published version.
    const { leadId } = await submit('Gil', 'ES');
    const view = await admin<{ record: { decision: { route: string; pool?: string }; configVersion: number } }>(`/leads/${leadId}`);
    expect(view.record.configVersion).toBe(2);
    expect(view.record.decision).toMatchObject({ route: 'latam', pool: 'latam' });
    await page.close();
  });

  it('reads in a minute: the three figures first, names not ids, readable charts, misroutes with target, reporter and note, and 390 px wide', async () => {
    const report = await fetch(`${worker.url}/v1/admin/leads/${ids.Cai}/misroute`, {
      method: 'POST',
      headers: { ...DEV_ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: 'dana', note: 'Cai is an existing customer of Dana', by: 'Ingrid Larsen' }),
    });
    expect(report.status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${worker.url}/dashboard/`);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Log in' }).click();

    const hero = page.getByRole('group', { name: 'The three figures that matter' });
    await expect
      .poll(() => hero.locator('.tile-label').allTextContents(), { timeout: 10_000 })
      .toEqual(['Speed to lead', 'Unclaimed past SLA now', 'SLA compliance']);
    await page.locator('.chart svg').first().waitFor();
    const main = await page.locator('main').innerText();
    for (const id of ['$junk', '$fallback', 'round-robin →', 'rep:', 'queue:', 'contact ·', 'demo_request']) expect(main).not.toContain(id);
    expect(main).toContain('Contact us');
    // Axis labels are drawn at the size they are read (the old ones were about 6 px high).
    const tick = await page
      .locator('.chart .tick')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(tick).toBeGreaterThanOrEqual(11);
    await expect.poll(() => page.locator('.fair').first().innerText()).toContain('given availability');
    await shot(page, 'overview-1280.png');

    // The Misroutes page names where it went, where it should have gone, who said so and why.
    await page.getByRole('link', { name: 'Misroutes' }).click();
    const row = page.locator('table.misroutes tbody tr').first();
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('Ingrid Larsen');
    const cells = await row.locator('td').allInnerTexts();
    const cai = await admin<{ record: { decision: { owner: { name: string } } } }>(`/leads/${ids.Cai}`);
    expect(cells.slice(1)).toEqual([
      'EMEA',
      cai.record.decision.owner.name,
      'Dana Whitfield',
      expect.stringContaining('Ingrid Larsen'),
      'Cai is an existing customer of Dana',
    ]);
    expect(cells[0]).toContain('Cai Moreno');
    await shot(page, 'misroutes-1280.png');

    // A phone: nothing wider than the screen, "Log out" in view.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [hash, name] of [
      ['#/', 'overview-390.png'],
      ['#/misroutes', 'misroutes-390.png'],
      [`#/lead/${ids.Bea}`, 'lead-390.png'],
      ['#/leads', 'leads-390.png'],
    ] as const) {
      await page.goto(`${worker.url}/dashboard/${hash}`);
      await page.locator('main h1').waitFor();
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), hash).toBeLessThanOrEqual(390);
      const logout = await page.getByRole('button', { name: 'Log out' }).boundingBox();
      expect(logout!.x + logout!.width).toBeLessThanOrEqual(390);
      expect(logout!.y).toBeLessThan(844);
      await shot(page, name);
    }
    await page.close();
  });

  it('offers last week’s spot-check across rules and records the quarterly review', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    // A week from now, this week's leads are last week's: the sample is drawn from them.
    await page.clock.setFixedTime(Date.now() + 7 * 86_400_000);
    await page.goto(`${worker.url}/dashboard/#/spot-check`);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Log in' }).click();
    const items = page.locator('ol.spot-list > li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(7);
    const rules = await items.locator('strong').allTextContents();
    expect(new Set(rules.filter((_, i) => i % 2 === 0))).toEqual(new Set(['EMEA', 'Round robin', 'LATAM']));
    const first = items.nth(0);
    await first.getByRole('button', { name: /looks right/ }).click();
    await expect.poll(() => first.innerText()).toContain('✓ Looks right');
    // Recorded on the lead, for the whole team.
    const checked = await admin<{ record: { spotChecked?: { by: string } } }>(`/leads/${await first.getAttribute('data-lead')}`);
    expect(checked.record.spotChecked).toBeDefined();
    const second = items.nth(1);
    const id = await second.getAttribute('data-lead');
    await second.getByRole('button', { name: /misrouted/ }).click();
    await second.getByLabel('Should have gone to').selectOption({ label: 'Dana Whitfield' });
    await second.getByLabel('Why').fill('Existing customer');
    await second.getByRole('button', { name: 'Report misroute' }).click();
    await expect.poll(() => page.locator(`li[data-lead="${id}"]`).innerText()).toContain('Misrouted: should have gone to Dana Whitfield');
    expect(await page.locator('.page-head .muted').textContent()).toMatch(/^(2 of 7 checked · 1|3 of 7 checked · 2) misrouted$/); // Cai, reported above, may be in the sample
    const misroute = await admin<{ record: { misrouted?: { to: string; by: string; note?: string } } }>(`/leads/${id}`);
    expect(misroute.record.misrouted).toMatchObject({ to: 'rep:dana', note: 'Existing customer' });
    await shot(page, 'spot-check-1280.png');
    await page.close();

    // The review box says a review is due, what to look at, and records one.
    const overview = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await overview.goto(`${worker.url}/dashboard/`);
    await overview.getByLabel('Admin token').fill(TOKEN);
    await overview.getByRole('button', { name: 'Log in' }).click();
    const review = overview.locator('section.review');
    await expect.poll(() => review.innerText(), { timeout: 10_000 }).toContain('The rules have never been reviewed. A quarterly review is due.');
    expect(await review.innerText()).toContain('took no lead in 90 days');
    await review.getByRole('button', { name: 'Mark the rules as reviewed' }).click();
    await review.getByLabel('What the review found').fill('Spain moved to LATAM; nothing else');
    await review.getByLabel('Your name').fill('Grace Liu');
    await review.getByRole('button', { name: 'Record the review' }).click();
    await expect.poll(() => review.innerText()).toMatch(/Rules last reviewed \d+ \w+ \d{4} by Grace Liu\. Next review by/);
    const versions = await admin<{ versions: { note?: string }[] }>('/config/versions');
    expect(versions.versions[0]!.note).toBe('Quarterly review: Spain moved to LATAM; nothing else');
    await shot(overview, 'review-1280.png');
    await overview.close();
  });
});
