import { describe, expect, it } from 'vitest';
import { checkAll } from '../../../shared/config/check-all.ts';
import { conditionOf, rowsOf } from '../../../shared/config/condition-rows.ts';
import { diffConfigs } from '../../../shared/config/diff.ts';
import {
  EditRefused,
  addAbsence,
  addRep,
  moveBetweenPools,
  moveRoute,
  newRepId,
  removeFromPool,
  removeRep,
  setAccount,
  updateRep,
} from '../../../shared/config/edits.ts';
import { locate, syntaxErrorPosition } from '../../../shared/config/locate.ts';
import { loadConfig } from '../helpers.ts';
import { teamConfig } from './team.ts';

const said = (before: unknown, after: unknown) => diffConfigs(loadConfig(before), loadConfig(after)).map((c) => c.text);

describe('the editor’s everyday changes produce valid JSON', () => {
  it('adds a rep to a pool, sets out-of-office with a backup, reorders rules', () => {
    const start = teamConfig();
    let c = addRep(start, newRepId(start, 'Zoë Park'), { name: 'Zoë Park', email: 'zoe@acme.example' }, ['enterprise']);
    c = addAbsence(c, 'ana', { from: '2027-03-01', to: '2027-03-05', backup: 'zoe', note: '' });
    c = moveRoute(c, 3, 1);
    expect(checkAll(c).issues).toEqual([]);
    expect(c.reps.zoe).toEqual({ name: 'Zoë Park', email: 'zoe@acme.example' });
    expect(c.reps.ana!.outOfOffice).toEqual([{ from: '2027-03-01', to: '2027-03-05', backup: 'zoe' }]);
    expect(said(start, c)).toEqual([
      'Rule Demo moved from 4th to 2nd',
      'Zoë added to the Enterprise pool',
      'Ana out of office 1–5 Mar 2027: Zoë Park covers',
      'Zoë Park added: Mon–Fri 9:00–17:30, New York time (team hours)',
    ]);
    expect(start.reps.zoe).toBeUndefined();
  });

  it('removes a rep from every pool, queue and backup role, or says what names them', () => {
    const c = teamConfig();
    expect(() => removeRep(c, 'ben')).toThrow(new EditRefused('Change this first: they own the named account globex.com.'));
    const without = removeRep(setAccount(c, 'globex.com', 'ana', 'Globex'), 'ben');
    expect(checkAll(without).issues).toEqual([]);
    expect(without.pools!.enterprise!.members).toEqual(['ana']);
    expect(() => removeRep(c, 'chloe')).toThrow(/rule demo sends leads to them; they are the only member of the Spare pool/);
  });

  it('moves a rep between pools and refuses to empty a pool', () => {
    const c = moveBetweenPools(teamConfig(), 'dan', 'smb', 'enterprise');
    expect(c.pools!.smb!.members).toEqual(['chloe', 'eve']);
    expect(c.pools!.enterprise!.members).toEqual(['ana', 'ben', 'dan']);
    expect(() => removeFromPool(teamConfig(), 'spare', 'chloe')).toThrow(/only member of Spare/);
  });

  it('clears a setting back to the team’s', () => {
    const c = updateRep(teamConfig(), 'ana', { capacity: undefined, hours: { 'mon-fri': '10:00-18:00' } });
    expect(c.reps.ana).toEqual({ name: 'Ana Silva', email: 'ana@acme.example', hours: { 'mon-fri': '10:00-18:00' } });
  });
});

describe('conditions as rows', () => {
  it('round-trips the JSON a person writes', () => {
    const when = { employees: { gte: 50, lt: 500 }, country: ['US', 'CA'], formType: 'demo', phone: { exists: true } };
    const rows = rowsOf(when);
    expect(rows).toEqual([
      { field: 'employees', op: 'gte', value: '50' },
      { field: 'employees', op: 'lt', value: '500' },
      { field: 'country', op: 'in', value: 'US, CA' },
      { field: 'formType', op: 'eq', value: 'demo' },
      { field: 'phone', op: 'exists', value: 'true' },
    ]);
    expect(conditionOf(rows)).toEqual({ condition: when, problems: [] });
  });

  it('says which row needs a value or a number', () => {
    expect(
      conditionOf([
        { field: 'employees', op: 'gte', value: 'lots' },
        { field: 'country', op: 'eq', value: ' ' },
      ]).problems,
    ).toEqual([
      { row: 0, message: 'needs a number' },
      { row: 1, message: 'needs a value' },
    ]);
  });
});

