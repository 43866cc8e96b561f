/**
 * Tables WITHOUT ROWID. The platform bills rows written, and a rowid table with a text primary
 * key writes two for every insert (the row and its key's index entry); a WITHOUT ROWID table,
 * keyed by that text, writes one. A table of the same name made by an earlier version with a
 * rowid is rebuilt once, its rows kept.
 */

/** Creates table `name` (`columns`: its column list, primary key included) WITHOUT ROWID, or rebuilds an earlier rowid one. Call inside a transaction. */
export function tableWithoutRowid(sql: SqlStorage, name: string, columns: string): void {
  const found = sql.exec<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", name).toArray()[0];
  if (found && /WITHOUT ROWID\s*$/i.test(found.sql)) return;
  if (found) sql.exec(`ALTER TABLE ${name} RENAME TO ${name}_rowid`);
  sql.exec(`CREATE TABLE ${name} (${columns}) WITHOUT ROWID`);
  if (found) sql.exec(`INSERT OR IGNORE INTO ${name} SELECT * FROM ${name}_rowid; DROP TABLE ${name}_rowid`);
}
