#!/usr/bin/env bash
# Profiles keras4j's workloads by TensorFlow op type (step statistics of every run; tracing slows the runs, so the
# figures are shares, not speeds). Writes bench/results/profile_<workload>.md.
# Usage: bash bench/profile.sh [workload ...]   (default: w1_predict w2_train w3_predict; also w1_train, w3_train; from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2
mkdir -p bench/results
mvn -B -q install -DskipTests
(cd bench && mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null)
CP="$(cat bench/target/cp.txt):bench/target/classes"
for w in "${@:-w1_predict w2_train w3_predict}"; do
  for one in $w; do
    java -Dkeras4j.profile="bench/results/profile_$one.md" -cp "$CP" io.keras4j.bench.Profile "$one" 2>/dev/null \
      | tee -a "bench/results/profile_$one.wall"
    echo "== $one"; head -16 "bench/results/profile_$one.md"
  done
done
