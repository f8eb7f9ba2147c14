#!/usr/bin/env bash
# Prints the workloads of one checkout for `corescope ab`: each comma-separated item of WORKLOADS (a workload
# file or a directory of them, relative to the repository root) prefixed with the checkout's directory, joined
# with commas again. Usage: workload-paths.sh CHECKOUT_DIR "a.js,bench/b.js" -> CHECKOUT_DIR/a.js,CHECKOUT_DIR/bench/b.js
set -euo pipefail
dir="${1:?usage: workload-paths.sh CHECKOUT_DIR WORKLOADS}"
list="${2:-}"
out=""
IFS=',' read -ra items <<< "$list"
for item in "${items[@]}"; do
  item="${item#"${item%%[![:space:]]*}"}" # trim leading blanks
  item="${item%"${item##*[![:space:]]}"}" # trim trailing blanks
  [ -z "$item" ] && continue
  case "$item" in
    /* | *..*) echo "workloads: \"$item\" must be a path inside the repository (relative, no ..)" >&2; exit 2 ;;
  esac
  out="${out:+$out,}$dir/${item#./}"
done
if [ -z "$out" ]; then echo 'workloads: give at least one workload file or directory' >&2; exit 2; fi
printf '%s\n' "$out"
