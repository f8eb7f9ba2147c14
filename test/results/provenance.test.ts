import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultFile } from '../../src/results/load.js';
import { probeProvenance } from '../../src/results/provenance.js';
import { provenanceSchema } from '../../src/results/provenance-schema.js';
import { resultFileSchema } from '../../src/results/schema.js';
import { runCli, scratchDir } from '../helpers/cli.js';
import { syntheticResult } from '../helpers/result-fixture.js';

const COMMITTED_AT = '2026-03-04T05:06:07+02:00';
/** An environment with no CI variables at all, so the machine running the tests cannot leak into them. */
const NO_CI: NodeJS.ProcessEnv = {};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: COMMITTED_AT, GIT_COMMITTER_DATE: COMMITTED_AT, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' },
  }).trim();
}

/** A real git repository with one commit on branch `feature/x`. */
function repository(): string {
  const directory = scratchDir('corescope-git-');
  git(directory, 'init', '-q', '-b', 'feature/x');
  writeFileSync(join(directory, 'workload.js'), 'export default 1;\n');
  git(directory, 'add', 'workload.js');
  git(directory, 'commit', '-q', '-m', 'first');
  return directory;
}

const GITHUB = (sha: string): NodeJS.ProcessEnv => ({
  GITHUB_ACTIONS: 'true',
  GITHUB_SHA: sha,
  GITHUB_REF_NAME: '42/merge',
  GITHUB_HEAD_REF: 'my-pr-branch',
  GITHUB_RUN_ID: '987654',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_REPOSITORY: 'octo/corescope',
  GITHUB_SERVER_URL: 'https://github.example',
});

describe('probeProvenance', () => {
  it('reads commit, committer time, branch and a clean state from the git checkout', () => {
    const directory = repository();
    const provenance = probeProvenance({ cwd: directory, env: NO_CI });
    expect(provenance).toEqual({
      commit: git(directory, 'rev-parse', 'HEAD'),
      commitTime: '2026-03-04T03:06:07.000Z',
      branch: 'feature/x',
      dirty: false,
      source: 'git',
    });
    expect(provenanceSchema.parse(provenance)).toEqual(provenance);
  });

  it('is dirty when a tracked file changed, not when an untracked file appeared', () => {
    const directory = repository();
    writeFileSync(join(directory, 'new-untracked.txt'), 'x');
    expect(probeProvenance({ cwd: directory, env: NO_CI })?.dirty).toBe(false);
    writeFileSync(join(directory, 'workload.js'), 'export default 2;\n');
    expect(probeProvenance({ cwd: directory, env: NO_CI })?.dirty).toBe(true);
  });

  it("names the CI job; takes the CI's branch only for the CI's own commit", () => {
    const directory = repository();
    git(directory, 'checkout', '-q', '--detach');
    const head = git(directory, 'rev-parse', 'HEAD');
    const own = probeProvenance({ cwd: directory, env: GITHUB(head) });
    expect(own?.commit).toBe(head);
    expect(own?.branch).toBe('my-pr-branch');
    expect(own?.ci).toEqual({
      service: 'github-actions',
      repository: 'octo/corescope',
      sha: head,
      ref: 'my-pr-branch',
      runId: '987654',
      runAttempt: '2',
      url: 'https://github.example/octo/corescope/actions/runs/987654/attempts/2',
    });
    // A base checkout in a pull-request job: detached at another commit than GITHUB_SHA, so no branch is claimed.
    const other = probeProvenance({ cwd: directory, env: GITHUB('f'.repeat(40)) });
    expect(other?.commit).toBe(head);
    expect(other?.branch).toBeUndefined();
    expect(other?.source).toBe('git');
  });

  it('falls back to the CI variables when there is no git, and never throws', () => {
    const outside = scratchDir('corescope-nogit-');
    const sha = 'a'.repeat(40);
    const provenance = probeProvenance({ cwd: outside, env: GITHUB(sha), git: join(outside, 'no-such-git') });
    expect(provenance).toMatchObject({ commit: sha, branch: 'my-pr-branch', source: 'ci' });
    expect(provenance?.dirty).toBeUndefined();
    expect(probeProvenance({ cwd: outside, env: NO_CI, git: join(outside, 'no-such-git') })).toBeUndefined();
    // A directory that is not a checkout, with a real git.
    expect(probeProvenance({ cwd: outside, env: NO_CI })).toBeUndefined();
  });

  it('reads GitLab and CircleCI variables', () => {
    const noGit = { cwd: scratchDir(), git: '/nonexistent/git' };
    expect(
      probeProvenance({ ...noGit, env: { GITLAB_CI: 'true', CI_COMMIT_SHA: 'b'.repeat(40), CI_COMMIT_REF_NAME: 'main', CI_PIPELINE_ID: '77', CI_PROJECT_PATH: 'g/p', CI_PIPELINE_URL: 'https://gl/p/-/pipelines/77' } }),
    ).toEqual({ commit: 'b'.repeat(40), branch: 'main', source: 'ci', ci: { service: 'gitlab-ci', repository: 'g/p', sha: 'b'.repeat(40), ref: 'main', runId: '77', url: 'https://gl/p/-/pipelines/77' } });
    expect(probeProvenance({ ...noGit, env: { CIRCLECI: 'true', CIRCLE_SHA1: 'c'.repeat(40), CIRCLE_BRANCH: 'dev', CIRCLE_PROJECT_USERNAME: 'u', CIRCLE_PROJECT_REPONAME: 'r' } })?.ci).toEqual({
      service: 'circleci',
      repository: 'u/r',
      sha: 'c'.repeat(40),
      ref: 'dev',
    });
  });

  it('gives up on a git that hangs within its timeout', () => {
    const directory = scratchDir('corescope-slowgit-');
    const slowGit = join(directory, 'git');
    writeFileSync(slowGit, '#!/bin/sh\nexec sleep 20\n');
    chmodSync(slowGit, 0o755);
    const started = Date.now();
    expect(probeProvenance({ cwd: directory, env: NO_CI, git: slowGit, timeoutMs: 200 })).toBeUndefined();
    // One call timed out and no further call was made: well under the 20 s the fake git would take.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('bounds hostile CI values to what the schema accepts', () => {
    const provenance = probeProvenance({ cwd: scratchDir(), git: '/nonexistent/git', env: { GITHUB_ACTIONS: 'true', GITHUB_HEAD_REF: 'x'.repeat(5000), GITHUB_SHA: 'd'.repeat(40) } });
    expect(provenance?.branch).toHaveLength(1000);
    const result = { ...syntheticResult(), provenance };
    expect(resultFileSchema.safeParse(result).success).toBe(true);
  });
});

describe('corescope run records provenance', () => {
  it('writes the checkout it ran in into the result file', async () => {
    const directory = repository();
    mkdirSync(join(directory, 'results'));
    const out = join(directory, 'results', 'run.json');
    const run = await runCli(['run', '--quick', '--rounds', '1', '--warmup', '0', '--tasks', '2', '--threads', '1', '-s', 'sequential', '-w', 'io-timer', '--size', '1', '--out', out], {
      cwd: directory,
      env: { GITHUB_ACTIONS: '', GITLAB_CI: '', CIRCLECI: '' },
    });
    expect(run.code, run.stderr).toBe(0);
    const provenance = readResultFile(out).provenance;
    expect(provenance?.commit).toBe(git(directory, 'rev-parse', 'HEAD'));
    expect(provenance?.branch).toBe('feature/x');
    expect(provenance?.commitTime).toBe('2026-03-04T03:06:07.000Z');
  });
});
