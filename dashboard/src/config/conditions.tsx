/**
 * A rule's conditions as rows with pickers: a field, an operator that fits it, a value (a form
 * or territory picked by name). Groups of rows are alternatives ("or"); rows of a group must all
 * hold. Saved as the `when` JSON a person would write (shared/config/condition-rows.ts).
 */
import { useState } from 'preact/hooks';
import { alternativesOf, fieldLabel } from '../../../shared/config/condition-words.ts';
import { OPERATORS, conditionOf, operatorsFor, rowsOf, type ConditionRow, type Operator } from '../../../shared/config/condition-rows.ts';
import type { RoutingConfigInput, WhenSpec } from '../../../shared/config/schema.ts';
import { ROUTABLE_FIELDS } from '../../../shared/routing/fields.ts';

const FIELDS = Object.keys(ROUTABLE_FIELDS).sort((a, b) => fieldLabel(a).localeCompare(fieldLabel(b)));

/** Edits a `when`; `onSave(undefined)` means the rule takes every lead that reaches it. */
export function Conditions({
  label,
  when,
  config,
  onSave,
}: {
  label: string;
  when: WhenSpec | undefined;
  config: RoutingConfigInput;
  onSave: (when: WhenSpec | undefined) => void;
}) {
  const [groups, setGroups] = useState<ConditionRow[][]>(() => alternativesOf(when as never).map(rowsOf));
  const [problems, setProblems] = useState<string[]>([]);
  const setRow = (g: number, r: number, row: Partial<ConditionRow>) =>
    setGroups(groups.map((rows, i) => (i !== g ? rows : rows.map((x, j) => (j !== r ? x : { ...x, ...row })))));
  const save = () => {
    const found: string[] = [];
    const conditions = groups
      .filter((rows) => rows.length > 0)
      .map((rows, g) => {
        const { condition, problems } = conditionOf(rows);
        for (const p of problems) found.push(`${groups.length > 1 ? `Group ${g + 1}, ` : ''}${fieldLabel(rows[p.row]!.field)}: ${p.message}`);
        return condition;
      });
    setProblems(found);
    if (found.length === 0) onSave(conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : conditions);
  };
  return (
    <fieldset class="conditions">
      <legend>{label}</legend>
      {groups.length === 0 && <p class="muted small">No conditions: every lead that reaches this rule.</p>}
      {groups.map((rows, g) => (
        <div class="group" key={g} role="group" aria-label={`Conditions group ${g + 1}`}>
          {g > 0 && <p class="or">or</p>}
          {rows.map((row, r) => (
            <div class="condition" key={r}>
              <label>
                <span class="sr-only">Field</span>
                <select
                  aria-label={`Condition ${r + 1} field`}
                  value={row.field}
                  onChange={(e) => {
                    const field = (e.target as HTMLSelectElement).value;
                    setRow(g, r, { field, op: operatorsFor(field).includes(row.op) ? row.op : 'eq' });
                  }}
                >
                  {FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {fieldLabel(f)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span class="sr-only">Operator</span>
                <select
                  aria-label={`Condition ${r + 1} operator`}
                  value={row.op}
                  onChange={(e) => setRow(g, r, { op: (e.target as HTMLSelectElement).value as Operator })}
                >
                  {operatorsFor(row.field).map((op) => (
                    <option key={op} value={op}>
                      {OPERATORS[op]}
                    </option>
                  ))}
                </select>
              </label>
              <Value row={row} config={config} label={`Condition ${r + 1} value`} onInput={(value) => setRow(g, r, { value })} />
              <button
                type="button"
                class="link"
                aria-label={`Remove condition ${r + 1}`}
                onClick={() => setGroups(groups.map((x, i) => (i !== g ? x : x.filter((_, j) => j !== r))))}
              >
                Remove
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setGroups(groups.map((x, i) => (i !== g ? x : [...x, { field: 'country', op: 'eq', value: '' }])))}>
            Add a condition
          </button>
        </div>
      ))}
      <div class="row">
        <button type="button" onClick={() => setGroups([...groups, [{ field: 'country', op: 'eq', value: '' }]])}>
          {groups.length === 0 ? 'Add a condition' : 'Add an “or” group'}
        </button>
        <button type="button" class="primary" onClick={save}>
          Save conditions
        </button>
      </div>
      {problems.length > 0 && (
        <ul class="error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function Value({ row, config, label, onInput }: { row: ConditionRow; config: RoutingConfigInput; label: string; onInput: (value: string) => void }) {
  const choices: [string, string][] | undefined =
    row.field === 'formType'
      ? Object.entries(config.formTypes).map(([id, f]) => [id, f.label])
      : row.field === 'territory'
        ? Object.keys(config.territories ?? {}).map((id) => [id, id])
        : undefined;
  const single = row.op === 'eq' || row.op === 'ne';
  if (row.op === 'exists' || ROUTABLE_FIELDS[row.field as keyof typeof ROUTABLE_FIELDS]?.type === 'boolean') {
    const yes = row.op === 'exists' ? 'yes, given' : 'yes';
    return (
      <select
        aria-label={label}
        value={row.value === 'false' || row.value === 'no' ? 'false' : 'true'}
        onChange={(e) => onInput((e.target as HTMLSelectElement).value)}
      >
        <option value="true">{yes}</option>
        <option value="false">{row.op === 'exists' ? 'no, missing' : 'no'}</option>
      </select>
    );
  }
  if (choices && single) {
    return (
      <select aria-label={label} value={row.value} onChange={(e) => onInput((e.target as HTMLSelectElement).value)}>
        <option value="">pick…</option>
        {choices.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    );
  }
  const list = !single && row.op !== 'gt' && row.op !== 'gte' && row.op !== 'lt' && row.op !== 'lte';
  return (
    <input
      aria-label={label}
      value={row.value}
      inputMode={ROUTABLE_FIELDS[row.field as keyof typeof ROUTABLE_FIELDS]?.type === 'number' ? 'numeric' : undefined}
      placeholder={
        list
          ? choices
            ? choices
                .map(([id]) => id)
                .slice(0, 3)
                .join(', ')
            : 'US, CA'
          : ''
      }
      onInput={(e) => onInput((e.target as HTMLInputElement).value)}
    />
  );
}
