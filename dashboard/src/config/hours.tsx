/**
 * Working hours as a form: the team's hours, or the rep's own, one line per weekday
 * ("09:00-17:30", several spans with commas, empty for a day off).
 */
import { useState } from 'preact/hooks';
import { WEEKDAYS, hourRowsOf, hoursOfRows, type HourRows } from '../../../shared/config/hours-rows.ts';
import type { WorkingHoursSpec } from '../../../shared/config/schema.ts';
import { hoursWords } from '../../../shared/config/words.ts';

const DAY_NAMES: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const SPANS = /^\s*(\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2})(\s*,\s*\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2})*\s*$/;

/** Edits working hours; `onSave(undefined)` means "follow the team's hours". */
export function HoursForm({
  title,
  hours,
  team,
  onSave,
}: {
  title: string;
  hours: WorkingHoursSpec | undefined;
  team: WorkingHoursSpec | undefined;
  onSave: (hours: WorkingHoursSpec | undefined) => void;
}) {
  const [own, setOwn] = useState(hours !== undefined);
  const [rows, setRows] = useState<HourRows>(hourRowsOf(hours ?? team));
  const bad = WEEKDAYS.filter((d) => rows[d].trim() !== '' && !SPANS.test(rows[d]));
  const name = title.replace(/\W+/g, '-').toLowerCase();
  return (
    <form
      class="hours"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        if (bad.length === 0) onSave(own ? hoursOfRows(rows) : undefined);
      }}
    >
      <h3>Working hours</h3>
      <div class="row">
        <label class="check">
          <input type="radio" name={`${name}-which`} checked={!own} onChange={() => setOwn(false)} /> Team hours ({hoursWords(team)})
        </label>
        <label class="check">
          <input type="radio" name={`${name}-which`} checked={own} onChange={() => setOwn(true)} /> Own hours
        </label>
      </div>
      {own && (
        <div class="week">
          {WEEKDAYS.map((d) => (
            <label key={d}>
              <span class="day">{DAY_NAMES[d]}</span>
              <input
                value={rows[d]}
                placeholder="off"
                aria-invalid={bad.includes(d) ? true : undefined}
                onInput={(e) => setRows({ ...rows, [d]: (e.target as HTMLInputElement).value })}
              />
            </label>
          ))}
          <p class={bad.length ? 'error small' : 'muted small'}>
            {bad.length
              ? `Write hours like 09:00-17:30 (${bad.map((d) => DAY_NAMES[d]).join(', ')}).`
              : 'Like 09:00-17:30; several spans with commas; empty for a day off. In their own time zone.'}
          </p>
        </div>
      )}
      <button type="submit" disabled={bad.length > 0}>
        Save hours
      </button>
    </form>
  );
}
