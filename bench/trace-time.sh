#!/usr/bin/env bash
# Trace time (docs/performance.md, "Trace time"): TraceTime for W1-W3 at steps_per_execution 1 and 32, a fresh JVM per
# case, a base build and this build interleaved. Usage (repository root, after `mvn -pl bench -am compile` and
# `(cd bench && mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt)`):
#   flock /tmp/bench.lock bash bench/trace-time.sh BASE_KERAS4J_CLASSES [reps]
set -euo pipefail
BASE="$1"
REPS="${2:-1}"
DEPS=$(tr ':' '\n' < bench/target/cp.txt | grep -v "io/keras4j/keras4j" | paste -sd:)
export TF_CPP_MIN_LOG_LEVEL=2
for rep in $(seq 1 "$REPS"); do
  for w in w1 w2 w3; do
    for k in 1 32; do
      for impl in base new; do
        K=keras4j/target/classes
        [ "$impl" = base ] && K="$BASE"
        echo "$impl $(java -cp "$K:bench/target/classes:$DEPS" io.keras4j.bench.TraceTime $w $k 2>/dev/null | grep '^TRACE')"
      done
    done
  done
done
