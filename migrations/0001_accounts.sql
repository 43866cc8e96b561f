-- The accounts index (issue 11): accounts and known contacts from the CRM syncs and CSV imports,
-- looked up by domain and by company-name keys before every lead is routed.
-- Applied by `wrangler d1 migrations apply ACCOUNTS_DB` (--local for `npm run dev`, --remote on deploy).

-- One row per account. `owner` is a rep id (CSV) or the CRM's owner id as `hubspot:<id>` /
-- `salesforce:<id>`, mapped to a rep through the routing config when a lead matches, so a rep
-- added to the config later owns their accounts without a new sync. `run` is the sync run or
-- import that last wrote the row: a full sync drops the rows of its source it did not see.
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  name TEXT NOT NULL,
  owner TEXT,
  tier TEXT,
  parent TEXT,
  customer INTEGER NOT NULL DEFAULT 0,
  customer_since TEXT,
  domains TEXT NOT NULL DEFAULT '',
  run INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX accounts_by_source_run ON accounts (source, run);

-- Domain → account, for matching a lead's email domain or website (and each parent of them).
CREATE TABLE account_domains (
  domain TEXT NOT NULL,
  account_id TEXT NOT NULL,
  PRIMARY KEY (domain, account_id)
) WITHOUT ROWID;
CREATE INDEX account_domains_by_account ON account_domains (account_id);

-- Name key → account (shared/accounts/company-name.ts `nameKeys`): the squashed name and its
-- initials (s:), distinctive words (t:), the ends of long words (p:, q:). A lead's company finds
-- its candidates through its own keys; they are then scored in the Worker.
CREATE TABLE account_keys (
  key TEXT NOT NULL,
  account_id TEXT NOT NULL,
  PRIMARY KEY (key, account_id)
) WITHOUT ROWID;
CREATE INDEX account_keys_by_account ON account_keys (account_id);

-- Known contacts: email (lower case) → owner (as for accounts) and account.
CREATE TABLE contacts (
  email TEXT PRIMARY KEY,
  owner TEXT,
  account_id TEXT,
  source TEXT NOT NULL,
  run INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX contacts_by_source_run ON contacts (source, run);
