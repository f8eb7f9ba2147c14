import type { Argv } from 'yargs';
import { renderDemo } from '../demo/render-demo.js';
import { runDemo } from '../demo/run-demo.js';
import { probeEnvironment } from '../results/environment.js';

interface DemoArgs {
  json: boolean;
}

export const command = 'demo';
export const describe =
  'Concurrency vs parallelism in about five seconds: two fetches, three computing agents, timelines — all measured now';

export function builder(yargs: Argv): Argv<DemoArgs> {
  return yargs.option('json', {
    type: 'boolean',
    default: false,
    describe: 'Print the measured figures and timestamps as JSON instead of the story',
  });
}

export async function handler(args: DemoArgs): Promise<void> {
  const environment = probeEnvironment();
  const report = await runDemo(environment.usableCores);
  process.stdout.write(
    args.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderDemo(report, environment.node)}\n`,
  );
}
