import { describe, expect, it } from 'vitest';
import { describeConfig } from '../../../shared/config/describe.ts';
import { describeMarkdown } from '../../../shared/config/describe-markdown.ts';
import { durationWords, hoursWords, rangeWords, titleOf } from '../../../shared/config/words.ts';
import { exampleConfig, loadConfig } from '../helpers.ts';
import { teamConfig } from './team.ts';

const NOW = Date.parse('2027-01-05T15:00:00Z');

describe('the routing config in plain words', () => {
  const d = describeConfig(loadConfig(teamConfig()), { now: NOW });

  it('says each rule in priority order, with people’s names, the time to answer and what happens when nobody is available', () => {
    expect(d.rules.map((r) => r.sentence)).toEqual([
      "Named accounts (a named account's leads) → the account's owner (or their out-of-office backup), answer within the form's time; if the owner is not available → the next rule",
      'Enterprise (500+ employees, in US/CA) → Enterprise pool, round-robin between Ana and Ben, answer within 15 minutes; if neither is available → the next rule',
      "Mid-market (50–500 employees) → SMB pool, weighted rotation between Chloe, Dan (×2) and Eve, answer within the form's time; if none of them is available → the Inbound triage queue",
      'Demo (from the “Book a demo” form) → Chloe, answer within 5 minutes; if Chloe is not available → the next rule',
      "Everyone else (every lead that gets here) → SMB pool, weighted rotation between Chloe, Dan (×2) and Eve, answer within the form's time; if none of them is available → the fallback (Inbound triage queue)",
    ]);
    expect(d.rules.map((r) => r.escalation)).toEqual(['Standard', 'Standard', 'Standard', 'Fast', 'Standard']);
  });

  it('lists each pool’s members with their hours, cap and out-of-office, and who uses the pool', () => {
    const enterprise = d.pools.find((p) => p.id === 'enterprise')!;
    expect(enterprise.how).toBe('round-robin');
    expect(enterprise.note).toBe('Used by rule Enterprise.');
    expect(enterprise.members).toEqual([
      { id: 'ana', name: 'Ana Silva', lines: ['Mon–Fri 9:00–17:30, New York time (team hours)', 'at most 30 open leads'] },
      {
        id: 'ben',
        name: 'Ben Carter',
        lines: ['Mon–Fri 9:00–17:30, New York time (team hours)', 'out of office 4–8 Jan 2027 (now), Ski trip: Ana Silva covers'],
      },
    ]);
    const smb = d.pools.find((p) => p.id === 'smb')!;
    expect(smb.members.map((m) => [m.name, m.lines[0]])).toEqual([
      ['Chloe Martin (×1)', 'Mon–Thu 8:00–16:00, Fri off, Chicago time'],
      ['Dan Wu (×2)', 'Mon–Fri 9:00–17:30, New York time (team hours)'],
      ['Eve Stone (×1)', 'inactive: gets no leads'],
    ]);
    expect(d.pools.find((p) => p.id === 'spare')!.note).toBe('Not used by any rule.');
  });

  it('leaves out absences that are over', () => {
    const later = describeConfig(loadConfig(teamConfig()), { now: Date.parse('2027-02-01T00:00:00Z') });
    expect(later.people.find((p) => p.id === 'ben')!.lines.join(' ')).not.toContain('out of office');
  });

  it('spells out each escalation chain, the fallback, junk, queues and named accounts', () => {
    expect(d.escalations).toEqual([
      {
        id: 'standard',
        name: 'Standard',
        lines: [
          'after 15 minutes, give the lead to the next available rep of the same pool',
          "after 30 minutes, alert the owner's manager",
          'after 1 hour, move it to the Inbound triage queue',
        ],
        note: 'Used by every other lead (the default).',
      },
      { id: 'fast', name: 'Fast', lines: ['after 5 minutes, alert Ana Silva'], note: 'Used by rule Demo.' },
    ]);
    expect(d.fallback).toBe('Any lead no rule takes → the Inbound triage queue (watched by Ana Silva), answer within 4 hours.');
    expect(d.junk).toContain('→ the Junk review queue');
    expect(d.queues.find((q) => q.id === 'junk')!.lines).toEqual(['watched by nobody: nobody is told when a lead lands here']);
    expect(d.accounts).toEqual(['globex.com (Globex) → Ben Carter']);
    expect(d.people.find((p) => p.id === 'eve')!.lines).toEqual(['inactive: gets no leads', 'in SMB', 'manager: Ana Silva']);
  });

  it('prints the same words as a Markdown document', () => {
    const md = describeMarkdown(d, 'Live config v3');
    expect(md).toMatch(/^# Acme sales\n\nLive config v3 Never reviewed.\n/);
    expect(md).toContain(
      '2. **Enterprise** (500+ employees, in US/CA) → Enterprise pool, round-robin between Ana and Ben, answer within 15 minutes; if neither is available → the next rule.',
    );
    expect(md).toContain('- **Ben Carter**: Mon–Fri 9:00–17:30, New York time (team hours); out of office 4–8 Jan 2027 (now), Ski trip: Ana Silva covers');
    expect(md).toContain('**Fallback.** Any lead no rule takes → the Inbound triage queue');
  });

  it('names people, never ids, for the shipped example', () => {
    const example = describeConfig(exampleConfig());
    const text = JSON.stringify(example);
    expect(example.rules).toHaveLength(exampleConfig().routes.length);
    expect(text).not.toMatch(/rep:|pool:|queue:|\$fallback|\$junk|round_robin|least_loaded/);
    expect(example.rules[0]!.title).toBe('Named accounts');
    expect(example.rules.find((r) => r.id === 'mid-market-east')!.sentence).toBe(
      "Mid-market east (50+ employees, in territory “us-east”) → Mid-market East pool, round-robin between Dana and Sam, answer within the form's time; if neither is available → the next rule",
    );
  });
});

describe('words', () => {
  it.each([
    ['15m', '15 minutes'],
    ['1h', '1 hour'],
    ['1h30m', '1 hour 30 minutes'],
    ['2d', '2 days'],
    ['90s', '1 minute 30 seconds'],
  ])('duration %s is %s', (text, words) => expect(durationWords(text)).toBe(words));

  it('writes hours, ranges and titles as people do', () => {
    expect(hoursWords({ 'mon-fri': '09:00-17:30', sat: ['10:00-12:00', '13:00-15:00'], sun: 'off' })).toBe(
      'Mon–Fri 9:00–17:30, Sat 10:00–12:00 and 13:00–15:00, Sun off',
    );
    expect(hoursWords(undefined)).toBe('any time');
    expect(rangeWords('2026-12-21', '2027-01-01')).toBe('21 Dec 2026 – 1 Jan 2027');
    expect(rangeWords('2027-01-04', '2027-01-04')).toBe('4 Jan 2027');
    expect(rangeWords('2027-01-04T13:00:00Z', '2027-01-04T17:00:00+01:00')).toBe('4 Jan 2027 13:00 UTC – 4 Jan 2027 17:00 UTC+01:00');
    expect(titleOf('same-day-sf')).toBe('Same day SF');
    expect(titleOf('smb_aes')).toBe('SMB AEs');
  });
});
