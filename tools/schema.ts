/** Writes shared/config/routing-config.schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { routingConfigJsonSchema } from '../shared/config/json-schema.ts';

const path = new URL('../shared/config/routing-config.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(routingConfigJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
