#!/usr/bin/env bash
# The measured false-alarm rate of the gate: `corescope ab` of one version against itself (A/A) RUNS times.
# Every exit 3 is a false alarm, since nothing changed. Publishes the rate in the job summary and aa.json.
# Env: CORESCOPE_CLI, BASE_WORKLOADS, HEAD_WORKLOADS (the same code, e.g. two checkouts of one commit),
#      RUNS, RUN_FLAGS (split on blanks), THRESHOLD, OUT_DIR, GITHUB_STEP_SUMMARY.
set -uo pipefail
runs="${RUNS:-10}"
case "$runs" in '' | *[!0-9]* | 0) echo "runs: \"$runs\" is not a whole number above 0" >&2; exit 2 ;; esac
out="${OUT_DIR:?OUT_DIR is not set}"
mkdir -p "$out"
read -ra flags <<< "${RUN_FLAGS:-}"
# No threshold given: corescope's own margin, so the action never keeps a second copy of it.
if [ -n "${THRESHOLD:-}" ]; then flags+=(--threshold "$THRESHOLD"); fi
threshold="${THRESHOLD:-the default}"
alarms=0
errors=0
codes=()
for (( i = 1; i <= runs; i++ )); do
  node "${CORESCOPE_CLI:?CORESCOPE_CLI is not set}" ab "${BASE_WORKLOADS:?BASE_WORKLOADS is not set}" "${HEAD_WORKLOADS:?HEAD_WORKLOADS is not set}" ${flags[@]+"${flags[@]}"} \
    --fail-on regression --format json --out "$out/aa-$i.json"
  code=$?
  codes+=("$code")
  if [ "$code" -eq 3 ]; then alarms=$((alarms + 1)); elif [ "$code" -ne 0 ]; then errors=$((errors + 1)); fi
done
judged=$((runs - errors))
rate="$(awk -v a="$alarms" -v n="$judged" 'BEGIN { if (n > 0) printf "%.1f", 100 * a / n; else printf "n/a" }')"
printf '{"runs": %d, "falseAlarms": %d, "errors": %d, "ratePercent": "%s", "threshold": "%s", "runFlags": "%s", "exitCodes": [%s]}\n' \
  "$runs" "$alarms" "$errors" "$rate" "$threshold" "${RUN_FLAGS:-}" "$(IFS=,; echo "${codes[*]}")" > "$out/aa.json"
{
  echo '### corescope A/A: measured false-alarm rate'
  echo
  echo "\`corescope ab\` of one version against itself, $runs times (threshold $threshold, flags \`${RUN_FLAGS:-none}\`):"
  echo
  echo '| runs judged | false alarms (exit 3) | rate | errors |'
  echo '| ---: | ---: | ---: | ---: |'
  echo "| $judged | $alarms | $rate % | $errors |"
  echo
} >> "${GITHUB_STEP_SUMMARY:?GITHUB_STEP_SUMMARY is not set}"
echo "A/A: $alarms false alarm(s) in $judged judged run(s) ($rate %), $errors error(s)"
[ "$errors" -eq 0 ]
