/**
 * Conditions: `{ "country": ["US", "CA"], "employees": { "gte": 50 } }` compiled once into
 * flat tests over numbered value slots, so that evaluating 30 routes costs a few array reads
 * and comparisons per lead, not string parsing.
 */
import type { FieldTestSpec, WhenSpec } from '../config/schema.ts';
import { normalizeCountry } from '../normalize/country.ts';
import { ROUTABLE_FIELDS, isRoutableField, type RoutableField, type RoutableFieldName } from './fields.ts';
import { normalizeOperand, type OperandContext } from './operands.ts';

/** The comparisons a test can make. */
export type TestOp = 'eq' | 'ne' | 'in' | 'notIn' | 'gt' | 'gte' | 'lt' | 'lte' | 'prefix' | 'contains' | 'exists';

/** Numeric codes for the ops, so the hot loop switches on small integers. */
const OP_CODE: Record<TestOp, number> = { eq: 0, ne: 1, in: 2, notIn: 3, gt: 4, gte: 5, lt: 6, lte: 7, prefix: 8, contains: 9, exists: 10 };

/** One compiled test on one slot. */
export interface CompiledTest {
  readonly slot: number;
  readonly field: RoutableFieldName;
  readonly op: TestOp;
  /** {@link OP_CODE} of `op`. */
  readonly code: number;
  /** The operand, normalised like the field: a scalar, or a list for in/notIn/prefix/contains. */
  readonly value: string | number | boolean | readonly (string | number)[];
  /** For in/notIn. */
  readonly set: ReadonlySet<string | number> | undefined;
}

/** Alternatives (any may hold) of tests (all must hold). */
export type CompiledWhen = readonly (readonly CompiledTest[])[];

/** A value a slot can hold for one lead. */
export type SlotValue = string | number | boolean | undefined;

/** Assigns slot numbers to fields as conditions name them. */
export class SlotTable {
  readonly fields: RoutableFieldName[] = [];
  readonly #index = new Map<RoutableFieldName, number>();

  /** The slot of `field`, allocated on first use. */
  slotOf(field: RoutableFieldName): number {
    let slot = this.#index.get(field);
    if (slot === undefined) {
      slot = this.fields.length;
      this.fields.push(field);
      this.#index.set(field, slot);
    }
    return slot;
  }

  /** True when some condition names `field`. */
  uses(field: RoutableFieldName): boolean {
    return this.#index.has(field);
  }
}

