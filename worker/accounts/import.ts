/**
 * CSV imports into the accounts index, for teams without a CRM connection: every row checked
 * (shared/accounts/csv.ts), the good ones written, the others named by row, column and reason.
 * `merge` (the default) adds and updates; `replace` also drops the CSV accounts (or contacts)
 * the file no longer lists, so uploading this month's list is enough.
 */
import { accountsFromCsv, contactsFromCsv, type CsvIssue } from '../../shared/accounts/csv.ts';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { clearLookupCache } from './lookup.ts';
import { dropUnseen, upsertAccounts, upsertContacts } from './store.ts';

/** How an import runs. */
export interface ImportOptions {
  kind: 'accounts' | 'contacts';
  mode: 'merge' | 'replace';
  /** Check only: nothing is written. */
  dryRun: boolean;
}

/** What an import did. */
export interface ImportResult {
  kind: 'accounts' | 'contacts';
  /** Rows written (or, on a dry run, that would be). */
  imported: number;
  /** CSV rows of earlier imports dropped by `replace`. */
  dropped: number;
  issues: CsvIssue[];
}

/** Checks and imports one CSV file. A replacing import with problems drops nothing (a half-read file must not empty the index). */
export async function importCsv(db: D1Database, text: string, config: RoutingConfig, options: ImportOptions, now = Date.now()): Promise<ImportResult> {
  const { kind } = options;
  const accounts = kind === 'accounts' ? accountsFromCsv(text, config) : undefined;
  const contacts = kind === 'contacts' ? contactsFromCsv(text, config) : undefined;
  const read = accounts ?? contacts!;
  const result: ImportResult = { kind, imported: read.items.length, dropped: 0, issues: read.issues };
  if (options.dryRun || read.items.length === 0) return result;
  if (accounts) await upsertAccounts(db, accounts.items, now, now);
  else await upsertContacts(db, contacts!.items.map((c) => ({ ...c, source: 'csv' as const })), now, now);
  if (options.mode === 'replace' && read.issues.every((i) => i.row === 1 && i.reason.startsWith('unknown column'))) {
    const dropped = await dropUnseen(db, 'csv', now, kind);
    result.dropped = kind === 'accounts' ? dropped.accounts : dropped.contacts;
  }
  clearLookupCache();
  return result;
}
