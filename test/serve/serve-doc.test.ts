import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { serveResultSchema } from '../../src/results/serve-schema.js';

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[] };

/** Every property name in the serve schema, except the machine's (described once, in docs/result-file.md). */
function fieldNames(node: JsonSchema | undefined, names = new Set<string>()): Set<string> {
  if (node === undefined) return names;
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    names.add(name);
    if (name !== 'environment') fieldNames(child, names);
  }
  fieldNames(node.items, names);
  for (const child of node.anyOf ?? []) fieldNames(child, names);
  return names;
}

describe('docs/serve.md', () => {
  it('names every field of the serve result file', () => {
    const doc = readFileSync(join(PACKAGE_ROOT, 'docs', 'serve.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## The result file'));
    const missing = [...fieldNames(z.toJSONSchema(serveResultSchema) as JsonSchema)].filter(
      (name) => !section.includes(`\`${name}\``),
    );
    expect(missing).toEqual([]);
  });
});