const OPS = new Set<string>(['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'prefix', 'contains', 'exists']);
const NUMBER_OPS = new Set<string>(['gt', 'gte', 'lt', 'lte']);
const STRING_OPS = new Set<string>(['prefix', 'contains']);

/** What compiling conditions needs besides them: where to report, and the config's own ids. */
export interface WhenContext {
  /** A condition that cannot be compiled: the config does not load. */
  problem: (path: string, message: string) => void;
  /** A value no normalised lead can have: the config loads, with this warning. */
  warn: (path: string, message: string) => void;
  formTypes: readonly string[];
  territories: readonly string[];
  products: readonly string[] | undefined;
}

/**
 * Compiles a `when` into tests; problems are reported through `ctx.problem(path, message)` and
 * the offending test is left out (the config will not load anyway). Each operand is normalised
 * like the lead's field (see `operands.ts`); one no lead can have is reported to `ctx.warn`.
 */
export function compileWhen(when: WhenSpec | undefined, slots: SlotTable, ctx: WhenContext): CompiledWhen {
  if (when === undefined) return [[]];
  const alternatives = Array.isArray(when) ? when : [when];
  return alternatives.map((condition, i) => {
    const tests: CompiledTest[] = [];
    const at = Array.isArray(when) ? `[${i}].` : '';
    // Regions and postal codes are read in the light of the country the condition pins.
    const operands: OperandContext = { ...ctx, countries: pinnedCountries(condition.country) };
    for (const [field, spec] of Object.entries(condition)) {
      if (!isRoutableField(field)) {
        const guess = Object.keys(ROUTABLE_FIELDS).find((known) => editDistance(known.toLowerCase(), field.toLowerCase()) <= 2);
        ctx.problem(
          `${at}${field}`,
          `unknown field "${field}"${guess ? ` (did you mean "${guess}"?)` : ''}; known fields: ${Object.keys(ROUTABLE_FIELDS).join(', ')}`,
        );
        continue;
      }
      compileFieldTest(
        field,
        spec,
        slots.slotOf(field),
        tests,
        operands,
        (m) => ctx.problem(`${at}${field}`, m),
        (m) => ctx.warn(`${at}${field}`, m),
      );
    }
    return tests;
  });
}

/** The country codes a condition's `country` test pins the lead to (eq or in), if it does. */
function pinnedCountries(spec: FieldTestSpec | undefined): string[] | undefined {
  const pinned =
    typeof spec === 'string'
      ? [spec]
      : Array.isArray(spec)
        ? spec
        : typeof spec === 'object' && spec !== null
          ? (spec.in ?? (spec.eq === undefined ? undefined : [spec.eq]))
          : undefined;
  return pinned?.map((c) => normalizeCountry(String(c)) ?? String(c).toUpperCase());
}

function compileFieldTest(
  field: RoutableFieldName,
  spec: FieldTestSpec,
  slot: number,
  out: CompiledTest[],
  operands: OperandContext,
  problem: (message: string) => void,
  warn: (message: string) => void,
): void {
  const entries: [string, unknown][] = typeof spec !== 'object' ? [['eq', spec]] : Array.isArray(spec) ? [['in', spec]] : Object.entries(spec);
  const def: RoutableField = ROUTABLE_FIELDS[field];
  for (const [op, raw] of entries) {
    if (raw === undefined) continue;
    if (!OPS.has(op)) {
      problem(`unknown test "${op}"`);
      continue;
    }
    const testOp = op as TestOp;
    if (testOp === 'exists') {
      out.push({ slot, field, op: testOp, code: OP_CODE[testOp], value: raw === true, set: undefined });
      continue;
    }
    if (def.type === 'number' && STRING_OPS.has(op)) {
      problem(`"${op}" compares text, but ${field} is a number`);
      continue;
    }
    if (def.type !== 'number' && NUMBER_OPS.has(op)) {
      problem(`"${op}" compares numbers, but ${field} is ${def.type === 'boolean' ? 'true or false' : 'text'}`);
      continue;
    }
    if (def.type === 'boolean' && op !== 'eq' && op !== 'ne') {
      problem(`${field} is true or false: use eq, ne or exists`);
      continue;
    }
    const list = Array.isArray(raw) ? raw : [raw];
    const folded: (string | number | boolean)[] = [];
    for (const item of list) {
      const value = typedOperand(def, item);
      if (value === undefined) {
        problem(`${JSON.stringify(item)} is not a ${def.type === 'number' ? 'number' : def.type === 'boolean' ? 'true/false' : 'string'}`);
        return;
      }
      if (typeof value !== 'string') {
        folded.push(value);
        continue;
      }
      const operand = normalizeOperand(field, def, value, STRING_OPS.has(op), operands);
      if (operand.never !== undefined) warn(`${JSON.stringify(item)} ${operand.never}: this test ${op === 'ne' || op === 'notIn' ? 'always' : 'never'} holds`);
      folded.push(operand.value);
    }
    if (op === 'in' || op === 'notIn') {
      const values = folded as (string | number)[];
      out.push({ slot, field, op: testOp, code: OP_CODE[testOp], value: values, set: new Set(values) });
    } else if (op === 'prefix' || op === 'contains') {
      out.push({ slot, field, op: testOp, code: OP_CODE[testOp], value: folded as string[], set: undefined });
    } else {
      if (folded.length !== 1) {
        problem(`"${op}" takes one value`);
        continue;
      }
      out.push({ slot, field, op: testOp, code: OP_CODE[testOp], value: folded[0]!, set: undefined });
    }
  }
}

/** The operand as the field's type (numbers written for text fields become text), or undefined. */
function typedOperand(def: RoutableField, value: unknown): string | number | boolean | undefined {
  if (def.type === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  if (def.type === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : undefined;
}

/**
 * Index of the first test of `tests` that fails for `values`, or -1 when all hold.
 * A missing value fails every test but `exists: false`: a route never matches on data the
 * lead does not have.
 */
export function firstFailing(tests: readonly CompiledTest[], values: readonly SlotValue[]): number {
  for (let i = 0; i < tests.length; i++) {
    if (!holds(tests[i]!, values[tests[i]!.slot])) return i;
  }
  return -1;
}

/** True when any alternative of `when` holds. */
export function matches(when: CompiledWhen, values: readonly SlotValue[]): boolean {
  for (let i = 0; i < when.length; i++) {
    if (firstFailing(when[i]!, values) === -1) return true;
  }
  return false;
}

/** Whether one test holds for one value. */
export function holds(test: CompiledTest, value: SlotValue): boolean {
  if (test.code === 10) return (value !== undefined && value !== '') === test.value;
  if (value === undefined) return false;
  switch (test.code) {
    case 0:
      return value === test.value;
    case 1:
      return value !== test.value;
    case 2:
      return test.set!.has(value as string | number);
    case 3:
      return !test.set!.has(value as string | number);
    case 4:
      return (value as number) > (test.value as number);
    case 5:
      return (value as number) >= (test.value as number);
    case 6:
      return (value as number) < (test.value as number);
    case 7:
      return (value as number) <= (test.value as number);
    case 8: {
      const prefixes = test.value as readonly string[];
      for (let i = 0; i < prefixes.length; i++) if ((value as string).startsWith(prefixes[i]!)) return true;
      return false;
    }
    default: {
      const needles = test.value as readonly string[];
      for (let i = 0; i < needles.length; i++) if ((value as string).includes(needles[i]!)) return true;
      return false;
    }
  }
}

const OP_WORDS: Record<TestOp, string> = {
  eq: 'is',
  ne: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  prefix: 'starts with',
  contains: 'contains',
  exists: 'exists',
};

/** A sentence for a test and the lead's value, e.g. `employees 30 is not ≥ 500`. */
export function describeTest(test: CompiledTest, value: SlotValue, held: boolean): string {
  if (test.op === 'exists') {
    const present = value !== undefined && value !== '';
    return `${test.field} ${present ? `is ${JSON.stringify(value)}` : 'is missing'}`;
  }
  if (value === undefined) return test.field === 'territory' ? 'the lead is in no territory' : `${test.field} is missing`;
  const operand = Array.isArray(test.value) ? `[${test.value.join(', ')}]` : JSON.stringify(test.value);
  const shown = typeof value === 'string' && value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
  return `${test.field} ${shown} ${held ? '' : 'not '}${OP_WORDS[test.op]} ${operand}`.replace('not is not', 'is').replace('not is', 'is not');
}

/** Levenshtein distance, for "did you mean" on misspelt field names (short strings only). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
