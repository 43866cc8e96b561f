/**
 * The audit figures are defined once, in the README's table, and the code follows it: every
 * count of the code has a row, every row a count; stable flag bits; rates only from counts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bitOf, COUNTER_DEFINITIONS, countsIn, flagsOf, keysOf, keyValues, RATES } from '../../../shared/metrics/definitions.ts';
import { COUNTERS, COUNTS, type LeadFacts } from '../../../shared/metrics/types.ts';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The first column of the README's "Audit figures" table: `name` in backticks. */
function readmeFigures(): string[] {
  const section = README.slice(README.indexOf('### Audit figures'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| ---')));
  return [...table.matchAll(/^\| `([a-z_A-Z]+)` \|/gm)].map((m) => m[1]!);
}

const T = Date.parse('2026-11-17T15:00:00Z');
const base: LeadFacts = {
  id: 'ld_x',
  rev: 1,
  receivedAt: T,
  formType: 'contact',
  source: 'google',
  status: 'qualified',
  route: 'smb',
  pool: 'smb-ae',
  firstOwner: 'rep:ana',
  owner: 'rep:ana',
  configVersion: 1,
  dueAt: T + 900_000,
  reassignments: 0,
  escalated: false,
  duplicates: 0,
  deadLetters: 0,
};

describe('the audit figures', () => {
  it('are the rows of the README table, counts and rates alike', () => {
    expect(readmeFigures().sort()).toEqual([...COUNTS, ...Object.keys(RATES)].sort());
  });

  it('give every counter its own bit of a 31-bit integer', () => {
    const bits = COUNTERS.map(bitOf);
    expect(new Set(bits).size).toBe(Object.keys(COUNTER_DEFINITIONS).length);
    expect(Math.max(...bits)).toBeLessThan(2 ** 31);
  });

  it('split every routed lead into exactly one of in time, late, open and overdue, at any instant', () => {
    const leads: LeadFacts[] = [
      base,
      { ...base, respondedAt: T + 60_000 },
      { ...base, respondedAt: T + 900_000 },
      { ...base, respondedAt: T + 900_001 },
      { ...base, status: 'junk' },
    ];
    for (const lead of leads) {
      for (const now of [T, T + 900_000, T + 900_001, T + 86_400_000]) {
        const flags = flagsOf(lead);
        const held = (['in_sla', 'late', 'open', 'overdue'] as const).filter((c) => countsIn(c, flags, lead.dueAt, now));
        expect(held.length).toBe(lead.status === 'junk' ? 0 : 1);
        expect(countsIn('routed', flags, lead.dueAt, now)).toBe(lead.status !== 'junk');
      }
    }
    // Due at 15:15: at 15:15 still open, a millisecond later overdue; answered at 15:15 is in time.
    expect(countsIn('open', flagsOf(base), base.dueAt, T + 900_000)).toBe(true);
    expect(countsIn('overdue', flagsOf(base), base.dueAt, T + 900_001)).toBe(true);
    expect(countsIn('in_sla', flagsOf({ ...base, respondedAt: T + 900_000 }), base.dueAt, T)).toBe(true);
  });

  it('cut a lead by route, first owner, form type, source and pool member, and read a key back', () => {
    expect(keysOf(base)).toEqual([
      ['all', '*'],
      ['route', 'smb'],
      ['rep', 'rep:ana'],
      ['form', 'contact'],
      ['source', 'google'],
      ['pool_rep', 'smb-ae/rep:ana'],
    ]);
    expect(keysOf({ ...base, pool: undefined }).map(([dim]) => dim)).not.toContain('pool_rep');
    expect(keyValues('pool_rep', 'smb-ae/rep:ana')).toEqual(['smb-ae', 'rep:ana']);
    expect(keyValues('source', 'news/letter')).toEqual(['news/letter']);
    expect(keyValues('pool_rep', 'smb-ae')).toBeUndefined();
  });
});
