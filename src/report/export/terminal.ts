import type { Exporter } from './exporter.js';
import { renderRunSummary } from '../terminal/terminal.js';
import { DEFAULT_WIDTH } from '../terminal/width.js';

/**
 * What `corescope run` prints when it ends, rendered again from its file: tables, notes, verdicts, warnings. At
 * DEFAULT_WIDTH, whatever the terminal, so the same file always gives the same text (README's excerpt is checked
 * against it). Several files give one summary each, in the order given.
 */
export const terminalExporter: Exporter = {
  format: 'terminal',
  extensions: ['.txt'],
  render(inputs) {
    return `${inputs.map((input) => renderRunSummary(input.result, DEFAULT_WIDTH)).join('\n\n')}\n`;
  },
};
