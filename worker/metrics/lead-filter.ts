/**
 * The leads behind a number: a dashboard figure (a counter, cut by a dimension, over some
 * days) turned into the SQL that lists its leads from the metrics store's `leads` table.
 */
import type { Counter, Dimension } from '../../shared/metrics/types.ts';
import { COUNTERS, DIMENSIONS } from '../../shared/metrics/types.ts';

/** Which leads to list. */
export interface LeadFilter {
  from?: string;
  to?: string;
  dim?: Dimension;
  key?: string;
  /** A counter, or `overdue` (past the SLA, no response yet). */
  is?: Counter | 'overdue';
  limit?: number;
}

const JUNK = "status = 'junk'";
const ROUTED = "status <> 'junk'";

/** The SQL condition that picks the leads a counter counts (it must agree with shared/metrics/rollup.ts). */
const WHERE: Record<Counter, string> = {
  leads: '1',
  junk: JUNK,
  routed: ROUTED,
  confirmed: 'confirmed_at IS NOT NULL',
  notified: 'notified_at IS NOT NULL',
  responded: 'responded_at IS NOT NULL',
  unanswered: `${ROUTED} AND responded_at IS NULL`,
  in_sla: `${ROUTED} AND responded_at <= due_at`,
  late: `${ROUTED} AND responded_at > due_at`,
  reassigned: 'reassignments > 0',
  escalated: 'escalated = 1',
  duplicates: 'duplicates > 0',
  dead_letters: 'dead_letters > 0',
  misrouted: 'misrouted_to IS NOT NULL',
  accepted: "stage IN ('accepted', 'qualified', 'won')",
  qualified: "stage IN ('qualified', 'won')",
  won: "stage = 'won'",
  lost: "stage = 'lost'",
};

/**
 * The overdue condition; `?` is now. `+due_at` keeps SQLite off the due-date index here: most
 * unanswered leads are overdue, so walking the newest first and stopping at the limit is quicker.
 */
const OVERDUE = `responded_at IS NULL AND ${ROUTED} AND +due_at < ?`;

/** Unanswered leads still within their SLA; `?` is now. Few: only the last hours' or days' leads. */
export const NOT_YET_DUE = `responded_at IS NULL AND ${ROUTED} AND due_at >= ?`;

const COLUMN: Record<Exclude<Dimension, 'all'>, string> = {
  route: 'route',
  rep: 'first_owner',
  form: 'form_type',
  source: 'source',
  pool_rep: "pool || '/' || first_owner",
};

/** Parses a filter from query parameters; unknown values are errors, named. */
export function parseLeadFilter(params: Record<string, string | undefined>): { ok: true; filter: LeadFilter } | { ok: false; field: string; message: string } {
  const filter: LeadFilter = {};
  for (const field of ['from', 'to'] as const) {
    const value = params[field];
    if (value === undefined) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, field, message: `${field} must be a day, like 2026-11-17` };
    filter[field] = value;
  }
  if (params.dim !== undefined) {
    if (!(DIMENSIONS as readonly string[]).includes(params.dim)) return { ok: false, field: 'dim', message: `dim must be one of ${DIMENSIONS.join(', ')}` };
    filter.dim = params.dim as Dimension;
    if (filter.dim !== 'all') {
      if (!params.key) return { ok: false, field: 'key', message: `key is required with dim=${filter.dim}` };
      filter.key = params.key;
    }
  }
  if (params.is !== undefined) {
    if (params.is !== 'overdue' && !(COUNTERS as readonly string[]).includes(params.is)) return { ok: false, field: 'is', message: `is must be overdue or one of ${COUNTERS.join(', ')}` };
    filter.is = params.is as Counter | 'overdue';
  }
  if (params.limit !== undefined) {
    const limit = Number(params.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return { ok: false, field: 'limit', message: 'limit must be a whole number from 1 to 1000' };
    filter.limit = limit;
  }
  return { ok: true, filter };
}

/** The WHERE clause and its bindings for a filter. */
export function whereOf(filter: LeadFilter, now: number): { sql: string; bindings: (string | number)[] } {
  const parts: string[] = [];
  const bindings: (string | number)[] = [];
  if (filter.from) {
    parts.push('day >= ?');
    bindings.push(filter.from);
  }
  if (filter.to) {
    parts.push('day <= ?');
    bindings.push(filter.to);
  }
  if (filter.dim && filter.dim !== 'all' && filter.key !== undefined) {
    parts.push(`${COLUMN[filter.dim]} = ?`);
    bindings.push(filter.key);
  }
  if (filter.is === 'overdue') {
    parts.push(OVERDUE);
    bindings.push(now);
  } else if (filter.is) {
    parts.push(WHERE[filter.is]);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', bindings };
}
