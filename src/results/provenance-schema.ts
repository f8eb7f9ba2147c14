import { z } from 'zod';

/**
 * Where a run's code came from: the commit and branch measured, and the CI job that ran it. Every field is
 * optional because any of them may be unknown (no git, a tarball, a CI service we do not read), and a run never
 * fails for want of them. `corescope history` orders files by `commitTime` where every file has one.
 */

/** Strings from the environment are untrusted: bounded, so a hostile variable cannot bloat every result file. */
const text = z.string().min(1).max(1000);

export const ciProvenanceSchema = z.object({
  /** The service, named as environment.ci names it: `github-actions`, `gitlab-ci`, `circleci`. */
  service: text,
  /** `owner/name` (GitHub), the project path (GitLab), `user/repo` (CircleCI). */
  repository: text.optional(),
  /** The commit the CI job was started for. On a GitHub pull request this is the merge commit. */
  sha: text.optional(),
  /** The branch (or tag) the CI job was started for; a pull request's source branch. */
  ref: text.optional(),
  /** GitHub's run id, GitLab's pipeline id, CircleCI's workflow id. */
  runId: text.optional(),
  /** GitHub's run attempt (1 for the first try of a run). */
  runAttempt: text.optional(),
  /** The job's page. */
  url: text.optional(),
});

export const provenanceSchema = z.object({
  /** The commit measured: HEAD of the git checkout the run started in, else the CI's commit. */
  commit: text.optional(),
  /** Committer date of `commit`, UTC: the order of commits on one branch, even in a shallow clone. */
  commitTime: z.iso.datetime().optional(),
  /** The branch measured; absent on a detached HEAD that is not the CI job's own commit. */
  branch: text.optional(),
  /** Tracked files differed from `commit` when the run started (untracked files are not counted). */
  dirty: z.boolean().optional(),
  /** Where `commit` came from: the git checkout, or the CI's variables when there was no checkout. */
  source: z.enum(['git', 'ci']).optional(),
  ci: ciProvenanceSchema.optional(),
});

export type Provenance = z.infer<typeof provenanceSchema>;
export type CiProvenance = z.infer<typeof ciProvenanceSchema>;
