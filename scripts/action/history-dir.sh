#!/usr/bin/env bash
# Adds one result file to a history directory and keeps only the newest LIMIT files, so the history stays
# bounded however long it runs (github-action-benchmark's ever-growing data.js reached gigabytes). File names
# start with a UTC timestamp, so their sorted order is their age.
# Usage: history-dir.sh DIR RESULT_FILE NAME LIMIT
set -euo pipefail
dir="${1:?usage: history-dir.sh DIR RESULT_FILE NAME LIMIT}"
file="${2:?usage: history-dir.sh DIR RESULT_FILE NAME LIMIT}"
name="${3:?usage: history-dir.sh DIR RESULT_FILE NAME LIMIT}"
limit="${4:?usage: history-dir.sh DIR RESULT_FILE NAME LIMIT}"
case "$limit" in '' | *[!0-9]* | 0) echo "history-limit: \"$limit\" is not a whole number of files above 0" >&2; exit 2 ;; esac
case "$name" in */* | .* | '') echo "history: \"$name\" is not a plain file name" >&2; exit 2 ;; esac
[ -f "$file" ] || { echo "history: $file: no such result file" >&2; exit 2; }
mkdir -p "$dir"
cp "$file" "$dir/$name"
# Plain bash 3.2 (macOS): a glob in the C locale lists the names in byte order, oldest first.
export LC_ALL=C
shopt -s nullglob
all=("$dir"/*.json)
excess=$(( ${#all[@]} - limit ))
for (( i = 0; i < excess; i++ )); do rm -f "${all[$i]}"; done
kept=$(( ${#all[@]} - (excess > 0 ? excess : 0) ))
echo "history: $kept of at most $limit result files in $dir"
