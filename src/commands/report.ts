import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { readResultFile } from '../results/load.js';
import { writeFileAtomic } from '../results/store.js';
import { exporterForPath, exporterNamed, FORMAT_NAMES } from '../report/export/exporters.js';
import { markdownExporter } from '../report/export/markdown.js';
import { toReportInputs } from '../report/data/report-input.js';
import { ensureWritableFile, parseChoices } from '../options/parse.js';

interface ReportArgs {
  files: string[];
  format?: string;
  out?: string;
}

export const command = 'report <files..>';
export const describe =
  'Turn result files into an HTML report (charts), Markdown, CSV, JSON, or what Bencher (bmf) and ' +
  'github-action-benchmark read; several files compare machines';

export function builder(yargs: Argv): Argv<ReportArgs> {
  return yargs
    .positional('files', {
      type: 'string',
      array: true,
      demandOption: true,
      describe: 'Result files written by `corescope run`',
    })
    .option('format', {
      alias: 'f',
      type: 'string',
      describe: `Output format: ${FORMAT_NAMES.join(', ')}`,
      defaultDescription: "from --out's extension, else markdown",
      coerce: (value: unknown) => {
        const [format] = parseChoices(value, '--format', FORMAT_NAMES);
        return format;
      },
    })
    .option('out', {
      alias: 'o',
      type: 'string',
      describe: 'Write the report to this file (atomically) instead of stdout',
    });
}

export function handler(args: ReportArgs): void {
  // Check the destination before reading anything: a typo in --out should not cost a parse of every file.
  const outPath = args.out === undefined ? null : ensureWritableFile(args.out);
  // --format was checked against FORMAT_NAMES when parsed, so a named format always has its exporter.
  const exporter =
    (args.format !== undefined ? exporterNamed(args.format) : undefined) ??
    (args.out !== undefined ? exporterForPath(args.out) : undefined) ??
    markdownExporter;
  if (args.files.length === 0) throw new UsageError('report: name at least one result file');
  const inputs = toReportInputs(args.files.map((path) => ({ path, result: readResultFile(path) })));
  const text = exporter.render(inputs);
  if (outPath === null) {
    process.stdout.write(text);
    return;
  }
  writeFileAtomic(outPath, text);
  process.stderr.write(`report (${exporter.format}): ${outPath}\n`);
}
