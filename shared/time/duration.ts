/**
 * Durations as RevOps writes them in the routing config: `90s`, `15m`, `1h`, `1h30m`, `2d`.
 */

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^(?:\d+(?:\.\d+)?[smhdw])+$/;
const PART = /(\d+(?:\.\d+)?)([smhdw])/g;
/**
 * Durations already parsed: the config's few (the dedupe window, retention) are read on every
 * lead, and two regular expressions each time showed in the intake's CPU profile. Bounded, as
 * a config being written may pass many.
 */
const parsed = new Map<string, number | undefined>();
const PARSED_KEPT = 64;

/**
 * Parses a duration into milliseconds; `undefined` when it is not one.
 * @example parseDuration('1h30m') // 5_400_000
 */
export function parseDuration(text: string): number | undefined {
  const known = parsed.get(text);
  if (known !== undefined || parsed.has(text)) return known;
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  const ms = parse(text);
  parsed.set(text, ms);
  return ms;
}

function parse(text: string): number | undefined {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  if (!DURATION.test(compact)) return undefined;
  let ms = 0;
  for (const [, amount, unit] of compact.matchAll(PART)) {
    ms += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  }
  return Math.round(ms);
}

/**
 * Writes milliseconds the way people say them: `15 min`, `1 h 30 min`, `2 days`.
 * @example formatDuration(5_400_000) // '1 h 30 min'
 */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const days = Math.floor(ms / UNIT_MS.d);
  const hours = Math.floor((ms % UNIT_MS.d) / UNIT_MS.h);
  const minutes = Math.round((ms % UNIT_MS.h) / UNIT_MS.m);
  const parts: string[] = [];
  if (days) parts.push(days === 1 ? '1 day' : `${days} days`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  return parts.join(' ');
}
