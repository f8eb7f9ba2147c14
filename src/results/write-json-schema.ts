// `npm run schema`: regenerates the committed JSON Schema from the zod schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { JSON_SCHEMA_PATH, resultJsonSchema } from './json-schema.js';

writeFileSync(join(PACKAGE_ROOT, JSON_SCHEMA_PATH), `${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${JSON_SCHEMA_PATH}\n`);
