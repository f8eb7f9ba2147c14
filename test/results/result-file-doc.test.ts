import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';

type JsonSchema = {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | boolean;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
};

/** Every field of the published JSON Schema as a dotted path, arrays' items under their field's own name. */
function schemaPaths(root: JsonSchema): Set<string> {
  const paths = new Set<string>();
  const definitions = { ...root.definitions, ...root.$defs };
  const walk = (node: JsonSchema | boolean | undefined, path: string): void => {
    if (node === undefined || typeof node === 'boolean') return;
    if (node.$ref !== undefined) return walk(definitions[node.$ref.split('/').pop() ?? ''], path);
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const field = path === '' ? name : `${path}.${name}`;
      paths.add(field);
      walk(child, field);
    }
    walk(node.items, path);
    const children = [...(node.prefixItems ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
    for (const child of children) walk(child, path);
  };
  walk(root, '');
  return paths;
}

/** The fields docs/result-file.md names in the first column of its tables. */
function documentedPaths(markdown: string): Set<string> {
  const paths = new Set<string>();
  for (const line of markdown.split('\n')) {
    const first = /^\| ([^|]+) \|/.exec(line)?.[1];
    if (first === undefined) continue;
    for (const match of first.matchAll(/`([A-Za-z][\w.]*)`/g)) if (match[1] !== undefined) paths.add(match[1]);
  }
  return paths;
}

describe('docs/result-file.md', () => {
  const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'result-v3.schema.json'), 'utf8')) as JsonSchema;
  const documented = documentedPaths(readFileSync(join(PACKAGE_ROOT, 'docs', 'result-file.md'), 'utf8'));
  const fields = schemaPaths(schema);

  it('names every field of the result file', () => {
    expect([...fields].filter((field) => !documented.has(field))).toEqual([]);
  });

  it('names no field the result file does not have', () => {
    expect([...documented].filter((field) => !fields.has(field))).toEqual([]);
  });
});
