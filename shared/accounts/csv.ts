/**
 * Accounts and known contacts from a CSV file, for teams without a CRM connection: RFC 4180
 * (quoted fields, `""` escapes, line breaks inside quotes, CRLF, a UTF-8 BOM, `,` or `;`
 * separated), one header row, and every problem named by row, column and reason, as a
 * spreadsheet shows them (the header is row 1).
 */
import type { RoutingConfig } from '../config/schema.ts';
import { accountDomains } from './domains.ts';
import type { IndexedAccount } from './types.ts';

/** One problem in one cell (or row: `column` empty). */
export interface CsvIssue {
  row: number;
  column: string;
  reason: string;
}

/** A known contact: an email address and the rep who owns the person. */
export interface KnownContact {
  email: string;
  owner?: string;
  /** The id of the contact's account, when known. */
  account?: string;
}

/**
 * A CSV parser fed in chunks, as a request body streams in: complete records out, quotes and
 * line ends split across chunks handled. The separator is the first line's `,` or `;`
 * (spreadsheets in many locales save `;`).
 */
export class CsvParser {
  #sep: string | undefined;
  #head = '';
  #row: string[] = [];
  #field = '';
  #quoted = false;
  /** A `"` inside quotes was the last character: an escaped quote or the closing one. */
  #quote = false;
  /** A `\r` ended the last record: a `\n` right after it belongs to it. */
  #cr = false;
  #fresh = true;

  /** Parses a chunk; returns the records it completed. */
  push(chunk: string): string[][] {
    let text = chunk;
    if (this.#fresh) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.#fresh = text === '';
    }
    if (this.#sep === undefined) {
      this.#head += text;
      const eol = this.#head.search(/[\r\n]/);
      if (eol < 0) return [];
      const first = this.#head.slice(0, eol);
      this.#sep = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
      text = this.#head;
      this.#head = '';
    }
    return this.#parse(text);
  }

  /** Ends the input; returns the last record, if any. */
  end(): string[][] {
    const rows = this.#sep === undefined ? ((this.#sep = ','), this.#parse(this.#head)) : [];
    this.#quote = false;
    if (this.#field !== '' || this.#row.length > 0) {
      this.#row.push(this.#field);
      rows.push(this.#row);
    }
    this.#row = [];
    this.#field = '';
    return rows;
  }

  #parse(text: string): string[][] {
    const rows: string[][] = [];
    const sep = this.#sep!;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (this.#cr) {
        this.#cr = false;
        if (ch === '\n') continue;
      }
      if (this.#quote) {
        this.#quote = false;
        if (ch === '"') {
          this.#field += '"';
          continue;
        }
        this.#quoted = false;
      }
      if (this.#quoted) {
        if (ch === '"') this.#quote = true;
        else this.#field += ch;
      } else if (ch === '"' && this.#field === '') this.#quoted = true;
      else if (ch === sep) {
        this.#row.push(this.#field);
        this.#field = '';
      } else if (ch === '\n' || ch === '\r') {
        this.#cr = ch === '\r';
        this.#row.push(this.#field);
        rows.push(this.#row);
        this.#row = [];
        this.#field = '';
      } else this.#field += ch;
    }
    return rows;
  }
}

/** Splits CSV text into records of fields. */
export function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

