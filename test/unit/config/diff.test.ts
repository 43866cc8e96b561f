import { describe, expect, it } from 'vitest';
import { diffConfigs } from '../../../shared/config/diff.ts';
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';
import { loadConfig, readExample } from '../helpers.ts';
import { teamConfig } from './team.ts';

/** The diff's sentences from the team config to the config `edit` makes of it. */
function changes(edit: (c: RoutingConfigInput) => void, base: () => RoutingConfigInput = teamConfig): string[] {
  const after = base();
  edit(after);
  return diffConfigs(loadConfig(base()), loadConfig(after)).map((c) => c.text);
}

describe('what a publish changes, in words', () => {
  it('says nothing for the same config written in another key order', () => {
    const shuffled = Object.fromEntries(Object.entries(teamConfig()).reverse());
    expect(diffConfigs(loadConfig(teamConfig()), loadConfig(shuffled))).toEqual([]);
  });

  it('names a rep leaving a pool', () => {
    expect(changes((c) => (c.pools!.enterprise!.members = ['ben']))).toEqual(['Ana removed from the Enterprise pool']);
  });

  it('says a size band changed in one line', () => {
    expect(changes((c) => (c.routes[2]!.when = { employees: { gte: 100, lt: 500 } }))).toEqual(['Rule Mid-market: 50–500 became 100–500 employees']);
  });

  it('reports one move when two rules swap places', () => {
    expect(
      changes((c) => {
        const [a, b] = [c.routes[1]!, c.routes[2]!];
        c.routes[1] = b;
        c.routes[2] = a;
      }),
    ).toEqual(['Rule Mid-market moved from 3rd to 2nd']);
  });

  it('describes the everyday changes of a RevOps manager', () => {
    expect(
      changes((c) => {
        c.reps.zoe = { name: 'Zoe Park', timeZone: 'Europe/London' };
        c.pools!.enterprise!.members.push('zoe');
        c.reps.ana!.outOfOffice = [{ from: '2027-03-01', to: '2027-03-05', backup: 'ben' }];
        c.reps.chloe!.hours = { 'mon-fri': '08:00-16:00' };
        c.reps.dan!.capacity = 20;
        c.accounts!['initech.com'] = 'ana';
        c.routes.push({ id: 'free', when: { formType: 'contact', country: 'GB' }, to: { queue: 'triage' } });
      }),
    ).toEqual([
      'Rule Free added as the 6th rule: Free (from the “Contact us” form, in GB) → the Inbound triage queue, answer within 4 hours',
      'Zoe added to the Enterprise pool',
      'Ana out of office 1–5 Mar 2027: Ben Carter covers',
      "Chloe's hours: Mon–Thu 8:00–16:00, Fri off, Chicago time became Mon–Fri 8:00–16:00, Chicago time",
      "Dan's capacity: no limit became at most 20 open leads",
      'Zoe Park added: Mon–Fri 9:00–17:30, London time (team hours)',
      'initech.com added as a named account of Ana Silva',
    ]);
  });

  it('has a sentence for a change in every part of the shipped example', () => {
    const edits: [string, (c: RoutingConfigInput) => void][] = [
      ['territory', (c) => (c.territories!.emea = { country: ['GB'] })],
      ['escalation', (c) => (c.escalations!.standard![1]!.after = '20m')],
      ['form', (c) => (c.formTypes.contact!.sla = '2h')],
      ['queue', (c) => (c.queues['ai-sdr']!.watchers = ['grace'])],
      ['fallback', (c) => (c.fallback.sla = '1h')],
      ['junk', (c) => (c.qualification.minFillTime = '5s')],
      ['dedupe', (c) => (c.dedupe = { window: '14d', keys: ['email'] })],
      ['defaults', (c) => (c.defaults!.sla = '2h')],
      ['brand', (c) => (c.brand = { name: 'Southwind' })],
      ['rep', (c) => (c.reps.ana!.slack = 'U0ANA')],
      ['rule target', (c) => (c.routes[5]!.to = { pool: 'latam' })],
      ['pool strategy', (c) => (c.pools!.sdr!.strategy = 'least_loaded')],
    ];
    for (const [name, edit] of edits) expect(changes(edit, readExample), name).not.toEqual([]);
  });
});
