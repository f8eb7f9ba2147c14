#!/usr/bin/env bash
# Runs `corescope ab` on the base and head checkouts and appends its Markdown to the job summary. It never
# fails the step itself: the result files must still be uploaded, so gate.sh fails the job afterwards.
# Env: CORESCOPE_CLI, BASE_DIR, HEAD_DIR, WORKLOADS, THRESHOLD, FAIL_ON, RUN_FLAGS (split on blanks),
#      OUT_DIR, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY.
# Outputs: exit-code, regression (true|false), summary, base-result, head-result.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${OUT_DIR:?OUT_DIR is not set}"
mkdir -p "$out"
summary="$out/summary.md"
base_result="$out/base.json"
head_result="$out/head.json"

code=0
base_workloads="$("$here/workload-paths.sh" "${BASE_DIR:?BASE_DIR is not set}" "${WORKLOADS:-}")" || code=2
head_workloads="$("$here/workload-paths.sh" "${HEAD_DIR:?HEAD_DIR is not set}" "${WORKLOADS:-}")" || code=2
if [ "$code" -eq 0 ]; then
  read -ra flags <<< "${RUN_FLAGS:-}"
  # No threshold given: corescope's own margin, so the action never keeps a second copy of it.
  if [ -n "${THRESHOLD:-}" ]; then flags+=(--threshold "$THRESHOLD"); fi
  node "${CORESCOPE_CLI:?CORESCOPE_CLI is not set}" ab "$base_workloads" "$head_workloads" ${flags[@]+"${flags[@]}"} \
    --fail-on "${FAIL_ON:-regression}" \
    --format markdown --out "$summary" --base-out "$base_result" --head-out "$head_result"
  code=$?
fi

if [ -s "$summary" ]; then
  cat "$summary" >> "${GITHUB_STEP_SUMMARY:?GITHUB_STEP_SUMMARY is not set}"
else
  # shellcheck disable=SC2016 # the backticks are Markdown
  printf '### corescope ab\n\n`corescope ab` exited %s and wrote no summary: see the step log.\n' "$code" >> "${GITHUB_STEP_SUMMARY:?GITHUB_STEP_SUMMARY is not set}"
fi
{
  echo "exit-code=$code"
  echo "regression=$([ "$code" -eq 3 ] && echo true || echo false)"
  echo "summary=$summary"
  echo "base-result=$base_result"
  echo "head-result=$head_result"
} >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
exit 0
