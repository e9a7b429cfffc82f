#!/usr/bin/env bash
# Before/after check of keras4j's own Java workloads (W1-W3 of bench/Bench, keras4j and raw TensorFlow Java): builds
# BASE (a commit) in a temporary worktree and this checkout, then runs the two alternately, ROUNDS times each, in
# fresh JVMs, so that both see the same machine. Prints each workload's median for both and their ratio.
# Usage: bash bench/compare.sh BASE [runs per round, default 3] [rounds, default 2]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="$1"
RUNS="${2:-3}"
ROUNDS="${3:-2}"
OUT="$PWD/bench/results/compare"
BASE_DIR="$(mktemp -d)/base"
mkdir -p "$OUT"
export TF_CPP_MIN_LOG_LEVEL=2

git worktree add -q --detach "$BASE_DIR" "$BASE"
trap 'git worktree remove --force "$BASE_DIR"' EXIT
build() {
  (cd "$1" && mvn -B -ntp -q -DskipTests package dependency:build-classpath -pl keras4j,bench \
    -Dmdep.outputFile=target/cp.txt >/dev/null)
  echo "$(cat "$1/bench/target/cp.txt"):$1/bench/target/classes"
}
BASE_CP="$(build "$BASE_DIR")"
HEAD_CP="$(build "$PWD")"

for r in $(seq 1 "$ROUNDS"); do
  (cd "$BASE_DIR" && java -cp "$BASE_CP" io.keras4j.bench.Bench "$RUNS" "$OUT/base-$r.json" 2>/dev/null)
  java -cp "$HEAD_CP" io.keras4j.bench.Bench "$RUNS" "$OUT/head-$r.json" 2>/dev/null
done
java -cp "$HEAD_CP" io.keras4j.bench.Compare "$OUT" "$(git -C "$BASE_DIR" rev-parse --short HEAD)" \
  "$(git rev-parse --short HEAD)"
