// Holds `corescope serve` to the plain check measured right after it, pair by pair, so drift on a shared machine
// falls on both alike: `pairs` times in turn, `corescope serve -w cpu-spin --size <ms> --rates <rate> --repeats 1`
// and then serve-plain-check.mjs with the same task, rate and duration (one fresh server per mode). Prints, and
// writes as JSON, each side's /health p99 per pair, their medians, and plain / corescope.
// Usage (after `npm run build`): node benchmarks/reference/serve-hold-to-plain.mjs [pairs=5] [ms=10] [rate=50]
//   [seconds=3] [--out results/reference/serve-hold-to-plain.json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt < 0 ? undefined : args.splice(outAt, 2)[1];
const [pairs, ms, rate, seconds] = [5, 10, 50, 3].map((fallback, i) => Number(args[i] ?? fallback));
const scratch = mkdtempSync(join(tmpdir(), 'serve-hold-'));
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const loadBefore = loadavg()[0];
const rows = [];
for (let pair = 0; pair < pairs; pair += 1) {
  const file = join(scratch, `serve-${pair}.json`);
  const cli = [join(root, 'dist', 'src', 'cli.js'), 'serve', '-w', 'cpu-spin', '--size', String(ms)];
  cli.push('--rates', String(rate), '--duration', String(seconds), '--repeats', '1', '--out', file);
  execFileSync(process.execPath, cli, { stdio: 'ignore' });
  const serve = JSON.parse(readFileSync(file, 'utf8'));
  const p99 = (strategy) => serve.series.find((s) => s.strategy === strategy).points[0].summary.healthP99Ms.median;
  const plainScript = join(root, 'benchmarks', 'reference', 'serve-plain-check.mjs');
  const plainArgs = [plainScript, String(ms), String(rate), String(seconds), '1'];
  const plain = JSON.parse(execFileSync(process.execPath, plainArgs, { encoding: 'utf8' }));
  const row = {
    corescopeInlineMs: p99('concurrent'),
    corescopePoolMs: p99('parallel'),
    plainInlineMs: plain.inlineMedianMs,
    plainPoolMs: plain.poolMedianMs,
  };
  rows.push(row);
  console.log(`pair ${pair + 1}: ${JSON.stringify(row)}`);
}
const summary = Object.fromEntries(Object.keys(rows[0]).map((key) => [key, median(rows.map((row) => row[key]))]));
const result = {
  ms,
  rate,
  seconds,
  pairs,
  loadAverage: { before: loadBefore, after: loadavg()[0] },
  rows,
  medians: summary,
  plainOverCorescope: {
    inline: summary.plainInlineMs / summary.corescopeInlineMs,
    pool: summary.plainPoolMs / summary.corescopePoolMs,
  },
};
console.log(JSON.stringify({ medians: result.medians, plainOverCorescope: result.plainOverCorescope }));
if (out !== undefined) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
