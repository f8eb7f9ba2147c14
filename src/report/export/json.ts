import type { Exporter } from './exporter.js';

/**
 * The validated results again: one file gives its result object, several give an array of them in the
 * order given. Files are upgraded to the current schema on reading and fields it does not know are dropped, so
 * the output is always of the current schemaVersion.
 */
export const jsonExporter: Exporter = {
  format: 'json',
  extensions: ['.json'],
  render(inputs) {
    const results = inputs.map((input) => input.result);
    return `${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`;
  },
};
