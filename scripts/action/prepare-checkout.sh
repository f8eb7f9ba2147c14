#!/usr/bin/env bash
# Installs and builds one checkout (base or head) so its workload files can be loaded.
# Usage: prepare-checkout.sh DIR. Env: INSTALL_COMMAND, BUILD_COMMAND (either may be empty: skipped).
# The commands are the workflow author's own, run as given, as a `run:` step would run them.
set -euo pipefail
dir="${1:?usage: prepare-checkout.sh DIR}"
cd "$dir"
if [ -n "${INSTALL_COMMAND:-}" ]; then bash -euo pipefail -c "$INSTALL_COMMAND"; fi
if [ -n "${BUILD_COMMAND:-}" ]; then bash -euo pipefail -c "$BUILD_COMMAND"; fi
