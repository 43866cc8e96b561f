/**
 * Response times as a lead reads them: "15 minutes", "1 hour", "1 día". Unlike
 * `formatDuration` (RevOps shorthand, `1 h 30 min`), words are spelled out and translated.
 */
import { phrasesFor } from './strings.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A response time in words, in the lead's language (English when we have none for it), in
 * at most two units. Rounds up, never down: a promise of "15 minutes" must not be made for an
 * SLA of 15½; and never says less than a minute.
 * @example formatWithin(900_000, 'en') // '15 minutes'
 * @example formatWithin(5_400_000, 'es') // '1 hora y 30 minutos'
 * @example formatWithin(86_400_000, 'es') // '1 día'
 */
export function formatWithin(ms: number, language?: string): string {
  const { units, and } = phrasesFor(language);
  const say = (n: number, unit: readonly [string, string]) => `${n} ${n === 1 ? unit[0] : unit[1]}`;
  const safe = Number.isFinite(ms) && ms > 0 ? ms : MINUTE;
  if (safe >= DAY) {
    const hours = Math.ceil(safe / HOUR);
    const days = Math.floor(hours / 24);
    const rest = hours % 24;
    return rest ? `${say(days, units.day)} ${and} ${say(rest, units.hour)}` : say(days, units.day);
  }
  const minutes = Math.max(1, Math.ceil(safe / MINUTE));
  if (minutes < 60) return say(minutes, units.minute);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 24) return say(1, units.day);
  return rest ? `${say(hours, units.hour)} ${and} ${say(rest, units.minute)}` : say(hours, units.hour);
}
