/**
 * The draft as JSON, for power users: line numbers, every problem at once with its line and
 * column, a click on a problem to jump to it, an upload, and the JSON Schema for their editor.
 */
import { useMemo, useRef } from 'preact/hooks';
import { locate, syntaxErrorPosition, type TextPosition } from '../../../shared/config/locate.ts';
import schemaUrl from '../../../shared/config/routing-config.schema.json?url';
import { jsonOf } from './draft.ts';
import type { Editor } from './editor.tsx';

interface Problem {
  at: TextPosition;
  where: string;
  message: string;
  warning?: boolean;
}

/** The JSON tab. */
export function JsonView({ editor }: { editor: Editor }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const text = editor.text;
  const lines = useMemo(() => text.split('\n').length, [text]);
  const problems = useMemo((): Problem[] => {
    const json = jsonOf(text);
    if (!json.ok) return [{ at: syntaxErrorPosition(text, json.message), where: 'JSON syntax', message: json.message.replace(/^JSON\.parse: /, '') }];
    const check = editor.check;
    if (!check) return [];
    return [
      ...check.issues.map((i) => ({ at: locate(text, i.path), where: i.path, message: i.message })),
      ...check.warnings.map((w) => ({ at: locate(text, w.path), where: w.path, message: w.message, warning: true })),
    ];
  }, [text, editor.check]);
  const errors = problems.filter((p) => !p.warning).length;

  const jump = (at: TextPosition) => {
    const el = area.current;
    if (!el) return;
    el.focus();
    const end = text.indexOf('\n', at.offset);
    el.setSelectionRange(at.offset, end < 0 ? text.length : end);
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 17;
    el.scrollTop = Math.max(0, (at.line - 4) * lineHeight);
    if (gutter.current) gutter.current.scrollTop = el.scrollTop;
  };

  return (
    <div class="json-view">
      <div class="row">
        <label for="config-text">Config (JSON)</label>
        <span class="muted small">
          <a href={schemaUrl}>JSON Schema</a> for your editor ·{' '}
          <label class="upload">
            Upload a file{' '}
            <input
              type="file"
              accept="application/json,.json"
              onChange={async (e) => {
                const file = (e.target as HTMLInputElement).files?.[0];
                if (file) editor.setText(await file.text());
              }}
            />
          </label>
        </span>
      </div>
      <div class="code">
        <div class="gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            <div key={i}>{i + 1}</div>
          ))}
        </div>
        <textarea
          id="config-text"
          ref={area}
          spellcheck={false}
          wrap="off"
          value={text}
          aria-invalid={errors > 0}
          aria-describedby="config-issues"
          onInput={(e) => editor.setText((e.target as HTMLTextAreaElement).value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = (e.target as HTMLTextAreaElement).scrollTop;
          }}
        />
      </div>
      <div id="config-issues" class={errors ? 'error' : 'ok'} role="status">
        <p>{errors === 0 ? '✓ Valid config' : errors === 1 ? '1 problem' : `${errors} problems`}</p>
        <ul class="problems">
          {problems.map((p) => (
            <li key={`${p.at.offset}-${p.message}`} class={p.warning ? 'warn' : 'error'}>
              <button type="button" class="link" onClick={() => jump(p.at)}>
                Line {p.at.line}, column {p.at.column}
              </button>{' '}
              <code>{p.where}</code> {p.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
