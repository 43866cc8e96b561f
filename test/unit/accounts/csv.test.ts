import { describe, expect, it } from 'vitest';
import { accountsFromCsv, contactsFromCsv, CsvParser, MAX_ISSUES, parseCsv } from '../../../shared/accounts/csv.ts';
import { exampleConfig } from '../helpers.ts';

const config = exampleConfig();

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, line breaks in quotes, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffname,domains\r\n"Acme, Inc.","acme.com"\r\n"Say ""hi""","a.com\nb.com"\n')).toEqual([
      ['name', 'domains'],
      ['Acme, Inc.', 'acme.com'],
      ['Say "hi"', 'a.com\nb.com'],
    ]);
  });

  it('reads the same in chunks split anywhere (a streamed upload), quotes and CRLF included', () => {
    const text = '\ufeffname;domains\r\n"Acme; ""Inc"".";acme.com\r\n"multi\r\nline";b.com\r\nlast;c.com';
    const whole = parseCsv(text);
    expect(whole).toEqual([
      ['name', 'domains'],
      ['Acme; "Inc".', 'acme.com'],
      ['multi\r\nline', 'b.com'],
      ['last', 'c.com'],
    ]);
    for (let cut = 0; cut <= text.length; cut++) {
      for (let cut2 = cut; cut2 <= text.length; cut2 += 7) {
        const parser = new CsvParser();
        expect([...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut, cut2)), ...parser.push(text.slice(cut2)), ...parser.end()]).toEqual(whole);
      }
    }
  });

  it('takes ";" as the separator when the header uses it (spreadsheets in many locales)', () => {
    expect(parseCsv('name;owner\nAcme, Inc.;dana')).toEqual([
      ['name', 'owner'],
      ['Acme, Inc.', 'dana'],
    ]);
  });
});

describe('accountsFromCsv', () => {
  it('reads accounts with owners by id or email, several domains, tier, parent and customer-since', () => {
    const csv =
      'Name,Domain,Owner,Tier,Parent,Customer Since\nAcme Corp,acme.com;acme.io,dana,tier_1,,2021-03-31\nAcme UK,acme.co.uk,lee@northwind.example,,acme.com,\n';
    const { items, issues } = accountsFromCsv(csv, config);
    expect(issues).toEqual([]);
    expect(items).toEqual([
      {
        id: 'csv:acme.com',
        source: 'csv',
        name: 'Acme Corp',
        domains: ['acme.com', 'acme.io'],
        owner: 'dana',
        tier: 'tier_1',
        customerSince: '2021-03-31',
        customer: true,
      },
      { id: 'csv:acme.co.uk', source: 'csv', name: 'Acme UK', domains: ['acme.co.uk'], owner: 'lee', parent: 'csv:acme.com' },
    ]);
  });

  it('names every problem by row, column and reason, and keeps the good rows', () => {
    const csv = [
      'name,domains,owner,customer_since,customer,colour',
      'Good Co,good.com,dana,,yes,red',
      ',empty.com,dana,,,',
      'Free Mail,gmail.com,dana,,,',
      'Nobody,nobody.com,zed,,,',
      'Bad Date,date.com,dana,31/03/2021,,',
      'Maybe,maybe.com,dana,,perhaps,',
      'Good Co again,good.com,,,,',
      '',
    ].join('\n');
    const { items, issues } = accountsFromCsv(csv, config);
    expect(items.map((a) => a.name)).toEqual(['Good Co']);
    expect(items[0]!.customer).toBe(true);
    expect(issues).toEqual([
      { row: 1, column: 'colour', reason: expect.stringContaining('unknown column') },
      { row: 3, column: 'name', reason: expect.stringContaining('empty') },
      { row: 4, column: 'domains', reason: expect.stringContaining('gmail.com') },
      { row: 5, column: 'owner', reason: expect.stringContaining('no rep "zed"') },
      { row: 6, column: 'customer_since', reason: expect.stringContaining('31/03/2021') },
      { row: 7, column: 'customer', reason: expect.stringContaining('perhaps') },
      { row: 8, column: 'name', reason: expect.stringContaining('row 2') },
    ]);
  });

  it('keeps at most MAX_ISSUES problems of a file wrong on every row', () => {
    const csv = ['name,owner', ...Array.from({ length: MAX_ISSUES + 20 }, (_, i) => `Co ${i},nobody`)].join('\n');
    expect(accountsFromCsv(csv, config).issues).toHaveLength(MAX_ISSUES);
  });

  it('refuses a file without a name column', () => {
    expect(accountsFromCsv('company,domain\nAcme,acme.com', config).issues).toContainEqual({
      row: 1,
      column: 'name',
      reason: 'missing: this column is required',
    });
  });
});

describe('contactsFromCsv', () => {
  it('reads contacts and names bad emails and owners', () => {
    const { items, issues } = contactsFromCsv('email,owner,account\nJo@Acme.com,dana,acme.com\nnot-an-email,dana,\nx@y.com,,\n', config);
    expect(items).toEqual([{ email: 'jo@acme.com', owner: 'dana', account: 'csv:acme.com' }]);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'email'],
      [4, 'owner'],
    ]);
  });
});
