/**
 * Where a config problem is in the JSON text a person edits: the issue paths the checks give
 * (`routes[3] "enterprise".when.employees`, `accounts.acme.com`, `reps.lee.outOfOffice[0].backup`)
 * and JSON syntax errors, turned into a line and column, so the editor can list every problem
 * with its position and jump to it.
 */

/** A position in the text: 0-based offset, 1-based line and column. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

type Segment = string | number;

/** The line and column of an offset. */
export function positionAt(text: string, offset: number): TextPosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, clamped);
  const line = before.split('\n').length;
  return { offset: clamped, line, column: clamped - before.lastIndexOf('\n') };
}

/**
 * Where `JSON.parse` stopped, from its error message (V8 and SpiderMonkey say it in different
 * words: "at position 123", "(line 5 column 3)", "at line 5 column 3").
 */
export function syntaxErrorPosition(text: string, message: string): TextPosition {
  const at = /position (\d+)/.exec(message);
  if (at) return positionAt(text, Number(at[1]));
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const lines = text.split('\n');
    const line = Math.min(Number(lc[1]), lines.length);
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1;
    return positionAt(text, offset);
  }
  return positionAt(text, text.length);
}

/** Offsets of every key and array element of a valid JSON text, by path (`a\u0000b\u00000`). */
function scan(text: string): Map<string, number> {
  const at = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: Segment[]): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (text[i] !== '}' && i < text.length) {
        ws();
        const keyAt = i;
        const key = str();
        const child = [...path, key];
        at.set(child.join('\u0000'), keyAt);
        ws();
        i++; // :
        value(child);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      for (let n = 0; text[i] !== ']' && i < text.length; n++) {
        ws();
        const child = [...path, n];
        at.set(child.join('\u0000'), i);
        value(child);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') str();
    else while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i++;
  };
  value([]);
  return at;
}

/**
 * The position of the deepest part of `path` found in `text` (a valid JSON text), so an issue
 * in a missing key points at its parent. Keys with dots (`acme.com`) are matched whole.
 * @example locate(text, 'routes[3] "enterprise".when.employees') // { line: 42, column: 9, … }
 */
export function locate(text: string, path: string): TextPosition {
  const keys = scan(text);
  // Route ids in quotes are labels for people, not keys.
  let rest = path.replace(/ "[^"]*"/g, '').replace(/^\((config|root|JSON)\)$/, '');
  let current: Segment[] = [];
  let offset = 0;
  while (rest.length > 0) {
    rest = rest.replace(/^[.\s]+/, '');
    const index = /^\[(\d+)\]/.exec(rest);
    let next: Segment | undefined;
    let length = 0;
    if (index) {
      next = Number(index[1]);
      length = index[0].length;
    } else {
      // The longest key of this object that the rest of the path starts with.
      const prefix = current.length > 0 ? `${current.join('\u0000')}\u0000` : '';
      for (const key of keys.keys()) {
        if (!key.startsWith(prefix)) continue;
        const name = key.slice(prefix.length);
        if (name.includes('\u0000') || !rest.startsWith(name) || name.length <= length) continue;
        if (rest.length > name.length && !/^[.[\s]/.test(rest.slice(name.length))) continue;
        next = name;
        length = name.length;
      }
    }
    if (next === undefined) break;
    const found = keys.get([...current, next].join('\u0000'));
    if (found === undefined) break;
    current = [...current, next];
    offset = found;
    rest = rest.slice(length);
  }
  return positionAt(text, offset);
}
