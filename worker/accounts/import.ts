/**
 * CSV imports into the accounts index, for teams without a CRM connection: the upload is read
 * as it streams in (a 100,000-row file never sits whole in the isolate's memory), every row
 * checked (shared/accounts/csv.ts), good ones written a chunk at a time, the others named by row,
 * column and reason. `merge` (the default) adds and updates; `replace` also drops the CSV
 * accounts (or contacts) the file no longer lists, so uploading this month's list is enough.
 */
import { accountReader, contactReader, CsvParser, type CsvIssue, type CsvReader } from '../../shared/accounts/csv.ts';
import type { IndexedAccount } from '../../shared/accounts/types.ts';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { clearLookupCache } from './lookup.ts';
import { dropUnseen, upsertAccounts, upsertContacts, type ContactRow } from './store.ts';

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
  /** The problems, at most 500 of them (`problems` counts all). */
  issues: CsvIssue[];
  problems: number;
}

/** Rows written per step. */
const CHUNK = 2_000;

/**
 * Checks and imports one CSV file, text or a stream. A replacing import with problems in its
 * rows drops nothing: a half-right file must not empty the index.
 */
export async function importCsv(
  db: D1Database,
  body: string | ReadableStream<Uint8Array>,
  config: RoutingConfig,
  options: ImportOptions,
  now = Date.now(),
): Promise<ImportResult> {
  const { kind } = options;
  const reader: CsvReader<IndexedAccount | ContactRow> = kind === 'accounts' ? accountReader(config) : wrap(contactReader(config));
  const parser = new CsvParser();
  let imported = 0;
  let batch: (IndexedAccount | ContactRow)[] = [];
  const flush = async () => {
    imported += batch.length;
    if (!options.dryRun && batch.length > 0) {
      if (kind === 'accounts') await upsertAccounts(db, batch as IndexedAccount[], now, now);
      else await upsertContacts(db, batch as ContactRow[], now, now);
    }
    batch = [];
  };
  const take = async (records: string[][]) => {
    for (const cells of records) {
      const item = reader.read(cells);
      if (item !== undefined) batch.push(item);
      if (batch.length >= CHUNK) await flush();
    }
  };
  if (typeof body === 'string') await take(parser.push(body));
  else for await (const text of body.pipeThrough(new TextDecoderStream())) await take(parser.push(text));
  await take(parser.end());
  await flush();
  const result: ImportResult = { kind, imported, dropped: 0, issues: reader.issues, problems: reader.problems };
  if (options.dryRun || imported === 0) return result;
  if (options.mode === 'replace' && reader.issues.every((i) => i.row === 1 && i.reason.startsWith('unknown column'))) {
    const dropped = await dropUnseen(db, 'csv', now, kind);
    result.dropped = kind === 'accounts' ? dropped.accounts : dropped.contacts;
  }
  clearLookupCache();
  return result;
}

/** The contact reader, its rows marked as the CSV's. */
function wrap(r: CsvReader<{ email: string; owner?: string; account?: string }>): CsvReader<ContactRow> {
  return {
    read: (cells) => {
      const c = r.read(cells);
      return c && { ...c, source: 'csv' };
    },
    get issues() {
      return r.issues;
    },
    get problems() {
      return r.problems;
    },
    get usable() {
      return r.usable;
    },
  };
}
