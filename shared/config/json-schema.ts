/**
 * The routing config's JSON Schema, for editor completion and validation of the JSON file.
 * Generated from the zod schema so the two never disagree; `npm run schema` writes it to
 * `routing-config.schema.json`, and a test fails when the shipped file is stale.
 */
import * as z from 'zod/mini';
import { RoutingConfigSchema } from './schema.ts';

/** The JSON Schema of a routing config as written (before defaults). */
export function routingConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RoutingConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
