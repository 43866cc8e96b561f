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

/** Splits CSV text into rows of fields. The separator is the first line's `,` or `;`. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (src[i + 1] === '"') field += src[++i];
      else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const ACCOUNT_COLUMNS = ['id', 'name', 'domains', 'owner', 'tier', 'parent', 'customer_since', 'customer'] as const;
const CONTACT_COLUMNS = ['email', 'owner', 'account'] as const;
/** Other spellings a spreadsheet may use for a column. */
const ALIASES: Readonly<Record<string, string>> = { domain: 'domains', website: 'domains', 'customer since': 'customer_since', customersince: 'customer_since', account_id: 'account', parent_id: 'parent' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const YES = /^(?:y|yes|true|1|x)$/i;
const NO = /^(?:|n|no|false|0)$/i;

/** The outcome of reading a CSV: what it holds and what was wrong with it. */
export interface CsvImport<T> {
  items: T[];
  issues: CsvIssue[];
}

/**
 * Accounts from CSV text with the columns `name` (required), `domains` (one or more, separated
 * by spaces, `;` or `|`), `owner` (a rep id or a rep's email), `tier`, `parent` (another row's
 * id), `customer_since` (YYYY-MM-DD), `customer` (yes/no) and `id` (default: the first domain,
 * else the name). A row with a problem is left out and named in `issues`.
 */
export function accountsFromCsv(text: string, config: RoutingConfig): CsvImport<IndexedAccount> {
  const { header, rows, issues } = table(text, ACCOUNT_COLUMNS, ['name']);
  const reps = repLookup(config);
  const items: IndexedAccount[] = [];
  const ids = new Map<string, number>();
  for (const { cells, row } of rows) {
    const get = (column: string) => cells[header.get(column) ?? -1]?.trim() ?? '';
    const problem = (column: string, reason: string) => issues.push({ row, column, reason });
    const before = issues.length;
    const name = get('name');
    if (name === '') problem('name', 'is empty: every account needs a name');
    const rawDomains = get('domains');
    const domains = accountDomains(rawDomains);
    const typed = rawDomains.split(/[\s;,|]+/).filter((d) => d !== '');
    if (domains.length < typed.length) problem('domains', `not a company domain: ${typed.filter((d) => !accountDomains(d).length).join(', ')} (free-mail domains and bad hosts are refused)`);
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
    if (issues.length > before) continue;
    ids.set(id, row);
    const account: IndexedAccount = { id: `csv:${id}`, source: 'csv', name, domains };
    if (owner !== undefined) account.owner = owner;
    if (get('tier')) account.tier = get('tier');
    if (get('parent')) account.parent = `csv:${get('parent')}`;
    if (since !== '') account.customerSince = since;
    if (since !== '' || YES.test(customerText)) account.customer = true;
    items.push(account);
  }
  return { items, issues };
}

/** Known contacts from CSV text with the columns `email` (required), `owner` (a rep id or email) and `account` (an account id). */
export function contactsFromCsv(text: string, config: RoutingConfig): CsvImport<KnownContact> {
  const { header, rows, issues } = table(text, CONTACT_COLUMNS, ['email', 'owner']);
  const reps = repLookup(config);
  const items: KnownContact[] = [];
  for (const { cells, row } of rows) {
    const get = (column: string) => cells[header.get(column) ?? -1]?.trim() ?? '';
    const email = get('email').toLowerCase();
    const owner = reps(get('owner'));
    const before = issues.length;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) issues.push({ row, column: 'email', reason: email === '' ? 'is empty' : `"${email}" is not an email address` });
    if (owner === undefined) issues.push({ row, column: 'owner', reason: get('owner') === '' ? 'is empty: a known contact needs its owner' : `no rep "${get('owner')}" in the routing config (use a rep id or a rep's email)` });
    if (issues.length > before) continue;
    items.push(get('account') ? { email, owner, account: `csv:${get('account')}` } : { email, owner });
  }
  return { items, issues };
}

/** The header (column → index) and the data rows; unknown or missing columns are issues of row 1. */
function table(text: string, known: readonly string[], required: readonly string[]): { header: Map<string, number>; rows: { cells: string[]; row: number }[]; issues: CsvIssue[] } {
  const [head = [], ...body] = parseCsv(text);
  const issues: CsvIssue[] = [];
  const header = new Map<string, number>();
  head.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const column = ALIASES[name] ?? name.replace(/\s+/g, '_');
    if (known.includes(column)) header.set(column, i);
    else issues.push({ row: 1, column: raw, reason: `unknown column, ignored (known: ${known.join(', ')})` });
  });
  for (const column of required) if (!header.has(column)) issues.push({ row: 1, column, reason: 'missing: this column is required' });
  // Blank lines (a trailing newline, a spreadsheet's empty rows) are no rows.
  const rows = required.every((c) => header.has(c)) ? body.map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => cells.some((c) => c.trim() !== '')) : [];
  return { header, rows, issues };
}

/** Finds a rep by id or by email (case-insensitive). */
function repLookup(config: RoutingConfig): (text: string) => string | undefined {
  const byEmail = new Map(Object.entries(config.reps).flatMap(([id, rep]) => (rep.email ? [[rep.email.toLowerCase(), id] as const] : [])));
  return (text) => (text === '' ? undefined : config.reps[text] ? text : byEmail.get(text.toLowerCase()));
}
