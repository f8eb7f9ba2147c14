import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/cli.js';

/**
 * The GitHub Action's step scripts (scripts/action/*.sh), run with real bash and real git against temporary
 * repositories, with a fake corescope CLI (fake-corescope.mjs) where a real `ab` would take minutes.
 */
const SCRIPTS = fileURLToPath(new URL('../../scripts/action/', import.meta.url));
const FAKE_CLI = fileURLToPath(new URL('./fake-corescope.mjs', import.meta.url));

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function script(name: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, cwd?: string): Ran {
  const result = spawnSync('bash', [join(SCRIPTS, name), ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    cwd,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A job's GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the fake CLI's call log. */
function job() {
  const directory = scratchDir('corescope-action-');
  const files = {
    output: join(directory, 'output'),
    summary: join(directory, 'summary.md'),
    log: join(directory, 'calls.log'),
  };
  for (const path of Object.values(files)) writeFileSync(path, '');
  const env = {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    FAKE_LOG: files.log,
    CORESCOPE_CLI: FAKE_CLI,
  };
  const outputs = (): Record<string, string> =>
    Object.fromEntries(
      readFileSync(files.output, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
  const calls = (): string[][] =>
    readFileSync(files.log, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as string[]);
  return { directory, files, env, outputs, calls };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  }).trim();
}

describe('workload-paths.sh', () => {
  it('puts each workload under the checkout, keeping files and directories as given', () => {
    expect(script('workload-paths.sh', ['/w/base', 'dist/benchmarks/cpu-hash.js, ./bench ,x.js']).stdout).toBe(
      '/w/base/dist/benchmarks/cpu-hash.js,/w/base/bench,/w/base/x.js\n',
    );
  });

  it.each([['/etc/passwd'], ['../outside.js'], ['a/../../b.js'], [''], [' , ']])(
    'refuses %j with exit 2',
    (workloads) => {
      const ran = script('workload-paths.sh', ['/w/base', workloads]);
      expect(ran.code).toBe(2);
      expect(ran.stderr.trim().split('\n')).toHaveLength(1);
      expect(ran.stderr).toMatch(/^workloads: /);
    },
  );
});

describe('prepare-checkout.sh', () => {
  it('runs the install and build commands inside the checkout, and stops at the first that fails', () => {
    const checkout = scratchDir();
    expect(
      script('prepare-checkout.sh', [checkout], {
        INSTALL_COMMAND: 'echo installed > install.txt',
        BUILD_COMMAND: 'echo built > build.txt',
      }).code,
    ).toBe(0);
    expect(readFileSync(join(checkout, 'install.txt'), 'utf8')).toBe('installed\n');
    expect(readFileSync(join(checkout, 'build.txt'), 'utf8')).toBe('built\n');
    const failing = scratchDir();
    expect(
      script('prepare-checkout.sh', [failing], { INSTALL_COMMAND: 'exit 7', BUILD_COMMAND: 'touch built' }).code,
    ).toBe(7);
    expect(existsSync(join(failing, 'built'))).toBe(false);
    expect(script('prepare-checkout.sh', [scratchDir()], { INSTALL_COMMAND: '', BUILD_COMMAND: '' }).code).toBe(0);
  });
});

describe('run-ab.sh', () => {
  it('calls ab with both checkouts, the flags and the files to write; summary to the job; never fails the step', () => {
    for (const exit of [0, 3]) {
      const { env, files, outputs, calls, directory } = job();
      const out = join(directory, 'out');
      const ran = script('run-ab.sh', [], {
        ...env,
        FAKE_EXITS: String(exit),
        BASE_DIR: '/w/base',
        HEAD_DIR: '/w/head',
        WORKLOADS: 'bench/a.js,bench/b.js',
        THRESHOLD: '7',
        FAIL_ON: 'regression',
        RUN_FLAGS: '--quick  -s sequential,parallel',
        OUT_DIR: out,
      });
      expect(ran.code, ran.stderr).toBe(0);
      expect(calls()).toEqual([
        [
          'ab',
          '/w/base/bench/a.js,/w/base/bench/b.js',
          '/w/head/bench/a.js,/w/head/bench/b.js',
          '--quick',
          '-s',
          'sequential,parallel',
          '--threshold',
          '7',
          '--fail-on',
          'regression',
          '--format',
          'markdown',
          '--out',
          join(out, 'summary.md'),
          '--base-out',
          join(out, 'base.json'),
          '--head-out',
          join(out, 'head.json'),
        ],
      ]);
      expect(readFileSync(files.summary, 'utf8')).toBe(`## corescope ab (fake, exit ${exit})\n`);
      expect(outputs()).toEqual({
        'exit-code': String(exit),
        regression: String(exit === 3),
        summary: join(out, 'summary.md'),
        'base-result': join(out, 'base.json'),
        'head-result': join(out, 'head.json'),
      });
    }
  });

  it(
    'passes no empty argument when there are no run flags or threshold, and reports a bad workload list ' +
      'without calling ab',
    () => {
      const plain = job();
      script('run-ab.sh', [], {
        ...plain.env,
        BASE_DIR: '/b',
        HEAD_DIR: '/h',
        WORKLOADS: 'a.js',
        RUN_FLAGS: '',
        OUT_DIR: join(plain.directory, 'out'),
      });
      // No threshold given: corescope's own margin decides, the action keeps no copy of it.
      expect(plain.calls()[0]?.slice(0, 4)).toEqual(['ab', '/b/a.js', '/h/a.js', '--fail-on']);

      const bad = job();
      const ran = script('run-ab.sh', [], {
        ...bad.env,
        BASE_DIR: '/b',
        HEAD_DIR: '/h',
        WORKLOADS: '../a.js',
        OUT_DIR: join(bad.directory, 'out'),
      });
      expect(ran.code).toBe(0);
      expect(bad.calls()).toEqual([]);
      expect(bad.outputs()['exit-code']).toBe('2');
      expect(readFileSync(bad.files.summary, 'utf8')).toContain('`corescope ab` exited 2 and wrote no summary');
    },
  );
});

describe('gate.sh', () => {
  it.each([
    ['0', 0, /no significant regression/],
    ['3', 3, /::error title=corescope ab::significant regression/],
    ['2', 2, /corescope ab exited 2 \(2: bad input/],
    ['', 1, /no exit code recorded/],
  ])('exit code %j fails the job with %i', (recorded, code, message) => {
    const ran = script('gate.sh', [], { AB_EXIT_CODE: recorded });
    expect(ran.code).toBe(code);
    expect(ran.stdout).toMatch(message);
  });
});

describe('history-dir.sh and history-name.sh', () => {
  it('keeps only the newest LIMIT result files', () => {
    const history = join(scratchDir(), 'history');
    const result = join(scratchDir(), 'head.json');
    writeFileSync(result, '{}');
    for (const day of ['20260101', '20260103', '20260102', '20260105', '20260104']) {
      expect(script('history-dir.sh', [history, result, `${day}T000000Z-abc.json`, '3']).code).toBe(0);
    }
    expect(readdirSync(history).sort()).toEqual([
      '20260103T000000Z-abc.json',
      '20260104T000000Z-abc.json',
      '20260105T000000Z-abc.json',
    ]);
    expect(script('history-dir.sh', [history, result, 'x.json', '0']).code).toBe(2);
    expect(script('history-dir.sh', [history, result, '../escape.json', '3']).code).toBe(2);
    expect(script('history-dir.sh', [history, join(history, 'missing.json'), 'y.json', '3']).code).toBe(2);
  });

  it('names a run by UTC time and commit, so names sort by age', () => {
    expect(script('history-name.sh', ['0123456789abcdef0123', '20260304T050607Z']).stdout).toBe(
      '20260304T050607Z-0123456789ab.json\n',
    );
    expect(script('history-name.sh', ['$(rm -rf x)/..', '20260304T050607Z']).stdout).toBe(
      '20260304T050607Z-rmrfx.json\n',
    );
    expect(script('history-name.sh', ['abc']).stdout).toMatch(/^\d{8}T\d{6}Z-abc\.json\n$/);
  });
});

describe('history-branch.sh', () => {
  /** A bare "origin" and a clone of it, like actions/checkout's head checkout. */
  function origin() {
    const root = scratchDir('corescope-branch-');
    const bare = join(root, 'origin.git');
    git(root, 'init', '-q', '--bare', '-b', 'main', bare);
    const seed = join(root, 'seed');
    git(root, 'clone', '-q', bare, seed);
    writeFileSync(join(seed, 'README'), 'project\n');
    git(seed, 'add', 'README');
    git(seed, 'commit', '-q', '-m', 'project');
    git(seed, 'push', '-q', 'origin', 'HEAD:main');
    const head = join(root, 'head');
    git(root, 'clone', '-q', '--depth', '1', `file://${bare}`, head);
    return { root, bare, head };
  }

  function record(head: string, name: string, extra: NodeJS.ProcessEnv = {}) {
    const result = join(scratchDir(), 'head.json');
    writeFileSync(result, `{"run": "${name}"}\n`);
    return script('history-branch.sh', [], {
      REPO_DIR: head,
      HISTORY_BRANCH: 'corescope-history',
      HISTORY_LIMIT: '2',
      RESULT_FILE: result,
      RESULT_NAME: name,
      ...extra,
    });
  }

  const branchFiles = (bare: string): string[] =>
    git(bare, 'ls-tree', '--name-only', 'corescope-history').split('\n').filter(Boolean);

  it('creates the branch, then keeps one commit holding the newest LIMIT files', () => {
    const { root, bare, head } = origin();
    const copy = join(root, 'copy');
    for (const name of [
      '20260101T000000Z-a.json',
      '20260102T000000Z-b.json',
      '20260103T000000Z-c.json',
      '20260104T000000Z-d.json',
    ]) {
      const ran = record(head, name, { HISTORY_COPY: copy });
      expect(ran.code, ran.stderr).toBe(0);
    }
    expect(branchFiles(bare)).toEqual(['20260103T000000Z-c.json', '20260104T000000Z-d.json']);
    // One commit, whatever the number of updates: the branch's git history does not grow either.
    expect(git(bare, 'rev-list', '--count', 'corescope-history')).toBe('1');
    expect(readdirSync(copy).sort()).toEqual(['20260103T000000Z-c.json', '20260104T000000Z-d.json']);
    expect(git(bare, 'rev-parse', 'main')).toBe(git(join(root, 'seed'), 'rev-parse', 'HEAD'));
    // The checkout is left as it was: no worktree or temporary branch behind.
    expect(git(head, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(git(head, 'branch', '--list', 'corescope-history-*')).toBe('');
  });

  it('retries when another job moved the branch after it was read, keeping both runs', () => {
    const { root, bare, head } = origin();
    expect(record(head, '20260101T000000Z-a.json').code).toBe(0);
    // A pre-push hook that, on its first call only, lets a second job update the branch first.
    const other = join(root, 'other');
    git(root, 'clone', '-q', `file://${bare}`, other);
    const hook = join(head, '.git', 'hooks', 'pre-push');
    mkdirSync(join(head, '.git', 'hooks'), { recursive: true });
    writeFileSync(
      hook,
      [
        '#!/usr/bin/env bash',
        // Git runs hooks with GIT_DIR and friends set to the pushing repository: the other job has its own.
        'unset $(env | grep -o "^GIT_[A-Z_]*")',
        `if [ ! -f "${root}/raced" ]; then`,
        `  touch "${root}/raced"`,
        `  cd "${other}" && git fetch -q origin corescope-history && git checkout -q -B h FETCH_HEAD`,
        '  echo "{}" > 20260102T000000Z-other.json && git add -A',
        '  git -c user.name=o -c user.email=o@example.org commit -qm other && git push -q origin h:corescope-history',
        'fi',
        '',
      ].join('\n'),
    );
    chmodSync(hook, 0o755);
    const ran = record(head, '20260103T000000Z-c.json', { HISTORY_LIMIT: '5' });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain('moved while updating it; retrying');
    expect(ran.stdout).toContain('(attempt 2)');
    expect(branchFiles(bare)).toEqual([
      '20260101T000000Z-a.json',
      '20260102T000000Z-other.json',
      '20260103T000000Z-c.json',
    ]);
  });

  it('refuses a branch name git would not accept', () => {
    const { head } = origin();
    const ran = record(head, 'x.json', { HISTORY_BRANCH: 'bad..name' });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^history-branch: "bad\.\.name" is not a valid branch name/);
  });
});

describe('history-summary.sh', () => {
  it('adds `corescope history` to the summary from the second run on', () => {
    const { env, files, calls, directory } = job();
    const history = join(directory, 'history');
    mkdirSync(history);
    writeFileSync(join(history, '1.json'), '{}');
    expect(script('history-summary.sh', [], { ...env, HISTORY_DIR: history }).stdout).toContain('1 run(s) so far');
    expect(calls()).toEqual([]);
    writeFileSync(join(history, '2.json'), '{}');
    expect(script('history-summary.sh', [], { ...env, HISTORY_DIR: history }).code).toBe(0);
    expect(calls()).toEqual([['history', history, '--format', 'markdown']]);
    expect(readFileSync(files.summary, 'utf8')).toBe('## corescope history (fake)\n');
  });
});

describe('aa-rate.sh', () => {
  it('counts the false alarms of RUNS A/A runs and publishes the rate', () => {
    const { env, files, calls, directory } = job();
    const out = join(directory, 'aa');
    const ran = script('aa-rate.sh', [], {
      ...env,
      FAKE_EXITS: '0,3,0,0,0',
      BASE_WORKLOADS: '/a/x.js',
      HEAD_WORKLOADS: '/b/x.js',
      RUNS: '5',
      THRESHOLD: '5',
      RUN_FLAGS: '--quick',
      OUT_DIR: out,
    });
    expect(ran.code, ran.stderr).toBe(0);
    expect(calls()).toHaveLength(5);
    expect(calls()[0]).toEqual([
      'ab',
      '/a/x.js',
      '/b/x.js',
      '--quick',
      '--threshold',
      '5',
      '--fail-on',
      'regression',
      '--format',
      'json',
      '--out',
      join(out, 'aa-1.json'),
    ]);
    expect(JSON.parse(readFileSync(join(out, 'aa.json'), 'utf8'))).toEqual({
      runs: 5,
      falseAlarms: 1,
      errors: 0,
      ratePercent: '20.0',
      threshold: '5',
      runFlags: '--quick',
      exitCodes: [0, 3, 0, 0, 0],
    });
    expect(readFileSync(files.summary, 'utf8')).toContain('| 5 | 1 | 20.0 % | 0 |');
  });

  it('leaves failed runs out of the rate and fails the job for them', () => {
    const { env, directory } = job();
    const out = join(directory, 'aa');
    const ran = script('aa-rate.sh', [], {
      ...env,
      FAKE_EXITS: '3,2,0,0',
      BASE_WORKLOADS: '/a',
      HEAD_WORKLOADS: '/b',
      RUNS: '4',
      OUT_DIR: out,
    });
    expect(ran.code).not.toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'aa.json'), 'utf8'))).toMatchObject({
      runs: 4,
      falseAlarms: 1,
      errors: 1,
      ratePercent: '33.3',
    });
    expect(
      script('aa-rate.sh', [], { ...env, RUNS: 'ten', BASE_WORKLOADS: '/a', HEAD_WORKLOADS: '/b', OUT_DIR: out }).code,
    ).toBe(2);
  });
});

describe('build-corescope.sh', () => {
  it('names the built CLI, building only when it is missing', () => {
    const { env, outputs } = job();
    const root = scratchDir();
    mkdirSync(join(root, 'dist', 'src'), { recursive: true });
    writeFileSync(join(root, 'dist', 'src', 'cli.js'), '');
    // npm is not on this PATH: a build attempt would fail the script.
    const ran = spawnSync('bash', [join(SCRIPTS, 'build-corescope.sh')], {
      env: { PATH: '/usr/bin:/bin', ...env, CORESCOPE_ROOT: root },
      encoding: 'utf8',
    });
    expect(ran.status, ran.stderr).toBe(0);
    expect(outputs()).toEqual({ cli: join(root, 'dist', 'src', 'cli.js') });
  });
});
