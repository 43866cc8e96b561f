/**
 * Erasure (issue 10): a person asks to be forgotten, or a lead's retention ends and its object
 * deletes it. Every personal copy the metrics store keeps goes (email, phone, company, name in the
 * facts, the copy kept for replay), checked by reading every table of the shard; the anonymous
 * facts stay, so the figures and their drill-downs do not move.
 */
import { env } from 'cloudflare:workers';
import { reset, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayOf } from '../../shared/metrics/rollup.ts';
import { monthOf } from '../../shared/metrics/shards.ts';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import { leadFacts } from './lead-facts.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import { metricsStore } from '../../worker/metrics/store.ts';

const DAY = 86_400_000;
const NOW = Date.now();

function facts(id: string, receivedAt: number, who: { email: string; phone: string; company: string; name: string }): LeadFacts {
  return leadFacts(id, receivedAt, { respondedAt: receivedAt + 60_000, ...who });
}

const JANE = { email: 'jane.roe@northwind.example', phone: '+14155550101', company: 'Northwind Traders', name: 'Jane Roe' };
const OMAR = { email: 'omar@contoso.example', phone: '+14155550202', company: 'Contoso', name: 'Omar Diaz' };
const routable = (who: typeof JANE): RoutableLead => ({
  formType: 'contact',
  consent: true,
  source: 'google',
  honeypot: false,
  status: 'qualified',
  urgency: 'normal',
  intent: 'medium',
  email: who.email,
  phone: who.phone,
  company: who.company,
  fullName: who.name,
  message: `call ${who.name}`,
});
const id = (at: number, n: number) => `ld_${at.toString(36)}e${n}`;
const store = () => metricsStore(env);

/** Every text stored in any table of a shard, for looking a person up by brute force. */
async function everything(shard: string): Promise<string> {
  return runInDurableObject(env.METRICS.getByName(shard), (_instance, state) => {
    const tables = state.storage.sql
      .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'")
      .toArray();
    return tables.map(({ name }) => JSON.stringify(state.storage.sql.exec(`SELECT * FROM "${name}"`).toArray())).join('\n');
  });
}

function holds(text: string, who: typeof JANE): string[] {
  const reversed = [...who.phone].reverse().join('');
  return [who.email, who.phone, reversed, who.company, who.name].filter((value) => text.includes(value));
}

beforeEach(async () => {
  await reset();
});

describe('erasure', () => {
  const at = NOW - 2 * DAY;
  const janeIds = [id(at, 1), id(at + 1, 2)];

  beforeEach(async () => {
    await store().ingest([
      { facts: facts(janeIds[0]!, at, JANE), lead: routable(JANE) },
      { facts: facts(janeIds[1]!, at + 1, JANE), lead: routable(JANE) },
      { facts: facts(id(at + 2, 3), at + 2, OMAR), lead: routable(OMAR) },
    ]);
    expect(holds(await everything(monthOf(at)), JANE).length).toBe(5);
  });

  it('erase(leadIds) removes every personal copy of those leads and keeps the figures', async () => {
    const before = await store().report(dayOf(at), dayOf(at), NOW);
    expect(await store().erase([...janeIds, 'ld_unknown'])).toBe(2);
    expect(holds(await everything(monthOf(at)), JANE)).toEqual([]);
    expect(holds(await everything(monthOf(at)), OMAR).length).toBe(5);
    expect(await store().search(JANE.email, NOW)).toEqual([]);
    expect(await store().search('415 555 0101', NOW)).toEqual([]);
    expect(await store().search('Northwind', NOW)).toEqual([]);
    expect((await store().replaySample(10, NOW)).map((l) => l.id)).toEqual([id(at + 2, 3)]);
    // The anonymous facts stay: found by id, counted, listed.
    expect(await store().search(janeIds[0]!, NOW)).toMatchObject([{ id: janeIds[0], route: 'smb', firstOwner: 'rep:ana' }]);
    expect((await store().search(janeIds[0]!, NOW))[0]).not.toHaveProperty('email');
    expect(await store().report(dayOf(at), dayOf(at), NOW)).toEqual(before);
    expect((await store().leads({ from: dayOf(at), to: dayOf(at), is: 'in_sla' }, NOW)).total).toBe(3);
    // Twice is the same as once.
    expect(await store().erase(janeIds)).toBe(2);
    expect(holds(await everything(monthOf(at)), JANE)).toEqual([]);
  });

  it('personal(leadIds) shows what is kept about those leads, in whichever week they arrived', async () => {
    const older = NOW - 40 * DAY;
    await store().ingest([{ facts: facts(id(older, 4), older, JANE), lead: routable(JANE) }]);
    const kept = await store().personal([...janeIds, id(older, 4)]);
    expect(kept.map((k) => k.facts.id).sort()).toEqual([...janeIds, id(older, 4)].sort());
    expect(kept.every((k) => k.facts.email === JANE.email && k.facts.phone === JANE.phone && k.facts.name === JANE.name)).toBe(true);
    expect(kept.map((k) => k.lead?.email)).toEqual([JANE.email, JANE.email, JANE.email]);
    expect(await store().erase([id(older, 4)])).toBe(1);
    expect(holds(await everything(monthOf(older)), JANE)).toEqual([]);
    expect(await store().personal([id(older, 4)])).toMatchObject([{ facts: { id: id(older, 4), route: 'smb' }, lead: null }]);
  });
});
