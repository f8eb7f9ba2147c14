import { bmfExporter } from './bmf.js';
import { csvExporter } from './csv.js';
import type { Exporter } from './exporter.js';
import { githubActionBenchmarkExporter } from './github-action-benchmark.js';
import { htmlExporter } from './html.js';
import { jsonExporter } from './json.js';
import { markdownExporter } from './markdown.js';
import { terminalExporter } from './terminal.js';

/**
 * Every report format; adding one is one file and one line here. By extension, the first match wins: bmf
 * (`.bmf.json`) comes before json (`.json`).
 */
export const EXPORTERS: readonly Exporter[] = [
  htmlExporter,
  markdownExporter,
  csvExporter,
  bmfExporter,
  githubActionBenchmarkExporter,
  jsonExporter,
  terminalExporter,
];

export const FORMAT_NAMES = EXPORTERS.map((exporter) => exporter.format);

export function exporterNamed(format: string): Exporter | undefined {
  return EXPORTERS.find((exporter) => exporter.format === format);
}

/** The format a file name asks for by its extension, if any. */
export function exporterForPath(path: string): Exporter | undefined {
  const lower = path.toLowerCase();
  return EXPORTERS.find((exporter) => exporter.extensions.some((extension) => lower.endsWith(extension)));
}
