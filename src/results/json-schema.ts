import { z } from 'zod';
import { resultFileSchema, SCHEMA_VERSION } from './schema.js';

/** The published JSON Schema, generated from the zod schema (a test keeps the committed copy current). */
export function resultJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(resultFileSchema, { io: 'input' }),
    $id: `https://corescope.dev/schema/result-v${SCHEMA_VERSION}.schema.json`,
    title: `corescope result file, schemaVersion ${SCHEMA_VERSION}`,
  };
}

export const JSON_SCHEMA_PATH = `schema/result-v${SCHEMA_VERSION}.schema.json`;
