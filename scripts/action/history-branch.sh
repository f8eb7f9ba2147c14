#!/usr/bin/env bash
# Keeps a capped history on a branch: the branch always holds ONE commit with the newest LIMIT result files,
# replaced on every update (force-pushed with a lease, retried when another job updated it first), so neither
# its files nor its git history grow. It works in a worktree of REPO_DIR, whose remote and credentials
# (actions/checkout's) it uses. Needs `contents: write`.
# Env: REPO_DIR, HISTORY_BRANCH, HISTORY_LIMIT, RESULT_FILE, RESULT_NAME, HISTORY_COPY (a directory that gets
#      the history's files afterwards, for `corescope history`).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="${REPO_DIR:?REPO_DIR is not set}"
branch="${HISTORY_BRANCH:?HISTORY_BRANCH is not set}"
result="$(cd "$(dirname "${RESULT_FILE:?RESULT_FILE is not set}")" && pwd)/$(basename "$RESULT_FILE")"
git check-ref-format --branch "$branch" > /dev/null 2>&1 || { echo "history-branch: \"$branch\" is not a valid branch name" >&2; exit 2; }
cd "$repo"
for attempt in 1 2 3 4 5; do
  work="$(mktemp -d)"
  if git fetch -q --depth 1 origin "refs/heads/$branch" 2> /dev/null; then
    lease="$(git rev-parse FETCH_HEAD)"
    git worktree add -q --detach "$work" FETCH_HEAD
  else
    lease="" # the branch does not exist yet: the push must create it
    git worktree add -q --detach "$work" HEAD
    git -C "$work" rm -rq --ignore-unmatch .
  fi
  git -C "$work" checkout -q --orphan "corescope-history-$$-$attempt"
  "$here/history-dir.sh" "$work" "$result" "${RESULT_NAME:?RESULT_NAME is not set}" "${HISTORY_LIMIT:?HISTORY_LIMIT is not set}"
  git -C "$work" add -A
  git -C "$work" -c user.name='corescope' -c user.email='corescope@users.noreply.github.com' commit -qm "corescope history: $RESULT_NAME (newest $HISTORY_LIMIT runs)"
  if git -C "$work" push -q --force-with-lease="refs/heads/$branch:$lease" origin "HEAD:refs/heads/$branch"; then
    if [ -n "${HISTORY_COPY:-}" ]; then
      # A mirror of the branch: files it no longer holds go from the copy too.
      mkdir -p "$HISTORY_COPY"
      find "$HISTORY_COPY" -maxdepth 1 -type f -name '*.json' -exec rm -f {} +
      find "$work" -maxdepth 1 -type f -name '*.json' -exec cp {} "$HISTORY_COPY/" \;
    fi
    git worktree remove --force "$work"
    git branch -q -D "corescope-history-$$-$attempt" > /dev/null 2>&1 || true
    echo "history-branch: $branch updated (attempt $attempt)"
    exit 0
  fi
  git worktree remove --force "$work"
  git branch -q -D "corescope-history-$$-$attempt" > /dev/null 2>&1 || true
  echo "history-branch: $branch moved while updating it; retrying" >&2
  sleep "$attempt"
done
echo "history-branch: could not update $branch after 5 attempts" >&2
exit 1
