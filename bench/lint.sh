#!/usr/bin/env bash
# Lint timings as a whole process (what a pre-commit hook feels): the 3-location salon
# example with clean bot configs, and a generated 1,000-location business.
# Usage: bench/lint.sh [path/to/regl]   (default: target/release/regl)
set -euo pipefail
cd "$(dirname "$0")/.."
REGL=$(realpath "${1:-target/release/regl}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 bench/make_business.py "$WORK/small" 3
python3 bench/make_business.py "$WORK/large" 1000

run() { # name dir runs
  local name=$1 dir=$2 n=$3 best=-1 total=0
  for _ in $(seq "$n"); do
    local t0 t1 ms
    t0=$(date +%s%N)
    (cd "$dir" && REGL_TODAY=2026-12-10 "$REGL" lint >/dev/null) || true
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000 ))
    total=$((total + ms)); (( best < 0 || ms < best )) && best=$ms
  done
  printf '%-28s best %6.1f ms   mean %6.1f ms   (%d runs)\n' "$name" \
    "$(echo "$best/1000" | bc -l)" "$(echo "$total/$n/1000" | bc -l)" "$n"
}
run "3 locations"     "$WORK/small" 50
run "1,000 locations" "$WORK/large" 10
