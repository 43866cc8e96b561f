/**
 * How alike two company names are, from 0 to 1, in a way a person can follow: the share of
 * their words that match (exactly, or with one typo in a long word), distinctive words counting
 * more than common ones ("Group", "Global"…); or the whole names as one word ("JetBlue" /
 * "Jet Blue"); or initials ("IBM" / "International Business Machines").
 */
import { acronym, squash, WEAK_WORDS } from './company-name.ts';

/** What an acronym match is worth: likely, rarely certain ("ABC" is many companies). */
export const ACRONYM_SIMILARITY = 0.9;
/** What a name is worth that begins another with a distinctive word ("Costco" / "Costco Wholesale"). */
export const PREFIX_SIMILARITY = 0.9;
/** A weak word's weight against a distinctive word's 1. */
const WEAK_WEIGHT = 0.2;
/**
 * A weak word the lead typed that the account's name lacks weighs more: leads type shorter
 * names than the CRM's official one, so an extra word on their side ("Nike Communications")
 * more likely names another company.
 */
const EXTRA_WEAK_WEIGHT = 0.5;

/**
 * Similarity of a lead's company name `a` to an account's name `b`, both as `companyTokens`
 * gives them. Not symmetric in one case: a lead's name that begins the account's counts.
 * @example nameSimilarity(companyTokens('U.S. Bank'), companyTokens('US Bancorp')) // 1
 * @example nameSimilarity(companyTokens('Goldman Sachs'), companyTokens('Goldmann Sachs')) // ≈ 0.97
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const whole = wordSimilarity(squash(a), squash(b));
  if (whole === 1) return 1;
  let best = Math.max(whole, tokenSimilarity(a, b));
  if (best < ACRONYM_SIMILARITY && ((a.length === 1 && a[0] === acronym(b)) || (b.length === 1 && b[0] === acronym(a)))) best = ACRONYM_SIMILARITY;
  // The lead typed the brand and left out the rest; not the other way round ("Target Logistics" is not Target).
  if (best < PREFIX_SIMILARITY && beginsWith(b, squash(a))) best = PREFIX_SIMILARITY;
  return Math.round(best * 100) / 100;
}

/** True when the first words of `b` (not all of them) spell `start`, and start with a distinctive word. */
function beginsWith(b: readonly string[], start: string): boolean {
  if (start.length < 4 || WEAK_WORDS.has(b[0]!)) return false;
  let spelled = '';
  for (let i = 0; i < b.length - 1 && spelled.length < start.length; i++) {
    spelled += b[i];
    if (spelled === start) return true;
  }
  return false;
}

const weight = (token: string) => (WEAK_WORDS.has(token) ? WEAK_WEIGHT : 1);

/** Weighted Dice over words: matched weight on both sides over the total weight. */
function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const s = wordSimilarity(a[i]!, b[j]!);
      if (s > 0) pairs.push([s, i, j]);
    }
  }
  // Best pairs first, each word used once.
  pairs.sort((x, y) => y[0] - x[0]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let matched = 0;
  for (const [s, i, j] of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    matched += s * (weight(a[i]!) + weight(b[j]!));
  }
  let total = 0;
  a.forEach((t, i) => (total += usedA.has(i) || !WEAK_WORDS.has(t) ? weight(t) : EXTRA_WEAK_WEIGHT));
  for (const t of b) total += weight(t);
  return matched / total;
}

/**
 * Similarity of two words: 1 when equal; one typo (insert, delete, substitute, swap) costs
 * more in a short word ("acme" / "acne" are different companies; "microsft" is Microsoft);
 * two typos only in a long one.
 */
export function wordSimilarity(x: string, y: string): number {
  if (x === y) return 1;
  const shorter = Math.min(x.length, y.length);
  if (shorter < 4) return 0;
  const d = editDistance(x, y, 2);
  if (d === 1) return shorter >= 7 ? 0.94 : shorter >= 5 ? 0.9 : 0.75;
  if (d === 2 && shorter >= 9) return 0.86;
  return 0;
}

/** Optimal-string-alignment distance, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(x: string, y: string, max: number): number {
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[y.length]!;
}
