import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/classify/classify.js';
import { run } from '../../src/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readResultFile } from '../../src/results/load.js';
import { loadWorkload, resolveWorkloadUrl } from '../../src/workload-source.js';
import { runCli, scratchDir } from '../helpers/cli.js';

/**
 * TypeScript workload files, through the real CLI and the programmatic API: compiled once by esbuild into a
 * `.corescope/` folder beside the source, then measured as JavaScript by the child process and its workers.
 */

/** A user's project: corescope installed in node_modules (a link to this checkout), a workload under bench/. */
function userProject(files: Record<string, string>): string {
  const root = scratchDir('corescope-ts-');
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(PACKAGE_ROOT, join(root, 'node_modules', 'corescope'), 'dir');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

// Types, a relative import of another .ts file (written `.js`, as NodeNext wants), a bare import of the package,
// and a fixture found from import.meta.url.
const TYPED_WORKLOAD = `import { defineWorkload } from 'corescope';
import { readFileSync } from 'node:fs';
import { repeatLength } from './lib/repeat.js';

interface Data { text: string }

export default defineWorkload<Data, number>({
  id: 'typed-ts',
  kind: 'cpu',
  description: 'typed',
  defaultSize: 3,
  setup: (): Data => ({ text: readFileSync(new URL('./fixture.txt', import.meta.url), 'utf8') }),
  task: ({ data, size }) => repeatLength(data.text, size),
});
`;
const HELPER =
  'export function repeatLength(text: string, times: number): number {\n  return text.repeat(times).length;\n}\n';

describe('TypeScript workload files', () => {
  it('examples/my-workload.ts runs under sequential, concurrent and parallel via `run`', async () => {
    const out = join(scratchDir(), 'ts.json');
    const result = await runCli(
      [
        'run',
        '-w',
        './examples/my-workload.ts',
        '-s',
        'sequential,concurrent,parallel',
        '-t',
        '2',
        '--rounds',
        '2',
        '--tasks',
        '4',
        '--size',
        '2000',
        '--out',
        out,
      ],
      { cwd: PACKAGE_ROOT },
    );
    expect(result.code, result.stderr).toBe(0);
    const file = readResultFile(out);
    expect(file.benchmarks.map((benchmark) => [benchmark.id, benchmark.status])).toEqual([
      ['parse-and-total/sequential/t1', 'ok'],
      ['parse-and-total/concurrent/t1', 'ok'],
      ['parse-and-total/parallel/t2', 'ok'],
    ]);
    // The result names the file the user gave, not the compiled one.
    expect(file.benchmarks[0]?.workload.source).toBe('./examples/my-workload.ts');
  });

  it('examples/my-workload.ts goes through `classify`', async () => {
    const result = await runCli(
      ['classify', './examples/my-workload.ts', '--rounds', '1', '--tasks', '4', '--size', '2000', '--json'],
      { cwd: PACKAGE_ROOT },
    );
    expect(result.code, result.stderr).toBe(0);
    const classification = JSON.parse(result.stdout) as Classification;
    expect(classification.workload.id).toBe('parse-and-total');
    expect(classification.evidence.parallelSpeedup.map((point) => point.threads)).toContain(2);
  });

  it(
    "bundles relative .ts imports, resolves the package from the user's node_modules, and keeps " +
      "import.meta.url the source's",
    async () => {
      const root = userProject({
        'bench/typed.ts': TYPED_WORKLOAD,
        'bench/lib/repeat.ts': HELPER,
        'bench/fixture.txt': 'abcd',
      });
      const out = join(root, 'typed.json');
      const result = await runCli(
        [
          'run',
          '-w',
          './bench/typed.ts',
          '-s',
          'sequential,parallel',
          '-t',
          '2',
          '--rounds',
          '1',
          '--tasks',
          '2',
          '--out',
          out,
        ],
        { cwd: root },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(readResultFile(out).benchmarks.map((benchmark) => benchmark.status)).toEqual(['ok', 'ok']);
      const compiled = readdirSync(join(root, 'bench', '.corescope'));
      expect(compiled.filter((name) => name.endsWith('.mjs'))).toHaveLength(1);
      expect(compiled).toContain('.gitignore');
    },
  );

  it('the programmatic run() takes a .ts workload too', async () => {
    const root = userProject({
      'bench/typed.ts': TYPED_WORKLOAD,
      'bench/lib/repeat.ts': HELPER,
      'bench/fixture.txt': 'abcd',
    });
    const outcome = await run({
      workloads: [join(root, 'bench', 'typed.ts')],
      strategies: ['sequential'],
      rounds: 1,
      warmupRounds: 0,
      tasks: 2,
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.result.benchmarks[0]?.status).toBe('ok');
  });

  it('compiles to a file named by its content hash: the same source reuses it, a changed one gets a new file', async () => {
    const root = userProject({
      'bench/typed.ts': TYPED_WORKLOAD,
      'bench/lib/repeat.ts': HELPER,
      'bench/fixture.txt': 'abcd',
    });
    const source = join(root, 'bench', 'typed.ts');
    const first = resolveWorkloadUrl(source);
    expect(resolveWorkloadUrl(source)).toBe(first);
    expect(fileURLToPath(first)).toMatch(/[/\\]bench[/\\]\.corescope[/\\]typed\.ts\.[0-9a-f]{16}\.mjs$/);
    // A change in a bundled helper changes the compiled content, so the URL too.
    writeFileSync(
      join(root, 'bench', 'lib', 'repeat.ts'),
      HELPER.replace('text.repeat(times).length', 'text.repeat(times).length + 0'),
    );
    const second = resolveWorkloadUrl(source);
    expect(second).not.toBe(first);
    expect((await loadWorkload(second)).id).toBe('typed-ts');
  });

  it('a syntax error is one line, file:line:column and the message, exit 2, no stack', async () => {
    // Line 3, column 13 (1-based) is the "=" the parser did not expect after the colon.
    const root = userProject({
      'bench/broken.ts':
        "import { defineWorkload } from 'corescope';\n\nconst size: = 3;\nexport default " +
        "defineWorkload({ id: 'x', kind: 'cpu', description: '', defaultSize: size, task: () => 1 });\n",
    });
    for (const args of [
      ['run', '-w', './bench/broken.ts'],
      ['classify', './bench/broken.ts'],
    ]) {
      const result = await runCli(args, { cwd: root });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^corescope: bench[/\\]broken\.ts:3:13: cannot compile workload: Unexpected "="\n$/,
      );
    }
  });

  it('a relative import that does not exist names the importing line; an invalid export names the .ts file', async () => {
    const root = userProject({
      'bench/missing.ts': "import { x } from './nowhere.js';\nexport default x;\n",
      'bench/empty.ts': 'export const answer: number = 42;\n',
    });
    const missing = await runCli(['run', '-w', './bench/missing.ts'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^corescope: bench[/\\]missing\.ts:1:19: cannot compile workload: Could not resolve "\.\/nowhere\.js"\n$/,
    );

    const empty = join(root, 'bench', 'empty.ts');
    await expect(loadWorkload(resolveWorkloadUrl(empty))).rejects.toThrow(`${empty}: exports no workload`);
  });
});
