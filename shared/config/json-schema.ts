/**
 * The routing config's JSON Schema, for editor completion and validation of the JSON file.
 * Generated from the zod schema so the two never disagree; `npm run schema` writes it to
 * `routing-config.schema.json`, and a test fails when the shipped file is stale.
 */
import * as z from 'zod/mini';
import { Count, Duration, Email, RoutingConfigSchema, WorkingHours } from './schema.ts';

// Editor hints, registered here rather than in the schema: the Worker validates configs with
// the schema and has no use for them.
z.globalRegistry.add(Duration, { description: 'A duration: 90s, 15m, 1h, 1h30m, 2d', examples: ['5m', '1h'] });
z.globalRegistry.add(WorkingHours, { description: "Working hours in the rep's time zone", examples: [{ 'mon-fri': '09:00-17:30' }] });
z.globalRegistry.add(RoutingConfigSchema, { title: 'Lead router routing config' });
z.globalRegistry.add(Count, { type: 'integer' });
z.globalRegistry.add(Email, { format: 'email' });

/** The JSON Schema of a routing config as written (before defaults). */
export function routingConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RoutingConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
