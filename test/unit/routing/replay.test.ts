/**
 * Replay: a config change that moves one territory changes exactly the leads it should, and
 * the shares and unreachable routes follow.
 */
import { describe, expect, it } from 'vitest';
import { prepareLead } from '../../../shared/lead/prepare.ts';
import type { RoutingConfig } from '../../../shared/config/schema.ts';
import { replay, type ReplayLead } from '../../../shared/routing/replay.ts';
import { TUESDAY_MORNING_NY, exampleConfig, loadConfig, readExample, routable, tinyConfig } from '../helpers.ts';
import type { RoutingState } from '../../../shared/routing/types.ts';

const COUNTRIES = ['GB', 'ES', 'DE', 'MX', 'FR', 'ES', 'AR', 'IE', 'ES', 'CO'];

function leadsFor(config: RoutingConfig): ReplayLead[] {
  return COUNTRIES.map((country, i) => {
    const prepared = prepareLead(
      {
        formType: 'contact',
        fields: {
          firstName: 'Alex',
          lastName: `Lead${i}`,
          email: `alex${i}@company${i}.example.com`,
          company: `Company ${i}`,
          country,
          message: 'Please get in touch about pricing',
        },
        context: { timeOnFormMs: 30_000 },
      },
      config,
    );
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    return { id: `ld_${i}`, receivedAt: TUESDAY_MORNING_NY + i * 60_000, lead: prepared.lead };
  });
}

describe('replay', () => {
  const current = exampleConfig();
  const leads = leadsFor(current);

  it('changes nothing when the config is the same', () => {
    const result = replay(leads, current, current);
    expect(result.leads).toBe(10);
    expect(result.changed).toEqual([]);
    expect(result.owners.every((o) => o.before === o.after)).toBe(true);
  });

  it('moving Spain from EMEA to LATAM changes exactly the Spanish leads', () => {
    const input = readExample();
    const territories = input.territories as Record<string, { country: string[] }>;
    territories.emea!.country = territories.emea!.country.filter((c) => c !== 'ES');
    territories.latam!.country = [...territories.latam!.country, 'ES'];
    const proposed = loadConfig(input);

    const result = replay(leads, current, proposed);
    const spanish = leads.filter((_, i) => COUNTRIES[i] === 'ES').map((l) => l.id);
    expect(result.changed.map((c) => c.id)).toEqual(spanish);
    for (const change of result.changed) {
      expect(change.before).toMatchObject({ route: 'emea', target: 'pool:emea' });
      expect(change.after).toMatchObject({ route: 'latam', target: 'pool:latam' });
    }
    const routes = Object.fromEntries(result.routes.map((r) => [r.key, r]));
    expect(routes.emea).toMatchObject({ before: 7, after: 4 });
    expect(routes.latam).toMatchObject({ before: 3, after: 6 });
    // The shares move by the same three leads: out of EMEA's members, into LATAM's.
    const moved = result.owners.reduce((sum, o) => sum + Math.max(0, o.after - o.before), 0);
    expect(moved).toBe(3);
  });

  it('reports routes no replayed lead would take', () => {
    const result = replay(leads, current, current);
    expect(result.unreachable).toContain('mid-market');
    expect(result.unreachable).not.toContain('emea');
  });

  it('threads each config through its own state, from a copy of the initial one', () => {
    const current = loadConfig(
      tinyConfig({ reps: { ann: { name: 'Ann', dailyCapacity: 3 }, bob: { name: 'Bob' } }, routes: [{ id: 'ann', to: { rep: 'ann' } }] }),
    );
    const proposed = loadConfig(
      tinyConfig({
        reps: { ann: { name: 'Ann', dailyCapacity: 3 }, bob: { name: 'Bob' } },
        pools: { p: { strategy: 'round_robin', members: ['bob', 'ann'] } },
        routes: [{ id: 'pool', to: { pool: 'p' } }],
      }),
    );
    const initial: RoutingState = { cursors: {}, load: {} };
    const result = replay(
      [0, 1, 2].map((i) => ({ id: `ld_${i}`, receivedAt: TUESDAY_MORNING_NY + i * 60_000, lead: routable() })),
      current,
      proposed,
      initial,
    );
    // Alone, the current config gives Ann all three (her cap is 3); the proposed one alternates.
    expect(result.owners.find((o) => o.key === 'rep:ann')).toEqual({ key: 'rep:ann', before: 3, after: 1 });
    expect(initial).toEqual({ cursors: {}, load: {} });
  });
});
