// What the reference scripts share, with no corescope code in it: the median, their way of reading flags, where the
// reference workloads are, the one way they call corescope's command line, and how they write what they measured.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(here, '..', '..');

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
};

/**
 * The command line's flags, taken out of `args` as they are read, so what is left at the end is the positional
 * arguments: `flag('--name', fallback)` for `--name value`, `has('--name')` for a switch.
 */
export function commandLine(args = process.argv.slice(2)) {
  return {
    args,
    flag(name, fallback) {
      const at = args.indexOf(name);
      return at < 0 ? fallback : args.splice(at, 2)[1];
    },
    has(name) {
      const at = args.indexOf(name);
      if (at >= 0) args.splice(at, 1);
      return at >= 0;
    },
  };
}

/**
 * The workload files a script measures, as absolute paths: those left on its command line (`args`), else the
 * reference workloads `names` (benchmarks/reference/workloads/<name>.mjs).
 */
export const workloadFiles = (args, names) =>
  (args.length > 0 ? args : names.map((name) => join(here, 'workloads', `${name}.mjs`))).map((file) => resolve(file));

/** One run of corescope's built command line (`npm run build` first); what it printed on stdout. */
export function corescopeOutput(args) {
  return execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'cli.js'), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Writes a script's summary as JSON, with when and on what machine it was measured, and says where. */
export function writeSummary(out, summary) {
  const machine = { cpu: cpus()[0]?.model.trim(), cores: cpus().length, node: process.versions.node };
  const stamped = { measuredAt: new Date().toISOString(), machine: { ...machine, loadAverage: loadavg() }, ...summary };
  writeFileSync(out, `${JSON.stringify(stamped, null, 2)}\n`);
  const load = loadavg().map((value) => value.toFixed(2));
  console.log(`load average ${load.join(' ')}; written to ${relative(process.cwd(), out)}`);
}
