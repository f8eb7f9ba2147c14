#!/usr/bin/env bash
# Appends `corescope history` of the history directory to the job summary, once it holds two or more runs.
# It reports only: the pull request's gate is `ab`. Env: CORESCOPE_CLI, HISTORY_DIR, GITHUB_STEP_SUMMARY.
set -uo pipefail
dir="${HISTORY_DIR:?HISTORY_DIR is not set}"
count="$(find "$dir" -maxdepth 1 -type f -name '*.json' 2> /dev/null | wc -l)"
if [ "$count" -lt 2 ]; then
  echo "history: $count run(s) so far; the trend starts at 2"
  exit 0
fi
if ! node "${CORESCOPE_CLI:?CORESCOPE_CLI is not set}" history "$dir" --format markdown >> "${GITHUB_STEP_SUMMARY:?GITHUB_STEP_SUMMARY is not set}"; then
  echo "::warning::corescope history could not read $dir (see above)"
fi
exit 0
