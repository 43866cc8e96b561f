/**
 * Across the shards: a lead is found by its id alone, the leads behind a figure come in pages,
 * newest first, each once, from every month of the period and every part of a month split in
 * parts, and asking a month that has no leads creates nothing.
 */
import { env } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../shared/metrics/shards.ts';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import { leadFacts } from './lead-facts.ts';
import { newLeadId } from '../../worker/lead/lead-id.ts';
import { arrivalOfId, metricsStore } from '../../worker/metrics/store.ts';

const DAY = 86_400_000;
/** The last minutes of a month: the next leads land in the next month's shards. */
const MONTH_END = Date.parse('2031-03-31T23:55:00Z');

const facts = leadFacts;

const at = (i: number) => MONTH_END - 40 * DAY + i * 8 * 3_600_000;
const LEADS = Array.from({ length: 150 }, (_, i) => facts(newLeadId(at(i)), at(i), { route: i % 3 ? 'smb' : 'emea', email: `p${i}@acme.example` }));
/** A store whose months (these far-off ones, new to this isolate) are split in 3 parts. */
const store = () => metricsStore({ ...env, METRICS_PARTS: '3' });

beforeAll(async () => {
  await store().ingest(LEADS.map((f) => ({ facts: f })));
});

describe('lead ids', () => {
  it('carry their arrival, so an id alone finds its shard', () => {
    const when = Date.parse('2026-11-19T10:00:00Z');
    expect(arrivalOfId(newLeadId(when))).toBe(when);
    expect(arrivalOfId(newLeadId(when, '0123456789abcdef0123'))).toBe(when);
    expect(arrivalOfId('ld_missing')).toBeUndefined();
  });

  it('find a lead whose id was minted minutes before it arrived, across a month boundary', async () => {
    // An admission resumed after a crash keeps the id it minted first (worker/durable/lead-object.ts).
    const id = newLeadId(MONTH_END);
    const arrived = MONTH_END + 8 * 60_000;
    expect(monthOf(arrived)).not.toBe(monthOf(MONTH_END));
    await store().ingest([{ facts: facts(id, arrived, { email: 'late@example.com' }) }]);
    expect((await store().search(id, arrived)).map((l) => l.id)).toEqual([id]);
    expect(await store().erase([id])).toBe(1);
  });
});

describe('a month in parts', () => {
  it("spreads the month's leads over its parts, fixed by its first lead", async () => {
    const month = monthOf(MONTH_END);
    expect(await env.METRICS.getByName(month).parts(month, false)).toBe(3);
    const counts = await Promise.all(['', '.1', '.2'].map(async (part) => (await env.METRICS.getByName(`${month}${part}`).stats()).leads));
    expect(counts.every((n) => n > 10)).toBe(true);
    expect(counts.reduce((a, b) => a + b)).toBe(LEADS.filter((l) => monthOf(l.receivedAt) === month).length);
  });

  it('answers search, figures, erasure and export from every part', async () => {
    const now = MONTH_END;
    for (const lead of LEADS.slice(90, 100)) expect((await store().search(lead.email!, now)).map((l) => l.id)).toEqual([lead.id]);
    expect((await store().search('acme', now)).length).toBe(0);
    const report = await store().report('2031-02-01', '2031-04-30', now);
    expect(report.total.counters.leads).toBe(LEADS.length + 1);
    const ids = LEADS.slice(120, 130).map((l) => l.id);
    expect((await store().personal(ids)).map((p) => p.facts.email)).toEqual(expect.arrayContaining(LEADS.slice(120, 130).map((l) => l.email)));
    expect(await store().erase(ids)).toBe(10);
    expect((await store().personal(ids)).every((p) => p.facts.email === undefined)).toBe(true);
  });
});

describe('drill-down across months and parts', () => {
  it('walks every lead of the period once, newest first, in pages, and counts them as the tile does', async () => {
    const from = '2031-02-15';
    const to = '2031-03-31';
    const seen: LeadFacts[] = [];
    let before: number | undefined;
    let total = -1;
    for (let page = 0; page < 30; page++) {
      const result = await store().leads({ from, to, dim: 'route', key: 'smb', limit: 7, ...(before === undefined ? {} : { before }) }, MONTH_END);
      total = result.total;
      seen.push(...result.leads);
      if (!result.next) break;
      before = Number(result.next);
    }
    const expected = LEADS.filter((l) => l.route === 'smb' && l.receivedAt >= Date.parse(from) && l.receivedAt < Date.parse(to) + DAY);
    expect(new Set(expected.map((l) => monthOf(l.receivedAt))).size).toBe(2);
    expect(seen.map((l) => l.id)).toEqual(expected.map((l) => l.id).reverse());
    expect(total).toBe(expected.length);
  });

  it('creates no storage in a month without leads when asked about it', async () => {
    const empty = '2030-08';
    expect((await store().report(`${empty}-01`, `${empty}-31`, MONTH_END)).total.counters.leads).toBe(0);
    expect((await store().leads({ from: `${empty}-01`, to: `${empty}-31` }, MONTH_END)).leads).toEqual([]);
    const tables = await runInDurableObject(env.METRICS.getByName(empty), (_instance, state) =>
      state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf%' ESCAPE '\\'").toArray(),
    );
    expect(tables).toEqual([]);
  });
});
