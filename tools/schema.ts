/** Writes shared/config/routing-config.schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { routingConfigJsonSchema } from '../shared/config/json-schema.ts';
import { helpRequested } from './cli.ts';

helpRequested(`
Usage: npm run schema

Writes shared/config/routing-config.schema.json (the JSON Schema editors complete the routing
config with) from the zod schema in shared/config/schema.ts. Run it after changing the schema.
`);

const path = new URL('../shared/config/routing-config.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(routingConfigJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
