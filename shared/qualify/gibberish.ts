/**
 * Gibberish: names, companies and messages typed by a bot or by someone mashing keys to get
 * past a form ("asdf", "jkjkjk", "xxxxx", "test test", "12345").
 *
 * Tuned to miss junk rather than insult a real person: a flagged lead loses its confirmation
 * and waits for review, so a name from a culture the heuristics did not foresee costs more than
 * a keyboard-mash that slips through. Hence the letter rules only judge Latin-script tokens,
 * treat `y` as a vowel, and count "sch", "cz", "rz"... as one consonant.
 */
import { foldText } from './fold.ts';
import { hasKeyboardRun, KEYBOARD_TRIPLES } from './keyboard.ts';

/**
 * How strictly to judge: `name` for first/last name and company (one bad token is enough),
 * `text` for a free-text message (most of its words must be bad).
 */
export type GibberishMode = 'name' | 'text';

/** Letter runs and digit runs apart, so "abcd1234" is judged as "abcd" and "1234". */
const TOKEN = /[\p{L}\p{M}]+|\p{N}+/gu;
const HAS_LETTER = /\p{L}/u;
const DIGITS = /^\p{N}+$/u;
const LATIN = /^[a-z]+$/;
/** "aaaa", "xxxxx": three would catch "AAA" the motoring club and the "III" of a surname. */
const ONE_LETTER = /^(\p{L})\1{3,}$/u;
/** "jkjkjk", "hahaha": a pair twice is a name ("Lulu", "Tata"), three times is not. */
const PAIR_REPEATED = /^([a-z]{2})\1{2,}$/;
/** "sdfsdf", "asdasd": only when the unit is vowel-less or a key run ("TomTom" is a company). */
const TRIPLE_REPEATED = /^([a-z]{3})\1+$/;
const HAS_VOWEL = /[aeiouy]/;
/**
 * Spellings of one consonant sound, and doubled consonants, collapsed before counting so
 * "Rothschild", "Szczepański" and "Mkrtchyan" count as few consonants as they sound.
 */
const CLUSTERS = /tsch|sch|tch|ch|sh|th|ph|gh|ck|ng|sz|cz|rz|dz|zh|kh|ts|tz|([b-df-hj-np-tv-xz])\1/g;
/** Syllabic r and l between consonants, as in Czech "Čtvrtník" or "Vlk": they carry the vowel. */
const SYLLABIC = /(?<=[b-df-hj-np-tv-xz])[rl](?=[b-df-hj-np-tv-xz])/g;
/** Six consonants after collapsing; five would flag "Hirschsprung". */
const CONSONANT_RUN_LENGTH = 6;
const CONSONANT_RUN = new RegExp(`[b-df-hj-np-tv-xz]{${CONSONANT_RUN_LENGTH}}`);
const VOWELS = /[aeiouy]/g;
const MIN_RATIO_LENGTH = 8;
const MIN_VOWEL_RATIO = 0.15;
/**
 * A message is judged on its opening words: bounded cost, and mashing does not hide behind
 * prose. Once half of them read as words the verdict cannot change, so the walk stops there.
 */
const MAX_TEXT_TOKENS = 10;
/** The shortest keyboard run or held-down key: shorter words are judged by the word list alone. */
const MIN_MASHING_LENGTH = 4;

/**
 * Placeholder words people and test scripts type when a field is required. Not "abc": ABC is a
 * broadcaster and a great many small firms.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  'test',
  'tests',
  'prueba',
  'pruebas',
  'asdf',
  'qwert',
  'qwerty',
  'qwe',
  'sdf',
  'dfg',
  'fgh',
  'ghj',
  'hjk',
  'jkl',
  'zxc',
  'xcv',
  'abcd',
  'abcde',
  'abcdef',
  'abcdefg',
  'xyz',
  'xxx',
  'foobar',
  'lorem',
  'ipsum',
  'dummy',
  'fake',
  'fakename',
  'noname',
  'nobody',
  'blah',
  'bla',
  'blabla',
  'blahblah',
]);

/**
 * Words that neither make nor clear a placeholder: "Test Inc" is a placeholder, "Test Equipment
 * Depot" is a company.
 */
const NEUTRAL: ReadonlySet<string> = new Set([
  'inc',
  'llc',
  'ltd',
  'limited',
  'co',
  'corp',
  'corporation',
  'company',
  'gmbh',
  'ag',
  'sa',
  'sl',
  'srl',
  'bv',
  'plc',
  'pty',
  'user',
  'name',
  'the',
]);

const KEYBOARD_MASHING = 'looks like keyboard mashing';
const PLACEHOLDER = 'looks like a placeholder';

/** True for a, e, i, o, u and y (Latin tokens only reach here, already folded). */
function isVowel(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117 || code === 121;
}

/**
 * A cheap pass over the raw token: could the consonant or vowel rules fire? Collapsing clusters
 * only shortens consonant runs and raises the vowel share, so a token clean here is clean.
 */