describe('every problem at once, with its place in the text', () => {
  it('lists a bad value and a dangling reference together', () => {
    const c = teamConfig();
    c.reps.ana!.email = 'not an email';
    c.pools!.enterprise!.members.push('nobody');
    const { issues } = checkAll(c);
    expect(issues.map((i) => i.path)).toEqual(['reps.ana.email', 'pools.enterprise.members[2]']);
  });

  it('finds an issue path in the JSON text, keys with dots included', () => {
    const text = JSON.stringify(teamConfig(), null, 2);
    const lines = text.split('\n');
    const at = (path: string) => lines[locate(text, path).line - 1]!.trim();
    expect(at('reps.ben.outOfOffice[0].backup')).toBe('"backup": "ana",');
    expect(at('accounts.globex.com')).toBe('"globex.com": {');
    expect(at('routes[2] "mid-market".when.employees')).toBe('"employees": {');
    expect(at('routes[2] "mid-market" when.employees')).toBe('"employees": {');
    expect(at('routes[1] "enterprise".nothing')).toBe('{');
  });

  it('places a syntax error', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    let message = '';
    try {
      JSON.parse(text);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(syntaxErrorPosition(text, message)).toMatchObject({ line: 3, column: 3 });
  });
});

describe('working hours as rows', () => {
  it('expands day ranges and joins them back', async () => {
    const { hourRowsOf, hoursOfRows } = await import('../../../shared/config/hours-rows.ts');
    const rows = hourRowsOf({ 'mon-fri': '09:00-17:30', sat: ['10:00-12:00', '13:00-15:00'], sun: 'off' });
    expect(rows).toEqual({
      mon: '09:00-17:30',
      tue: '09:00-17:30',
      wed: '09:00-17:30',
      thu: '09:00-17:30',
      fri: '09:00-17:30',
      sat: '10:00-12:00, 13:00-15:00',
      sun: '',
    });
    expect(hoursOfRows(rows)).toEqual({ 'mon-fri': '09:00-17:30', sat: ['10:00-12:00', '13:00-15:00'] });
    expect(hoursOfRows({ ...rows, wed: '' })).toEqual({ 'mon-tue': '09:00-17:30', 'thu-fri': '09:00-17:30', sat: ['10:00-12:00', '13:00-15:00'] });
    expect(hourRowsOf({ 'sat,sun': '10:00 - 14:00' }).sun).toBe('10:00 - 14:00');
    expect(hoursOfRows({ ...hourRowsOf({}), mon: '9:00 – 17:00' })).toEqual({ mon: '09:00-17:00' });
  });
});

describe('two people editing at once', () => {
  it('applies my changes onto what they published, and names what we both changed', async () => {
    const { mergeConfigs } = await import('../../../shared/config/merge.ts');
    const base = teamConfig();
    const theirs = addRep(moveRoute(base, 4, 1), 'zoe', { name: 'Zoe Park' }, ['smb']);
    theirs.reps.ana!.capacity = 10;
    let mine = addAbsence(base, 'ben', { from: '2027-05-01', to: '2027-05-02' });
    mine = updateRep(mine, 'ana', { capacity: 50 });
    mine.routes.push({ id: 'late', to: { queue: 'triage' } });
    const { merged, conflicts } = mergeConfigs(base, mine, theirs);
    expect(conflicts).toEqual(['reps.ana.capacity']);
    const m = merged as typeof base;
    expect(m.reps.zoe).toEqual({ name: 'Zoe Park' });
    expect(m.reps.ana!.capacity).toBe(50);
    expect(m.reps.ben!.outOfOffice).toHaveLength(2);
    expect(m.routes.map((r) => r.id)).toEqual(['named-accounts', 'everyone-else', 'enterprise', 'mid-market', 'demo', 'late']);
    expect(m.pools!.smb!.members).toEqual(['chloe', 'dan', 'eve', 'zoe']);
    expect(checkAll(m).issues).toEqual([]);
  });
});
