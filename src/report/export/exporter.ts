import type { ReportInput } from '../data/report-input.js';

/**
 * One output format. Exporters are pure: loaded results in, text out; the command does the reading and the
 * writing, so every format gets the same validation and the same atomic write.
 */
export interface Exporter {
  readonly format: string;
  /** File name extensions this format is chosen for when `--format` is not given. */
  readonly extensions: readonly string[];
  render(inputs: readonly ReportInput[]): string;
}
