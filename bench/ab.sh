#!/usr/bin/env bash
# Before/after check of keras4j's W1-W3 with more repetitions than bench/compare.sh: builds BASE (a commit) in a
# temporary worktree and this checkout, compiles bench/Repeat against each, then runs the two alternately in fresh
# JVMs, ROUNDS times for steps_per_execution 1 and 32. Prints each workload's median for both and their ratio.
# Usage: bash bench/ab.sh BASE [rounds, default 3]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="$1"
ROUNDS="${2:-3}"
OUT="$PWD/bench/results/ab"
TMP="$(mktemp -d)"
rm -rf "$OUT" && mkdir -p "$OUT"
export TF_CPP_MIN_LOG_LEVEL=2
# shellcheck source=bench/alternate.sh
source bench/alternate.sh

git worktree add -q --detach "$TMP/base" "$BASE"
trap 'git worktree remove --force "$TMP/base"' EXIT
build() { # $1: source tree, $2: where Repeat is compiled; prints the class path
  (cd "$1" && mvn -B -ntp -q -DskipTests package dependency:build-classpath -pl keras4j,bench \
    -Dmdep.outputFile=target/cp.txt >/dev/null)
  local cp
  cp="$(cat "$1/bench/target/cp.txt"):$1/bench/target/classes"
  mkdir -p "$2"
  javac -d "$2" -cp "$cp" bench/src/main/java/io/keras4j/bench/Repeat.java
  echo "$2:$cp"
}
BASE_CP="$(build "$TMP/base" "$TMP/base-repeat")"
HEAD_CP="$(build "$PWD" "$TMP/head-repeat")"

alternate "$OUT" "$ROUNDS" "$BASE_CP" "$HEAD_CP"
java -cp "$HEAD_CP" io.keras4j.bench.Compare "$OUT" "$(git -C "$TMP/base" rev-parse --short HEAD)" \
  "$(git rev-parse --short HEAD)"
