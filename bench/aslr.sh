#!/usr/bin/env bash
# Is the spread between fresh JVMs the process's address layout? Runs bench/W3 (3 timed fits and predicts, spe 1) in
# fresh JVMs, ROUNDS times with address-space randomization on and then off (setarch -R), one line per process.
# Usage: bash bench/aslr.sh [rounds, default 6]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
${MVN:-mvn} -B -ntp -q -DskipTests package dependency:build-classpath -pl keras4j,bench -am \
  -Dmdep.outputFile=target/cp.txt >/dev/null
CP="bench/target/classes:keras4j/target/classes:$(cat bench/target/cp.txt)"
export TF_CPP_MIN_LOG_LEVEL=2
for r in $(seq 1 "${1:-6}"); do
  for mode in on off; do
    pre=""
    if [ "$mode" = off ]; then pre="setarch x86_64 -R"; fi
    # shellcheck disable=SC2086
    out=$($pre java -cp "$CP" io.keras4j.bench.W3 3 1 2>/dev/null | awk '{printf "%s=%s ", $1, $2}')
    echo "$r $mode $out"
  done
done
