/**
 * A rule's conditions as rows a form can edit — field, operator, value — and back. The rows
 * give the same `when` JSON a person would write: a lone "is" becomes a bare value, a lone
 * "is one of" a list, several tests on one field one object (`{ "gte": 50, "lt": 500 }`).
 */
import { ROUTABLE_FIELDS, isRoutableField } from '../routing/fields.ts';
import type { FieldTestSpec } from './schema.ts';

/** The operators, in the order a picker lists them, with their words. */
export const OPERATORS = {
  eq: 'is',
  ne: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  gte: 'is at least',
  gt: 'is more than',
  lte: 'is at most',
  lt: 'is less than',
  prefix: 'starts with',
  contains: 'contains',
  exists: 'is given',
} as const;

/** An operator of a condition. */
export type Operator = keyof typeof OPERATORS;

/** One test as a form shows it; lists are written "US, CA". */
export interface ConditionRow {
  field: string;
  op: Operator;
  value: string;
}

const LISTS = new Set<Operator>(['in', 'notIn', 'prefix', 'contains']);
const NUMERIC = new Set<Operator>(['gt', 'gte', 'lt', 'lte']);

/** The operators that make sense for a field (numbers compare, text matches). */
export function operatorsFor(field: string): Operator[] {
  const type = isRoutableField(field) ? ROUTABLE_FIELDS[field].type : 'string';
  const all = Object.keys(OPERATORS) as Operator[];
  if (type === 'number') return all.filter((op) => op !== 'prefix' && op !== 'contains');
  if (type === 'boolean') return ['eq', 'exists'];
  return all.filter((op) => !NUMERIC.has(op));
}

/** The rows of one condition (one alternative of a `when`). */
export function rowsOf(condition: Record<string, FieldTestSpec>): ConditionRow[] {
  const rows: ConditionRow[] = [];
  for (const [field, test] of Object.entries(condition)) {
    if (Array.isArray(test)) rows.push({ field, op: 'in', value: test.join(', ') });
    else if (test !== null && typeof test === 'object') {
      for (const [op, v] of Object.entries(test))
        if (v !== undefined) rows.push({ field, op: op as Operator, value: Array.isArray(v) ? v.join(', ') : String(v) });
    } else rows.push({ field, op: 'eq', value: String(test) });
  }
  return rows;
}

function scalar(field: string, text: string): string | number | boolean {
  const type = isRoutableField(field) ? ROUTABLE_FIELDS[field].type : 'string';
  if (type === 'number') return Number(text);
  if (type === 'boolean') return text === 'true' || text === 'yes';
  return text;
}

/**
 * The condition of some rows, and a sentence per row that cannot be one (an empty value, a
 * number that is not one), so the form can say what to fix next to the row.
 */
export function conditionOf(rows: readonly ConditionRow[]): { condition: Record<string, FieldTestSpec>; problems: { row: number; message: string }[] } {
  const byField = new Map<string, Record<string, unknown>>();
  const problems: { row: number; message: string }[] = [];
  rows.forEach((row, i) => {
    const text = row.value.trim();
    let value: unknown;
    if (row.op === 'exists') value = !(text === 'false' || text === 'no');
    else if (text === '') return problems.push({ row: i, message: 'needs a value' });
    else if (LISTS.has(row.op))
      value = text
        .split(',')
        .map((t) => scalar(row.field, t.trim()))
        .filter((v) => v !== '');
    else value = scalar(row.field, text);
    if ((typeof value === 'number' && Number.isNaN(value)) || (Array.isArray(value) && value.some((v) => typeof v === 'number' && Number.isNaN(v)))) {
      return problems.push({ row: i, message: 'needs a number' });
    }
    const ops = byField.get(row.field) ?? {};
    ops[row.op] = value;
    byField.set(row.field, ops);
    return undefined;
  });
  const condition: Record<string, FieldTestSpec> = {};
  for (const [field, ops] of byField) {
    const keys = Object.keys(ops);
    if (keys.length === 1 && keys[0] === 'eq') condition[field] = ops.eq as FieldTestSpec;
    else if (keys.length === 1 && keys[0] === 'in' && (ops.in as unknown[]).length > 0) condition[field] = ops.in as FieldTestSpec;
    else condition[field] = ops as FieldTestSpec;
  }
  return { condition, problems };
}
