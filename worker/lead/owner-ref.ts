/**
 * Owner references as people type them (`dana`, `rep:dana`, `queue:triage`), checked against
 * the config, for misroute reports.
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';

/** `rep:<id>` or `queue:<id>` for a rep or queue of `config`, or undefined when there is none. */
export function ownerRef(config: RoutingConfig, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const [kind, id] = text.includes(':') ? (text.split(':', 2) as [string, string]) : ['', text];
  if ((kind === 'rep' || kind === '') && config.reps[id]) return `rep:${id}`;
  if ((kind === 'queue' || kind === '') && config.queues[id]) return `queue:${id}`;
  return undefined;
}
