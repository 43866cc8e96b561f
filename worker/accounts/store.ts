/**
 * The accounts index in D1 (schema: migrations/0001_accounts.sql): writing accounts and known
 * contacts in chunks (one batch, one transaction, each), dropping what a full sync or a
 * replacing import no longer holds, and reading rows back as accounts.
 */
import { companyTokens, nameKeys } from '../../shared/accounts/company-name.ts';
import type { KnownContact } from '../../shared/accounts/csv.ts';
import type { IndexedAccount } from '../../shared/accounts/types.ts';

/**
 * Accounts per batch. Each batch binds its rows as one JSON parameter (D1 binds at most 100
 * parameters a statement; JSON and `json_each` carry hundreds of rows in one).
 */
const CHUNK = 200;

/** A known contact as the index keeps it. */
export interface ContactRow extends KnownContact {
  source: IndexedAccount['source'];
}

/** The row of `accounts`, as D1 returns it. */
export interface AccountRow {
  id: string;
  source: IndexedAccount['source'];
  name: string;
  owner: string | null;
  tier: string | null;
  parent: string | null;
  customer: number;
  customer_since: string | null;
  domains: string;
}

const UPSERT_ACCOUNTS = `INSERT INTO accounts (id, source, name, owner, tier, parent, customer, customer_since, domains, run, updated_at)
  SELECT value->>'id', value->>'source', value->>'name', value->>'owner', value->>'tier', value->>'parent', value->>'customer', value->>'customerSince', value->>'domainText', ?2, ?3
  FROM json_each(?1) WHERE true
  ON CONFLICT (id) DO UPDATE SET source = excluded.source, name = excluded.name, owner = excluded.owner, tier = excluded.tier, parent = excluded.parent,
    customer = excluded.customer, customer_since = excluded.customer_since, domains = excluded.domains, run = excluded.run, updated_at = excluded.updated_at`;
const CLEAR_DOMAINS = `DELETE FROM account_domains WHERE account_id IN (SELECT value->>'id' FROM json_each(?1))`;
const INSERT_DOMAINS = `INSERT OR IGNORE INTO account_domains (domain, account_id) SELECT d.value, a.value->>'id' FROM json_each(?1) a, json_each(a.value->'domains') d`;
const CLEAR_KEYS = `DELETE FROM account_keys WHERE account_id IN (SELECT value->>'id' FROM json_each(?1))`;
const INSERT_KEYS = `INSERT OR IGNORE INTO account_keys (key, account_id) SELECT k.value, a.value->>'id' FROM json_each(?1) a, json_each(a.value->'keys') k`;
const UPSERT_CONTACTS = `INSERT INTO contacts (email, owner, account_id, source, run, updated_at)
  SELECT value->>'email', value->>'owner', value->>'account', value->>'source', ?2, ?3 FROM json_each(?1) WHERE true
  ON CONFLICT (email) DO UPDATE SET owner = excluded.owner, account_id = excluded.account_id, source = excluded.source, run = excluded.run, updated_at = excluded.updated_at`;

/**
 * Writes accounts (new or changed), with their domains and name keys, marked with `run`.
 * Idempotent: writing the same page twice leaves the index as once.
 */
export async function upsertAccounts(db: D1Database, accounts: readonly IndexedAccount[], run: number, now = Date.now()): Promise<void> {
  for (let i = 0; i < accounts.length; i += CHUNK) {
    const rows = JSON.stringify(
      accounts.slice(i, i + CHUNK).map((a) => ({
        id: a.id,
        source: a.source,
        name: a.name,
        owner: a.owner ?? null,
        tier: a.tier ?? null,
        parent: a.parent ?? null,
        customer: a.customer ? 1 : 0,
        customerSince: a.customerSince ?? null,
        domainText: a.domains.join(' '),
        domains: a.domains,
        keys: nameKeys(companyTokens(a.name)),
      })),
    );
    await db.batch([
      db.prepare(UPSERT_ACCOUNTS).bind(rows, run, now),
      db.prepare(CLEAR_DOMAINS).bind(rows),
      db.prepare(INSERT_DOMAINS).bind(rows),
      db.prepare(CLEAR_KEYS).bind(rows),
      db.prepare(INSERT_KEYS).bind(rows),
    ]);
  }
}

/** Writes known contacts, marked with `run`. */
export async function upsertContacts(db: D1Database, contacts: readonly ContactRow[], run: number, now = Date.now()): Promise<void> {
  for (let i = 0; i < contacts.length; i += CHUNK * 5) {
    const rows = JSON.stringify(
      contacts.slice(i, i + CHUNK * 5).map((c) => ({ email: c.email.toLowerCase(), owner: c.owner ?? null, account: c.account ?? null, source: c.source })),
    );
    await db.prepare(UPSERT_CONTACTS).bind(rows, run, now).run();
  }
}

/**
 * Drops the accounts and contacts of `source` that no write since `run` touched: a full sync
 * saw every account the CRM still has, so the others were deleted there.
 * @param only drop only accounts or only contacts (a replacing CSV import holds one kind)
 * @returns how many accounts and contacts went
 */
export async function dropUnseen(
  db: D1Database,
  source: IndexedAccount['source'],
  run: number,
  only?: 'accounts' | 'contacts',
): Promise<{ accounts: number; contacts: number }> {
  const stale = `SELECT id FROM accounts WHERE source = ?1 AND run < ?2`;
  const accounts =
    only === 'contacts'
      ? []
      : [
          db.prepare(`DELETE FROM account_domains WHERE account_id IN (${stale})`).bind(source, run),
          db.prepare(`DELETE FROM account_keys WHERE account_id IN (${stale})`).bind(source, run),
          db.prepare(`DELETE FROM accounts WHERE source = ?1 AND run < ?2`).bind(source, run),
        ];
  const contacts = only === 'accounts' ? [] : [db.prepare(`DELETE FROM contacts WHERE source = ?1 AND run < ?2`).bind(source, run)];
  const results = await db.batch([...accounts, ...contacts]);
  return { accounts: accounts.length > 0 ? results[2]!.meta.changes : 0, contacts: contacts.length > 0 ? results.at(-1)!.meta.changes : 0 };
}

/** How many accounts and contacts the index holds, per source. */
export async function indexCounts(db: D1Database): Promise<Record<string, { accounts: number; contacts: number }>> {
  const [accounts, contacts] = await db.batch<{ source: string; n: number }>([
    db.prepare('SELECT source, count(*) AS n FROM accounts GROUP BY source'),
    db.prepare('SELECT source, count(*) AS n FROM contacts GROUP BY source'),
  ]);
  const out: Record<string, { accounts: number; contacts: number }> = {};
  for (const r of accounts!.results) (out[r.source] ??= { accounts: 0, contacts: 0 }).accounts = r.n;
  for (const r of contacts!.results) (out[r.source] ??= { accounts: 0, contacts: 0 }).contacts = r.n;
  return out;
}

/** An `accounts` row as an account. */
export function accountFromRow(row: AccountRow): IndexedAccount {
  const account: IndexedAccount = { id: row.id, source: row.source, name: row.name, domains: row.domains === '' ? [] : row.domains.split(' ') };
  if (row.owner !== null) account.owner = row.owner;
  if (row.tier !== null) account.tier = row.tier;
  if (row.parent !== null) account.parent = row.parent;
  if (row.customer) account.customer = true;
  if (row.customer_since !== null) account.customerSince = row.customer_since;
  return account;
}
