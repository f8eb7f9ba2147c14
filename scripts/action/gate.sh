#!/usr/bin/env bash
# Fails the job the way `corescope ab` ended, after the results were uploaded and recorded.
# Env: AB_EXIT_CODE (run-ab.sh's exit-code output).
set -euo pipefail
code="${AB_EXIT_CODE:-}"
case "$code" in
  0) echo 'corescope ab: no significant regression beyond the threshold'; exit 0 ;;
  3) echo '::error title=corescope ab::significant regression beyond the threshold (see the job summary)'; exit 3 ;;
  '' | *[!0-9]*) echo "::error title=corescope ab::no exit code recorded (\"$code\")"; exit 1 ;;
  *) echo "::error title=corescope ab::corescope ab exited $code (2: bad input, 1: a workload failed; see the step log)"; exit "$code" ;;
esac
