#!/usr/bin/env node
// Thin entry: parse, dispatch to one command module, turn usage errors into one line and exit code 2.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import * as abCommand from './commands/ab.js';
import * as classifyCommand from './commands/classify.js';
import * as compareCommand from './commands/compare.js';
import * as demoCommand from './commands/demo.js';
import * as historyCommand from './commands/history.js';
import * as reportCommand from './commands/report.js';
import * as runCommand from './commands/run.js';
import * as serveCommand from './commands/serve.js';
import * as studyCommand from './commands/study.js';
import { EXIT, UsageError } from './errors.js';
import { TOOL_VERSION } from './version.js';

function fail(message: string): never {
  process.stderr.write(`corescope: ${message}\n`);
  process.exit(EXIT.usage);
}

try {
  await yargs(hideBin(process.argv))
    .scriptName('corescope')
    .version(TOOL_VERSION)
    .command(runCommand)
    .command(studyCommand)
    .command(serveCommand)
    .command(compareCommand)
    .command(abCommand)
    .command(historyCommand)
    .command(reportCommand)
    .command(classifyCommand)
    .command(demoCommand)
    .demandCommand(1, 'name a command (run --help for the main one)')
    .strict()
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((message: string | null, error: Error | undefined) => {
      // yargs wraps what a flag's coerce() throws in a YError: both are the user's input, not our bug.
      if (error !== undefined && !(error instanceof UsageError) && error.name !== 'YError') throw error;
      fail(error?.message ?? message ?? 'bad usage');
    })
    .parseAsync();
} catch (error) {
  if (error instanceof UsageError) fail(error.message);
  process.stderr.write(
    `corescope: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(EXIT.workloadFailed);
}