function mayLackVowels(token: string): boolean {
  let vowels = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < token.length; i++) {
    if (isVowel(token.charCodeAt(i))) {
      vowels++;
      run = 0;
    } else if (++run > longest) {
      longest = run;
    }
  }
  return longest >= CONSONANT_RUN_LENGTH || (token.length >= MIN_RATIO_LENGTH && vowels / token.length < MIN_VOWEL_RATIO);
}

/** "aaaa", "xxxxx": one letter held down. */
function isOneLetter(token: string): boolean {
  // Comparing the first two code units first skips the regex for nearly every token.
  const first = token.charCodeAt(0);
  return (first === token.charCodeAt(1) || (first >= 0xd800 && first <= 0xdbff)) && ONE_LETTER.test(token);
}

/** A reason one Latin token is mashing whatever surrounds it, or undefined. */
function strongReason(token: string): string | undefined {
  // A held-down key is judged by weakReason, so "AAAAAA Plumbing" stays a company.
  if (token.length < 6 || !LATIN.test(token) || isOneLetter(token)) return undefined;
  // The first letter recurs where a repeated unit would: skips the regexes for most words.
  if (token[0] === token[2]) {
    const pair = PAIR_REPEATED.exec(token);
    if (pair) return `repeats '${pair[1] ?? ''}'`;
  }
  if (token[0] === token[3]) {
    const unit = TRIPLE_REPEATED.exec(token)?.[1];
    if (unit !== undefined && (!HAS_VOWEL.test(unit) || KEYBOARD_TRIPLES.has(unit))) {
      return `repeats '${unit}'`;
    }
  }
  if (!mayLackVowels(token)) return undefined;
  const sounds = token.replace(CLUSTERS, 'c').replace(SYLLABIC, 'a');
  if (CONSONANT_RUN.test(sounds)) return 'has too many consonants in a row';
  if (sounds.length >= MIN_RATIO_LENGTH) {
    const vowels = sounds.match(VOWELS)?.length ?? 0;
    if (vowels / sounds.length < MIN_VOWEL_RATIO) return 'has almost no vowels';
  }
  return undefined;
}

/** A reason a token is a placeholder or a held-down key: damning only if the whole value is. */
function weakReason(token: string): string | undefined {
  if (PLACEHOLDERS.has(token)) return PLACEHOLDER;
  if (isOneLetter(token)) return 'repeats one letter';
  return undefined;
}

function nameReason(folded: string): string | undefined {
  if (!HAS_LETTER.test(folded)) return 'has no letters';
  // On the whole value, not tokens, so punctuation keys count: "jkl;".
  if (hasKeyboardRun(folded)) return KEYBOARD_MASHING;
  let judged = 0;
  let weak = 0;
  let firstWeak: string | undefined;
  let first: string | undefined;
  let allSame = true;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    const token = m[0];
    if (DIGITS.test(token)) continue;
    const strong = strongReason(token);
    if (strong !== undefined) return strong;
    if (first === undefined) first = token;
    else if (token !== first) allSame = false;
    if (NEUTRAL.has(token)) continue;
    judged++;
    const reason = weakReason(token);
    if (reason !== undefined) {
      weak++;
      firstWeak ??= reason;
    }
  }
  if (weak > 0 && weak === judged) return firstWeak;
  // Three of the same word: twice is a real name ("Sirhan Sirhan", "Li Li").
  if (allSame && judged >= 3) return 'repeats the same word';
  return undefined;
}

function textReason(folded: string): string | undefined {
  let judged = 0;
  let bad = 0;
  let firstBad: string | undefined;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m !== null && judged < MAX_TEXT_TOKENS; m = TOKEN.exec(folded)) {
    const token = m[0];
    if (DIGITS.test(token)) continue;
    judged++;
    // Short words ("hi", "we", "the") can only be placeholders: skip the costlier checks.
    const reason =
      token.length < MIN_MASHING_LENGTH
        ? weakReason(token)
        : ((hasKeyboardRun(token) ? KEYBOARD_MASHING : undefined) ?? strongReason(token) ?? weakReason(token));
    if (reason !== undefined) {
      bad++;
      firstBad ??= reason;
    } else if ((judged - bad) * 2 >= MAX_TEXT_TOKENS) {
      return undefined;
    }
  }
  if (bad === 0 || bad * 2 <= judged) return undefined;
  return bad === judged ? firstBad : `is mostly gibberish (${bad} of ${judged} words)`;
}

/**
 * Why `text` looks like gibberish, as the end of a sentence ("looks like keyboard mashing",
 * "has no letters"), or undefined when it looks real. Empty text is not gibberish: missing
 * fields are a different finding.
 */
export function gibberishReason(text: string, mode: GibberishMode = 'name'): string | undefined {
  return foldedGibberishReason(foldText(text), mode);
}

/** {@link gibberishReason} of text already folded by `foldText`, for callers that fold once. */
export function foldedGibberishReason(folded: string, mode: GibberishMode): string | undefined {
  if (folded.trim() === '') return undefined;
  return mode === 'name' ? nameReason(folded) : textReason(folded);
}

/** True when `text` looks like keyboard mashing, a placeholder, or no name at all. */
export function looksLikeGibberish(text: string, mode: GibberishMode = 'name'): boolean {
  return gibberishReason(text, mode) !== undefined;
}
