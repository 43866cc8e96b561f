/**
 * A shard's SQL, counting the rows every statement writes as the platform bills them
 * (`cursor.rowsWritten`: a table row inserted, updated or deleted, and each index entry
 * inserted), so the benchmark and the tests can say what a lead costs.
 */

/** A value SQLite takes or gives back. */
export type SqlValue = ArrayBuffer | string | number | null;

/** SQL on a Durable Object's SQLite storage, with the rows written so far. */
export class CountingSql {
  /** Rows written by this instance's statements since it started. */
  rowsWritten = 0;

  /** The storage the statements run on. */
  readonly storage: SqlStorage;

  constructor(storage: SqlStorage) {
    this.storage = storage;
  }

  /** Runs a statement and returns its rows. */
  all<T extends Record<string, SqlValue>>(query: string, ...bindings: SqlValue[]): T[] {
    const cursor = this.storage.exec<T>(query, ...bindings);
    const rows = cursor.toArray();
    this.rowsWritten += cursor.rowsWritten;
    return rows;
  }

  /** Runs a statement for its effect; returns the rows it wrote. */
  run(query: string, ...bindings: SqlValue[]): number {
    const cursor = this.storage.exec(query, ...bindings);
    cursor.toArray();
    this.rowsWritten += cursor.rowsWritten;
    return cursor.rowsWritten;
  }

  /** Whether a table exists (reading the schema never creates storage). */
  hasTable(name: string): boolean {
    return this.all("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?", name).length > 0;
  }
}
