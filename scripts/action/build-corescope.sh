#!/usr/bin/env bash
# Builds the corescope that runs `ab`: the action's own copy (its checkout at the ref the workflow pinned), so a
# base commit that predates `ab` is measured by the same tool as the head. Installs only from the npm registry.
# Env: CORESCOPE_ROOT (the action's directory). Output: cli=<path of the built CLI>.
set -euo pipefail
root="${CORESCOPE_ROOT:?CORESCOPE_ROOT (the action directory) is not set}"
cd "$root"
if [ ! -f dist/src/cli.js ]; then
  npm ci --no-audit --no-fund
  npm run build --silent
fi
echo "cli=$root/dist/src/cli.js" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
