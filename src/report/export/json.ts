import type { Exporter } from './exporter.js';

/**
 * The validated results again: one file gives its result object, several give an array of them in the
 * order given. Fields the schema does not know are dropped on reading, so the output is always schemaVersion 1.
 */
export const jsonExporter: Exporter = {
  format: 'json',
  extensions: ['.json'],
  render(inputs) {
    const results = inputs.map((input) => input.result);
    return `${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`;
  },
};
