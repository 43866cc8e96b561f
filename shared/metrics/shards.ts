/**
 * Where the metrics store keeps a lead: one shard per calendar month of arrival (UTC), split into
 * parts when a month holds too many leads for one object. A month's part count is fixed when the
 * month begins (see worker/metrics/store.ts), so a lead's part, chosen from its id, never moves. A
 * period's figures are the sum of the shards of its months.
 */
import type { Day } from './types.ts';

/** The start of a UTC day, epoch ms. */
export function dayStart(day: Day): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/**
 * The month (UTC) of an instant, `YYYY-MM`: its leads' shards are named after it.
 * @example monthOf(Date.parse('2026-11-19T10:00:00Z')) // '2026-11'
 */
export function monthOf(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/** The first instant of a month. */
export function monthStart(month: string): number {
  return Date.parse(`${month}-01T00:00:00Z`);
}

/** The months from `since` to `until` (instants), newest first. */
export function monthsSince(since: number, until: number): string[] {
  const months: string[] = [];
  for (let at = monthStart(monthOf(until)); at >= monthStart(monthOf(since)); at = monthStart(monthOf(at - 1))) months.push(monthOf(at));
  return months;
}

/** The months holding the days `from` to `to` (both included), newest first. */
export function monthsBetween(from: Day, to: Day): string[] {
  return dayStart(from) <= dayStart(to) ? monthsSince(dayStart(from), dayStart(to)) : [];
}

/** The name of part `part` of a month's shards: `2026-11`, then `2026-11.1`, `2026-11.2`… */
export function shardName(month: string, part: number): string {
  return part === 0 ? month : `${month}.${part}`;
}

/** The part of a month's `parts` that keeps lead `id` (FNV-1a of the id: stable, spread evenly). */
export function partOf(id: string, parts: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % parts;
}
