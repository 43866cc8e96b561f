/**
 * Keyboard-row runs ("asdf", "zxcvbnm", "qwerty", "jkl;"): what a hand dragged along a keyboard
 * types. Rows become step tables at module load, so a check is one walk over the text: several
 * times cheaper than a regex of every run.
 */

interface Row {
  /** The row's keys, lower case, left to right. */
  readonly keys: string;
  /** How many keys in a row, either way along it, make a run. */
  readonly minRun: number;
}

/** Keys in a row that make a run on a row without vowels, and on one full of them. */
const SHORT_RUN = 4;
const LONG_RUN = 6;

const ROWS: readonly Row[] = [
  // QWERTY, QWERTZ and AZERTY home and bottom rows hold no vowel but `a`, so four keys in a
  // row never spell a word.
  { keys: 'asdfghjkl;', minRun: SHORT_RUN },
  { keys: 'zxcvbnm,./', minRun: SHORT_RUN },
  { keys: 'yxcvbnm', minRun: SHORT_RUN },
  { keys: 'qsdfghjklm', minRun: SHORT_RUN },
  { keys: 'wxcvbn', minRun: SHORT_RUN },
  // Top rows are full of vowels: "Liberty" holds `erty` and "Wertz" is five QWERTZ keys, so
  // only six count.
  { keys: 'qwertyuiop', minRun: LONG_RUN },
  { keys: 'qwertzuiop', minRun: LONG_RUN },
  { keys: 'azertyuiop', minRun: LONG_RUN },
];

/** Rows as bits, for the step tables below. */
const SHORT_ROWS = ROWS.reduce((bits, row, i) => (row.minRun === SHORT_RUN ? bits | (1 << i) : bits), 0);

/**
 * For each pair of ASCII codes `a·b` (index `a << 7 | b`), the rows on which `b` is the key right
 * of `a` (`RIGHT`) or the key left of it (`LEFT`), as bits. Built once, they let one walk over the
 * text follow every row and both directions at the same time.
 */
const RIGHT = new Uint8Array(128 * 128);
const LEFT = new Uint8Array(128 * 128);
ROWS.forEach(({ keys }, i) => {
  for (let k = 0; k + 1 < keys.length; k++) {
    const a = keys.charCodeAt(k);
    const b = keys.charCodeAt(k + 1);
    RIGHT[(a << 7) | b] = (RIGHT[(a << 7) | b] ?? 0) | (1 << i);
    LEFT[(b << 7) | a] = (LEFT[(b << 7) | a] ?? 0) | (1 << i);
  }
});

/** True when a run of `length` keys along the `rows` bits is long enough to count. */
function isRun(length: number, rows: number): boolean {
  return length >= LONG_RUN || (length >= SHORT_RUN && (rows & SHORT_ROWS) !== 0);
}

/** True when lower-cased `text` holds a run of neighbouring keys along one keyboard row. */
export function hasKeyboardRun(text: string): boolean {
  // Per direction: keys in the current run, and the rows all its steps share.
  let rightRun = 1;
  let rightRows = 0;
  let leftRun = 1;
  let leftRows = 0;
  let previous = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = previous < 128 && code < 128 ? (previous << 7) | code : -1;
    previous = code;
    const right = pair < 0 ? 0 : (RIGHT[pair] ?? 0);
    const left = pair < 0 ? 0 : (LEFT[pair] ?? 0);
    if ((right & rightRows) !== 0) {
      rightRun++;
      rightRows &= right;
    } else {
      rightRun = right === 0 ? 1 : 2;
      rightRows = right;
    }
    if ((left & leftRows) !== 0) {
      leftRun++;
      leftRows &= left;
    } else {
      leftRun = left === 0 ? 1 : 2;
      leftRows = left;
    }
    if (isRun(rightRun, rightRows) || isRun(leftRun, leftRows)) return true;
  }
  return false;
}

/**
 * Three-key runs, both ways: too short to flag alone ("ASD" is also a company's initials), but a
 * token that only repeats one ("asdasd", "qweqwe") is mashing.
 */
export const KEYBOARD_TRIPLES: ReadonlySet<string> = (() => {
  const triples = new Set<string>();
  for (const { keys } of ROWS) {
    const reversed = [...keys].reverse().join('');
    for (const line of [keys, reversed]) {
      for (let i = 0; i + 3 <= line.length; i++) triples.add(line.slice(i, i + 3));
    }
  }
  return triples;
})();
