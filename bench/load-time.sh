#!/usr/bin/env bash
# Load + first predict of Keras-written application files (issue 15 item 6; docs/perf/loadtime.md), interleaved in
# one run: per round and per file, a fresh process each of keras4j base (LoadApp), keras4j this build (LoadApp), and
# Keras 3.15.1 on TensorFlow 2.21 (bench/keras/bench_w6.py load; DenseNet121 with TF_ENABLE_ONEDNN_OPTS=0, since
# oneDNN's 1x1 convolution divides by a cache size of zero on VMs that report no caches, see docs/performance.md).
# Usage (repository root, after `mvn -pl bench -am install -DskipTests` and
# `(cd bench && mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt)`; APPS from
# `python bench/keras/bench_w6.py write APPS`); BASE and NEW are keras4j (and models) class directories, colon-separated:
#   flock /tmp/bench.lock bash bench/load-time.sh BASE_CLASSES NEW_CLASSES APPS OUT [rounds] [files]
# Both sides' clocks start once TensorFlow's runtime is loaded (LoadApp: Backend.loadRuntime(); Python: after
# `import keras`); the *_process_s keys count from the process' start (docs/perf/load.md). Summary of a run's log:
#   python3 bench/load-summary.py LOG
set -uo pipefail
BASE="$1" NEW="$2" APPS="$3" OUT="$4" REPS="${5:-5}" FILES="${6:-mobilenetv2 xception densenet121}"
PY="${BENCH_VENV:-/work/venv-keras}/bin/python"
# every keras4j module comes from BASE or NEW, the rest of the classpath from the bench module's
DEPS=$(tr ':' '\n' < bench/target/cp.txt | grep -v "io/keras4j/" | paste -sd:)
export TF_CPP_MIN_LOG_LEVEL=2
mkdir -p "$OUT"
echo "$(lscpu | grep 'Model name'), $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u)"
# k4j base|new CLASS ARGS...: a fresh JVM of that keras4j build
k4j() {
  local classes="$NEW"
  [ "$1" = base ] && classes="$BASE"
  java -cp "bench/target/classes:$classes:$DEPS" "io.keras4j.bench.$2" "${@:3}"
}
for rep in $(seq 1 "$REPS"); do
  for m in $FILES; do
    for impl in base new; do
      k4j $impl LoadApp "$APPS/$m.keras" "$OUT/${impl}_$m-$rep.json" >/dev/null 2>&1
      echo "LOAD $impl $m $rep $(cat "$OUT/${impl}_$m-$rep.json" 2>/dev/null)"
    done
    ONEDNN=1; [ "$m" = densenet121 ] && ONEDNN=0
    TF_ENABLE_ONEDNN_OPTS=$ONEDNN KERAS_BACKEND=tensorflow "$PY" bench/keras/bench_w6.py load "$APPS/$m.keras" \
      keras_tf "$OUT/keras_$m-$rep.json" >/dev/null 2>&1
    echo "LOAD keras_tf $m $rep exit $? $(cat "$OUT/keras_$m-$rep.json" 2>/dev/null)"
  done
done
# then the phases of one load per file and build (bench LoadBreakdown: wall, main thread and process CPU seconds)
for m in $FILES; do
  for impl in base new; do
    k4j $impl LoadBreakdown "$APPS/$m.keras" 2>/dev/null | sed "s/^/BREAKDOWN $impl $m /"
  done
done
date -u
