import { execFileSync } from 'node:child_process';
import type { CiProvenance, Provenance } from './provenance-schema.js';

/**
 * Probes where a run's code came from. The git checkout of the working directory is asked first, because it
 * names the code actually measured: a CI job that checks out a base and a head side by side has one
 * GITHUB_SHA for both, and only the checkout knows which is which. The CI's variables fill what git cannot
 * say (no checkout, a detached HEAD) and name the job. Nothing here may fail or stall a run: every git call
 * has a short timeout and any failure only leaves a field out.
 */

export interface ProvenanceOptions {
  /** Directory whose git checkout is asked (default: the working directory). */
  cwd?: string;
  /** Where the CI variables are read (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** The git executable (default: `git` on PATH). */
  git?: string;
  /** Limit per git call, ms. */
  timeoutMs?: number;
}

/** A git call slower than this is given up: a run must not wait on a network file system or a huge index. */
export const GIT_TIMEOUT_MS = 2000;

interface GitFacts {
  commit?: string;
  commitTime?: string;
  branch?: string;
  dirty?: boolean;
}

/** Reads one CI service's variables; undefined when the service is not the one running. */
type CiReader = (env: NodeJS.ProcessEnv) => CiProvenance | undefined;

const CI_READERS: readonly CiReader[] = [
  (env) => {
    if (!present(env.GITHUB_ACTIONS)) return undefined;
    const server = value(env.GITHUB_SERVER_URL) ?? 'https://github.com';
    const repository = value(env.GITHUB_REPOSITORY);
    const runId = value(env.GITHUB_RUN_ID);
    const runAttempt = value(env.GITHUB_RUN_ATTEMPT);
    const url = repository !== undefined && runId !== undefined ? `${server}/${repository}/actions/runs/${runId}${runAttempt !== undefined ? `/attempts/${runAttempt}` : ''}` : undefined;
    // GITHUB_HEAD_REF is set on pull requests only (the source branch); GITHUB_REF_NAME is then "123/merge".
    return compact({ service: 'github-actions', repository, sha: value(env.GITHUB_SHA), ref: value(env.GITHUB_HEAD_REF) ?? value(env.GITHUB_REF_NAME), runId, runAttempt, url });
  },
  (env) => {
    if (!present(env.GITLAB_CI)) return undefined;
    return compact({
      service: 'gitlab-ci',
      repository: value(env.CI_PROJECT_PATH),
      sha: value(env.CI_COMMIT_SHA),
      ref: value(env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME) ?? value(env.CI_COMMIT_REF_NAME),
      runId: value(env.CI_PIPELINE_ID),
      url: value(env.CI_PIPELINE_URL),
    });
  },
  (env) => {
    if (!present(env.CIRCLECI)) return undefined;
    const user = value(env.CIRCLE_PROJECT_USERNAME);
    const repo = value(env.CIRCLE_PROJECT_REPONAME);
    return compact({
      service: 'circleci',
      repository: user !== undefined && repo !== undefined ? `${user}/${repo}` : undefined,
      sha: value(env.CIRCLE_SHA1),
      ref: value(env.CIRCLE_BRANCH) ?? value(env.CIRCLE_TAG),
      runId: value(env.CIRCLE_WORKFLOW_ID),
      url: value(env.CIRCLE_BUILD_URL),
    });
  },
];

export function probeProvenance(options: ProvenanceOptions = {}): Provenance | undefined {
  const env = options.env ?? process.env;
  const ci = CI_READERS.map((read) => read(env)).find((found) => found !== undefined);
  const git = probeGit(options.cwd ?? process.cwd(), options.git ?? 'git', options.timeoutMs ?? GIT_TIMEOUT_MS);
  const commit = git.commit ?? ci?.sha;
  // The CI's branch describes the CI's commit: it is given to a checkout only when that is the commit measured
  // (a base checkout in a pull-request job is not on the pull request's branch).
  const ciBranch = ci?.ref !== undefined && commit !== undefined && commit === ci.sha ? ci.ref : undefined;
  const branch = git.branch ?? ciBranch;
  const provenance = compact({
    commit,
    commitTime: git.commitTime,
    branch,
    dirty: git.dirty,
    source: git.commit !== undefined ? 'git' : commit !== undefined ? 'ci' : undefined,
    ci,
  }) as Provenance;
  return Object.keys(provenance).length === 0 ? undefined : provenance;
}

/** HEAD's hash and committer date, its branch (none when detached) and whether tracked files changed. */
export function probeGit(cwd: string, git: string, timeoutMs: number): GitFacts {
  const run = (args: string[]): string | undefined => {
    try {
      return execFileSync(git, args, {
        cwd,
        encoding: 'utf8',
        timeout: timeoutMs,
        stdio: ['ignore', 'pipe', 'ignore'],
        // No index refresh written by `git status`: probing must not touch the checkout it describes.
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
        maxBuffer: 1024 * 1024,
      });
    } catch {
      return undefined; // no git, not a checkout, no commit yet, timed out: the field stays out
    }
  };
  const head = run(['log', '-1', '--format=%H%n%cI'])?.trim().split('\n');
  const commit = head?.[0] !== undefined && /^[0-9a-f]{40,64}$/.test(head[0]) ? head[0] : undefined;
  if (commit === undefined) return {};
  const committed = new Date(head?.[1] ?? '');
  const branch = run(['rev-parse', '--abbrev-ref', 'HEAD'])?.trim();
  const status = run(['status', '--porcelain', '--untracked-files=no']);
  return compact({
    commit,
    commitTime: Number.isNaN(committed.getTime()) ? undefined : committed.toISOString(),
    branch: branch === undefined || branch === '' || branch === 'HEAD' ? undefined : branch,
    dirty: status === undefined ? undefined : status.trim() !== '',
  });
}

function present(variable: string | undefined): boolean {
  return variable !== undefined && variable !== '' && variable !== 'false' && variable !== '0';
}

/** A variable's value, bounded like the schema bounds it; empty means unset. */
function value(variable: string | undefined): string | undefined {
  const trimmed = variable?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed.slice(0, 1000);
}

/** Drops the undefined fields, so a file holds only what is known. */
function compact<T extends Record<string, unknown>>(record: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const defined = Object.entries(record).filter(([, field]) => field !== undefined);
  return Object.fromEntries(defined) as { [K in keyof T]: Exclude<T[K], undefined> };
}
