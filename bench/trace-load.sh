#!/usr/bin/env bash
# Trace time and load (docs/performance.md, "Trace time and load"; issue 15 items 5-7), one interleaved run: TraceTime
# for W1-W3 at steps_per_execution 1 and 32 (bench/trace-time.sh, base and this build in turn), then per application
# file (DenseNet121, MobileNetV2, Xception) load + first predict in a fresh process each: keras4j base, keras4j this
# build, Keras 3.15.1 on TensorFlow 2.21 with oneDNN's custom ops (TensorFlow's default) and without them
# (TF_ENABLE_ONEDNN_OPTS=0); then W2 training's peak resident size, keras4j (-Xmx512m) and Keras on TensorFlow.
# Usage (repository root, after `mvn -pl bench -am install -DskipTests` and
# `(cd bench && mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt)`; APPS from
# `python bench/keras/bench_w6.py write APPS`):
#   flock /tmp/bench.lock bash bench/trace-load.sh BASE_KERAS4J_CLASSES NEW_KERAS4J_CLASSES APPS OUT [reps]
set -uo pipefail
BASE="$1" NEW="$2" APPS="$3" OUT="$4" REPS="${5:-1}"
PY="${BENCH_VENV:-/work/venv-keras}/bin/python"
DEPS=$(tr ':' '\n' < bench/target/cp.txt | grep -v "io/keras4j/keras4j/" | paste -sd:)
export TF_CPP_MIN_LOG_LEVEL=2
mkdir -p "$OUT"
lscpu | grep 'Model name'
date -u
for rep in $(seq 1 "$REPS"); do
  for w in w1 w2 w3; do
    for k in 1 32; do
      for impl in base new; do
        K="$NEW"; [ "$impl" = base ] && K="$BASE"
        echo "$impl $(java -cp "$K:bench/target/classes:$DEPS" io.keras4j.bench.TraceTime $w $k 2>/dev/null | grep '^TRACE')"
      done
    done
  done
  for m in densenet121 mobilenetv2 xception; do
    for impl in base new; do
      K="$NEW"; [ "$impl" = base ] && K="$BASE"
      java -cp "bench/target/classes:$K:$DEPS" io.keras4j.bench.LoadApp "$APPS/$m.keras" "$OUT/${impl}_load_$m-$rep.json" \
        >/dev/null 2>&1
      echo "LOAD $impl $m $(cat "$OUT/${impl}_load_$m-$rep.json" 2>/dev/null)"
    done
    KERAS_BACKEND=tensorflow "$PY" bench/keras/bench_w6.py load "$APPS/$m.keras" keras_tf "$OUT/ktf_load_$m-$rep.json" \
      >/dev/null 2>&1
    echo "LOAD keras_tf $m exit $? $(cat "$OUT/ktf_load_$m-$rep.json" 2>/dev/null)"
    TF_ENABLE_ONEDNN_OPTS=0 KERAS_BACKEND=tensorflow "$PY" bench/keras/bench_w6.py load "$APPS/$m.keras" keras_tf \
      "$OUT/ktf0_load_$m-$rep.json" >/dev/null 2>&1
    echo "LOAD keras_tf_onednn_off $m exit $? $(cat "$OUT/ktf0_load_$m-$rep.json" 2>/dev/null)"
  done
  java -Xmx512m -cp "bench/target/classes:$NEW:$DEPS" io.keras4j.bench.Memory w2 "$OUT/k4j_mem-$rep.json" >/dev/null 2>&1
  echo "MEM keras4j $(cat "$OUT/k4j_mem-$rep.json" 2>/dev/null)"
  KERAS_BACKEND=tensorflow "$PY" bench/keras/bench_w6.py w2mem keras_tf "$OUT/ktf_mem-$rep.json" >/dev/null 2>&1
  echo "MEM keras_tf $(cat "$OUT/ktf_mem-$rep.json" 2>/dev/null)"
done
date -u
