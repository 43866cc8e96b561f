/**
 * The leads behind a number: a figure of the audit (a count, cut by a dimension, over some days,
 * at an instant) turned into the SQL that lists its leads from a shard's `facts` table. The SQL
 * is written from the definitions themselves (shared/metrics/definitions.ts): a stored count is
 * its bit in the flags computed by the same code that fills the rollups, a live count adds the
 * due-time test of its definition, a cut compares the columns its key is made of.
 */
import { bitOf, COUNTER_DEFINITIONS, CUTS, keyValues, LIVE_DEFINITIONS } from '../../shared/metrics/definitions.ts';
import { dayStart } from '../../shared/metrics/shards.ts';
import { COUNTS, DIMENSIONS, type Count, type Counter, type Day, type Dimension, type LiveCount } from '../../shared/metrics/types.ts';
import { SEQ_PER_MS } from './facts-table.ts';
import type { SqlValue } from './sql.ts';

/** Which leads to list. */
export interface LeadFilter {
  from?: Day;
  to?: Day;
  dim?: Dimension;
  key?: string;
  /** A count (definitions.ts); live counts are judged at `asOf`. */
  is?: Count;
  limit?: number;
  /** The instant live counts are judged at (epoch ms); default now. */
  asOf?: number;
  /** The page after this cursor (the `next` of the previous page). */
  before?: number;
}

/** The most leads one page lists. */
export const MAX_LIMIT = 1_000;
const DAY_MS = 86_400_000;

/** Parses a filter from query parameters; unknown values are errors, named. */
export function parseLeadFilter(params: Record<string, string | undefined>): { ok: true; filter: LeadFilter } | { ok: false; field: string; message: string } {
  const filter: LeadFilter = {};
  for (const field of ['from', 'to'] as const) {
    const value = params[field];
    if (value === undefined) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(dayStart(value))) return { ok: false, field, message: `${field} must be a day, like 2026-11-17` };
    filter[field] = value;
  }
  if (params.dim !== undefined) {
    if (!(DIMENSIONS as readonly string[]).includes(params.dim)) return { ok: false, field: 'dim', message: `dim must be one of ${DIMENSIONS.join(', ')}` };
    filter.dim = params.dim as Dimension;
    if (filter.dim !== 'all') {
      if (!params.key || !keyValues(filter.dim, params.key)) return { ok: false, field: 'key', message: `key is required with dim=${filter.dim}` };
      filter.key = params.key;
    }
  }
  if (params.is !== undefined) {
    if (!(COUNTS as readonly string[]).includes(params.is)) return { ok: false, field: 'is', message: `is must be one of ${COUNTS.join(', ')}` };
    filter.is = params.is as Count;
  }
  for (const [field, min, max] of [
    ['limit', 1, MAX_LIMIT],
    ['asOf', 0, 8.64e15],
    ['before', 0, Number.MAX_SAFE_INTEGER],
  ] as const) {
    const value = params[field];
    if (value === undefined) continue;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) return { ok: false, field, message: `${field} must be a whole number from ${min} to ${max}` };
    filter[field] = n;
  }
  return { ok: true, filter };
}

const bitSql = (counter: Counter) => `(flags & ${bitOf(counter)}) <> 0`;

/** The SQL condition a count's definition comes to, with its bindings (`now` for live counts). */
export function countSql(is: Count, now: number): { sql: string; bindings: SqlValue[] } {
  if (is in COUNTER_DEFINITIONS) return { sql: bitSql(is as Counter), bindings: [] };
  const bindings: SqlValue[] = [];
  const terms = LIVE_DEFINITIONS[is as LiveCount].anyOf.map(({ counter, due }) => {
    if (due === undefined) return bitSql(counter);
    bindings.push(now);
    return `(${bitSql(counter)} AND dueAt ${due === 'ahead' ? '>=' : '<'} ?)`;
  });
  return { sql: `(${terms.join(' OR ')})`, bindings };
}

/** The WHERE clause and its bindings for a filter (`from`/`to` as arrival instants). */
export function whereOf(filter: LeadFilter, now: number): { sql: string; bindings: SqlValue[] } {
  const parts: string[] = [];
  const bindings: SqlValue[] = [];
  if (filter.from) {
    parts.push('seq >= ?');
    bindings.push(dayStart(filter.from) * SEQ_PER_MS);
  }
  if (filter.to) {
    parts.push('seq < ?');
    bindings.push((dayStart(filter.to) + DAY_MS) * SEQ_PER_MS);
  }
  if (filter.before !== undefined) {
    parts.push('seq < ?');
    bindings.push(filter.before);
  }
  if (filter.dim && filter.dim !== 'all' && filter.key !== undefined) {
    const values = keyValues(filter.dim, filter.key) ?? [];
    CUTS[filter.dim].forEach((field, i) => {
      parts.push(`${field} = ?`);
      bindings.push(values[i] ?? null);
    });
  }
  if (filter.is) {
    const count = countSql(filter.is, now);
    parts.push(count.sql);
    bindings.push(...count.bindings);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', bindings };
}
