#!/usr/bin/env bash
# The history file name of a run: <UTC timestamp>-<commit>.json, so names sort by age.
# Usage: history-name.sh COMMIT [TIMESTAMP]
set -euo pipefail
commit="${1:-unknown}"
stamp="${2:-$(date -u +%Y%m%dT%H%M%SZ)}"
commit="$(printf '%s' "$commit" | tr -cd '0-9A-Za-z' | cut -c1-12)"
printf '%s-%s.json\n' "$stamp" "${commit:-unknown}"
