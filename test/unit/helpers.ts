/** Builders shared by the unit tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../shared/config/parse.ts';
import type { RoutingConfig, RoutingConfigInput } from '../../shared/config/schema.ts';
import type { RoutableLead, RoutingState } from '../../shared/routing/types.ts';

/** The example config shipped in shared/config/examples, parsed. */
export function exampleConfig(): RoutingConfig {
  return loadConfig(readExample());
}

/** The example config as written (JSON), for tests that modify it. */
export function readExample(): RoutingConfigInput {
  const path = fileURLToPath(new URL('../../shared/config/examples/routing.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as RoutingConfigInput;
}

/** Parses a config or throws with its issues. */
export function loadConfig(input: unknown): RoutingConfig {
  const parsed = parseConfig(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.config;
}

/** A qualified lead with sensible defaults; override what the test is about. */
export function routable(overrides: Partial<RoutableLead> = {}): RoutableLead {
  return {
    formType: 'contact',
    consent: true,
    source: 'direct',
    honeypot: false,
    status: 'qualified',
    urgency: 'normal',
    intent: 'medium',
    ...overrides,
  };
}

/** Fresh routing state. */
export function emptyState(): RoutingState {
  return { cursors: {}, load: {} };
}

/** A weekday mid-morning in New York (Tuesday 2026-11-17 10:30 EST), when every US team works. */
export const TUESDAY_MORNING_NY = Date.parse('2026-11-17T15:30:00Z');

/** A minimal valid config: one rep, one queue, a fallback; `extra` is merged over it. */
export function tinyConfig(extra: Partial<RoutingConfigInput> = {}): RoutingConfigInput {
  return {
    formTypes: {
      contact: { label: 'Contact', fields: ['firstName', 'email'], required: ['email'], intent: 'medium', sla: '1h' },
    },
    reps: { ann: { name: 'Ann' }, bob: { name: 'Bob' }, cat: { name: 'Cat' } },
    queues: { triage: { name: 'Triage', watchers: [] }, junk: { name: 'Junk', watchers: [] } },
    routes: [],
    qualification: { junkQueue: 'junk' },
    fallback: { queue: 'triage' },
    ...extra,
  };
}

/** Tuesday 2026-11-17, 13:30 in New York, 10:30 in Los Angeles: every US team is working. */
export const US_AFTERNOON = Date.parse('2026-11-17T18:30:00Z');
/** Tuesday 2026-11-17, 10:00 in London, 11:00 in Berlin: EMEA works, the US sleeps. */
export const EU_MORNING = Date.parse('2026-11-17T10:00:00Z');
