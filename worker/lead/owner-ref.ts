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
  // Own properties only: `constructor` or `hasOwnProperty` is no rep, though every object inherits one.
  if ((kind === 'rep' || kind === '') && Object.hasOwn(config.reps, id)) return `rep:${id}`;
  if ((kind === 'queue' || kind === '') && Object.hasOwn(config.queues, id)) return `queue:${id}`;
  return undefined;
}