const ACCOUNT_COLUMNS = ['id', 'name', 'domains', 'owner', 'tier', 'parent', 'customer_since', 'customer'] as const;
const CONTACT_COLUMNS = ['email', 'owner', 'account'] as const;
/** Other spellings a spreadsheet may use for a column. */
const ALIASES: Readonly<Record<string, string>> = {
  domain: 'domains',
  website: 'domains',
  'customer since': 'customer_since',
  customersince: 'customer_since',
  account_id: 'account',
  parent_id: 'parent',
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const YES = /^(?:y|yes|true|1|x)$/i;
const NO = /^(?:|n|no|false|0)$/i;

/** The outcome of reading a CSV: what it holds and what was wrong with it. */
export interface CsvImport<T> {
  items: T[];
  issues: CsvIssue[];
}

/** The most problems kept (a file wrong on every row would otherwise answer with all of them). */
export const MAX_ISSUES = 500;

/**
 * Reads a CSV file record by record (the header first), keeping what it finds wrong: the
 * Worker streams a large upload through one, a chunk of accounts at a time.
 */
export interface CsvReader<T> {
  /** Takes the next record; returns what it holds, or undefined (a header, a blank or refused row). */
  read(cells: string[]): T | undefined;
  /** The problems so far, at most {@link MAX_ISSUES}. */
  readonly issues: CsvIssue[];
  /** How many problems in all. */
  readonly problems: number;
  /** False when the header lacks a required column: no row can be read. */
  readonly usable: boolean;
}

/**
 * Reads accounts: the columns `name` (required), `domains` (one or more, separated by spaces,
 * `;` or `|`), `owner` (a rep id or a rep's email), `tier`, `parent` (another row's id),
 * `customer_since` (YYYY-MM-DD), `customer` (yes/no) and `id` (default: the first domain, else
 * the name). A row with a problem is left out and named.
 */
export function accountReader(config: RoutingConfig): CsvReader<IndexedAccount> {
  const reps = repLookup(config);
  const ids = new Map<string, number>();
  return reader(ACCOUNT_COLUMNS, ['name'], (get, problem, row) => {
    const name = get('name');
    if (name === '') problem('name', 'is empty: every account needs a name');
    const rawDomains = get('domains');
    const domains = accountDomains(rawDomains);
    const typed = rawDomains.split(/[\s;,|]+/).filter((d) => d !== '');
    if (domains.length < typed.length)
      problem('domains', `not a company domain: ${typed.filter((d) => !accountDomains(d).length).join(', ')} (free-mail domains and bad hosts are refused)`);
    const ownerText = get('owner');
    const owner = ownerText === '' ? undefined : reps(ownerText);
    if (ownerText !== '' && owner === undefined) problem('owner', `no rep "${ownerText}" in the routing config (use a rep id or a rep's email)`);
    const since = get('customer_since');
    if (since !== '' && !(DATE.test(since) && !Number.isNaN(Date.parse(since)))) problem('customer_since', `"${since}" is not a date like 2021-03-31`);
    const customerText = get('customer');
    if (!YES.test(customerText) && !NO.test(customerText)) problem('customer', `"${customerText}" is not yes or no`);
    const id = get('id') || domains[0] || name.toLowerCase();
    const seen = ids.get(id);
    if (seen !== undefined) problem(get('id') ? 'id' : 'name', `the same account as row ${seen} ("${id}"): give each row its own id`);
    return () => {
      ids.set(id, row);
      const account: IndexedAccount = { id: `csv:${id}`, source: 'csv', name, domains };
      if (owner !== undefined) account.owner = owner;
      if (get('tier')) account.tier = get('tier');
      if (get('parent')) account.parent = `csv:${get('parent')}`;
      if (since !== '') account.customerSince = since;
      if (since !== '' || YES.test(customerText)) account.customer = true;
      return account;
    };
  });
}

/** Reads known contacts: the columns `email` (required), `owner` (required: a rep id or email) and `account` (an account id). */
export function contactReader(config: RoutingConfig): CsvReader<KnownContact> {
  const reps = repLookup(config);
  return reader(CONTACT_COLUMNS, ['email', 'owner'], (get, problem) => {
    const email = get('email').toLowerCase();
    const owner = reps(get('owner'));
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problem('email', email === '' ? 'is empty' : `"${email}" is not an email address`);
    if (owner === undefined)
      problem(
        'owner',
        get('owner') === '' ? 'is empty: a known contact needs its owner' : `no rep "${get('owner')}" in the routing config (use a rep id or a rep's email)`,
      );
    return () => (get('account') ? { email, owner: owner!, account: `csv:${get('account')}` } : { email, owner: owner! });
  });
}

/** Accounts from CSV text (see {@link accountReader}). */
export function accountsFromCsv(text: string, config: RoutingConfig): CsvImport<IndexedAccount> {
  return readAll(text, accountReader(config));
}

/** Known contacts from CSV text (see {@link contactReader}). */
export function contactsFromCsv(text: string, config: RoutingConfig): CsvImport<KnownContact> {
  return readAll(text, contactReader(config));
}

function readAll<T>(text: string, r: CsvReader<T>): CsvImport<T> {
  const items: T[] = [];
  for (const cells of parseCsv(text)) {
    const item = r.read(cells);
    if (item !== undefined) items.push(item);
  }
  return { items, issues: r.issues };
}

/**
 * A reader over the header's columns: `check` reads one row's cells and names its problems,
 * and returns how to build the item, called only when the row had none.
 */
function reader<T>(
  known: readonly string[],
  required: readonly string[],
  check: (get: (column: string) => string, problem: (column: string, reason: string) => void, row: number) => () => T,
): CsvReader<T> {
  const header = new Map<string, number>();
  const issues: CsvIssue[] = [];
  let problems = 0;
  let row = 0;
  const problem = (r: number, column: string, reason: string) => {
    problems++;
    if (issues.length < MAX_ISSUES) issues.push({ row: r, column, reason });
  };
  const self = {
    issues,
    get problems() {
      return problems;
    },
    usable: false,
    read(cells: string[]): T | undefined {
      row++;
      if (row === 1) {
        cells.forEach((raw, i) => {
          const name = raw.trim().toLowerCase();
          const column = ALIASES[name] ?? name.replace(/\s+/g, '_');
          if (known.includes(column)) header.set(column, i);
          else problem(1, raw, `unknown column, ignored (known: ${known.join(', ')})`);
        });
        for (const column of required) if (!header.has(column)) problem(1, column, 'missing: this column is required');
        self.usable = required.every((c) => header.has(c));
        return undefined;
      }
      // Blank lines (a trailing newline, a spreadsheet's empty rows) are no rows.
      if (!self.usable || cells.every((c) => c.trim() === '')) return undefined;
      const before = problems;
      const build = check(
        (column) => cells[header.get(column) ?? -1]?.trim() ?? '',
        (column, reason) => problem(row, column, reason),
        row,
      );
      return problems === before ? build() : undefined;
    },
  };
  return self;
}

/** Finds a rep by id or by email (case-insensitive). */
function repLookup(config: RoutingConfig): (text: string) => string | undefined {
  const byEmail = new Map(Object.entries(config.reps).flatMap(([id, rep]) => (rep.email ? [[rep.email.toLowerCase(), id] as const] : [])));
  return (text) => (text === '' ? undefined : config.reps[text] ? text : byEmail.get(text.toLowerCase()));
}
