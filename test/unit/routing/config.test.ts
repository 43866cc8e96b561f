/** Loading a routing config: every refusal names the route or entry, shadowing is warned. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/parse.ts';
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';
import { routingConfigJsonSchema } from '../../../shared/config/json-schema.ts';
import { readExample, tinyConfig } from '../helpers.ts';

function issuesOf(input: unknown): string[] {
  const parsed = parseConfig(input);
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('routing config', () => {
  it('loads the shipped example without problems or warnings', () => {
    const parsed = parseConfig(readExample());
    expect(parsed.ok && parsed.warnings).toEqual([]);
  });

  it('refuses a config without a fallback, and says what to add', () => {
    const { fallback: _, ...rest } = tinyConfig();
    expect(issuesOf(rest)).toEqual(['fallback: is required: name the queue that owns a lead no route takes ({ "fallback": { "queue": "…" } })']);
  });

  it.each<[string, Partial<RoutingConfigInput>, string]>([
    ['route to a missing pool', { routes: [{ id: 'big', to: { pool: 'nope' } }] }, 'routes[0] "big" to: no pool "nope"'],
    ['route to a missing rep', { routes: [{ id: 'direct', to: { rep: 'zed' } }] }, 'routes[0] "direct" to: no rep "zed"'],
    ['route to a missing queue', { routes: [{ id: 'q', to: { queue: 'zzz' } }] }, 'routes[0] "q" to: no queue "zzz"'],
    ['pool member missing', { pools: { p: { strategy: 'round_robin', members: ['ann', 'ghost'] } } }, 'pools.p.members[1]: no rep "ghost"'],
    ['named account owner missing', { accounts: { 'acme.com': 'ghost' } }, 'accounts.acme.com: no rep "ghost"'],
    [
      'escalation to a missing queue',
      { escalations: { e: [{ after: '15m', action: 'move_to_queue', queue: 'gone' }] } },
      'escalations.e[0].queue: no queue "gone"',
    ],
    [
      'route names a missing escalation',
      { routes: [{ id: 'r', to: { rep: 'ann' }, escalation: 'nope' }] },
      'routes[0] "r" escalation: no escalation chain "nope"',
    ],
    [
      'route names a missing territory',
      { routes: [{ id: 'west', when: { territory: 'west' }, to: { rep: 'ann' } }] },
      'routes[0] "west" when.territory: no territory "west"',
    ],
    [
      'OOO backup missing',
      { reps: { ann: { name: 'Ann', outOfOffice: [{ from: '2026-12-01', to: '2026-12-02', backup: 'ghost' }] } } },
      'reps.ann.outOfOffice[0].backup: no rep "ghost"',
    ],
    [
      'unknown condition field',
      { routes: [{ id: 'typo', when: { contry: 'US' }, to: { rep: 'ann' } }] },
      'routes[0] "typo" when.contry: unknown field "contry" (did you mean "country"?); known fields: formType, email, emailDomain, emailKind, domain, website, phone, firstName, lastName, company, jobTitle, country, region, city, postalCode, postalDistrict, employees, employeesMax, product, message, language, consent, source, medium, campaign, pagePath, status, urgency, intent, territory, namedAccount, accountTier, existingCustomer, knownContact, score, fit, engagement, intentTopics, intentStrength, industry',
    ],
    [
      'number test on text',
      { routes: [{ id: 'size', when: { country: { gte: 5 } }, to: { rep: 'ann' } }] },
      'routes[0] "size" when.country: "gte" compares numbers, but country is text',
    ],
    [
      'text value for a number',
      { routes: [{ id: 'size', when: { employees: 'big' }, to: { rep: 'ann' } }] },
      'routes[0] "size" when.employees: "big" is not a number',
    ],
    [
      'duplicate route ids',
      {
        routes: [
          { id: 'a', to: { rep: 'ann' } },
          { id: 'a', to: { rep: 'bob' } },
        ],
      },
      'routes[1] "a": route id "a" is used twice',
    ],
    ['junk queue missing', { qualification: { junkQueue: 'bin' } }, 'qualification.junkQueue: no queue "bin"'],
  ])('refuses %s, naming it', (_name, extra, expected) => {
    expect(issuesOf(tinyConfig(extra))).toContain(expected);
  });

  it.each<[string, unknown, string]>([
    ['a bad duration', { routes: [{ id: 'slow', to: { rep: 'ann' }, sla: 'soon' }] }, 'routes[0] "slow".sla: a duration like 90s, 15m, 1h, 1h30m or 2d'],
    [
      'a bad time zone',
      { reps: { ann: { name: 'Ann', timeZone: 'Mars/Olympus' } } },
      'reps.ann.timeZone: an IANA time zone such as America/New_York or Europe/Madrid',
    ],
    ['bad working hours', { reps: { ann: { name: 'Ann', hours: { weekdays: '9-5' } } } }, 'reps.ann.hours.weekdays: days like mon, mon-fri or sat,sun'],
    [
      'an unknown pool strategy',
      { pools: { p: { strategy: 'random', members: ['ann'] } } },
      'pools.p.strategy: expected one of "round_robin", "weighted", "least_loaded"',
    ],
    ['an unknown key', { reps: { ann: { name: 'Ann', dailyCap: 3 } } }, 'reps.ann: unknown key "dailyCap"'],
    ['an escalation step without its queue', { escalations: { e: [{ after: '15m', action: 'move_to_queue' }] } }, 'escalations.e[0].queue: is required'],
    [
      'an escalation step with an unknown action',
      { escalations: { e: [{ after: '15m', action: 'page_everyone' }] } },
      'escalations.e[0]: is none of the forms it can take',
    ],
    ['a capacity that is not a whole number', { reps: { ann: { name: 'Ann', capacity: 2.5 } } }, 'reps.ann.capacity: a whole number'],
  ])('refuses %s with a readable message', (_name, extra, expected) => {
    expect(issuesOf(tinyConfig(extra as Partial<RoutingConfigInput>))).toContain(expected);
  });

  it.each<[string, RoutingConfigInput['routes'], string]>([
    [
      'a catch-all before a route',
      [
        { id: 'all', to: { queue: 'triage' } },
        { id: 'us', when: { country: 'US' }, to: { rep: 'ann' } },
      ],
      'never reached: every lead it matches is taken first by route "all" (routes[0])',
    ],
    [
      'a broader list before a narrower value',
      [
        { id: 'na', when: { country: ['US', 'CA'] }, to: { queue: 'triage' } },
        { id: 'us', when: { country: 'US', employees: { gte: 5 } }, to: { rep: 'ann' } },
      ],
      'never reached: every lead it matches is taken first by route "na" (routes[0])',
    ],
    [
      'a wider range before a narrower one',
      [
        { id: 'mid', when: { employees: { gte: 50 } }, to: { rep: 'ann' } },
        { id: 'ent', when: { employees: { gte: 500 } }, to: { rep: 'bob' } },
      ],
      'reached only when nobody route "mid" (routes[0]) names is available: every lead it matches, "mid" matches first',
    ],
    [
      'a shorter prefix before a longer one',
      [
        { id: 'bay', when: { postalCode: { prefix: '94' } }, to: { queue: 'triage' } },
        { id: 'sf', when: { postalCode: { prefix: '941' } }, to: { rep: 'ann' } },
      ],
      'never reached: every lead it matches is taken first by route "bay" (routes[0])',
    ],
  ])('warns of %s', (_name, routes, message) => {
    const parsed = parseConfig(tinyConfig({ routes }));
    expect(parsed.ok && parsed.warnings).toEqual([{ path: `routes[1] "${routes[1]!.id}"`, message }]);
  });

  it('does not warn when a later route is narrower in a way the earlier one does not cover', () => {
    const parsed = parseConfig(
      tinyConfig({
        routes: [
          { id: 'ent', when: { employees: { gte: 500 } }, to: { rep: 'ann' } },
          { id: 'mid', when: { employees: { gte: 50 } }, to: { rep: 'bob' } },
          { id: 'us', when: { country: 'US' }, to: { rep: 'cat' } },
          { id: 'named', to: { accountOwner: true } },
        ],
      }),
    );
    expect(parsed.ok && parsed.warnings).toEqual([]);
  });

  it('ships a JSON Schema for editors that is current with the zod schema', () => {
    const path = fileURLToPath(new URL('../../../shared/config/routing-config.schema.json', import.meta.url));
    const shipped = JSON.parse(readFileSync(path, 'utf8'));
    expect(shipped).toEqual(routingConfigJsonSchema());
    expect(shipped.required).toContain('fallback');
  });
});
