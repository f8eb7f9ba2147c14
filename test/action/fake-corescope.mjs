// A stand-in for the corescope CLI in the action's shell tests: it logs each call's arguments (one JSON array a
// line, to FAKE_LOG), writes the files `ab` is asked for, and exits with the next code of FAKE_EXITS
// ("0,3,2": one per call, the last repeated). Real `ab` runs take a minute; the scripts only pass arguments on.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const log = process.env.FAKE_LOG;
if (log === undefined) throw new Error('FAKE_LOG is not set');
appendFileSync(log, `${JSON.stringify(args)}\n`);
const calls = readFileSync(log, 'utf8').trim().split('\n').length;
const exits = (process.env.FAKE_EXITS ?? '0').split(',').map(Number);
const code = exits[Math.min(calls, exits.length) - 1] ?? 0;
const value = (flag) => {
  const at = args.indexOf(flag);
  return at === -1 ? undefined : args[at + 1];
};
if (args[0] === 'ab') {
  const out = value('--out');
  if (out !== undefined && code !== 2)
    writeFileSync(out, process.env.FAKE_SUMMARY ?? `## corescope ab (fake, exit ${code})\n`);
  for (const flag of ['--base-out', '--head-out']) {
    const path = value(flag);
    if (path !== undefined && code !== 2) writeFileSync(path, `{"fake": "${flag}"}\n`);
  }
}
if (args[0] === 'history') {
  if (!existsSync(args[1] ?? '')) process.exit(2);
  process.stdout.write('## corescope history (fake)\n');
}
process.exit(code);
