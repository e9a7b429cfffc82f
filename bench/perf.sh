#!/usr/bin/env bash
# Where the CPU time of one workload goes, keras4j against its peers, by sampling (Linux perf): each peer runs the
# workload in a fresh process (io.keras4j.bench.PerfLoop, bench/keras/loop.py), perf records it from its READY line
# (after two untimed passes) to its end, and bench/perf_categories.py sums the samples into oneDNN's JIT kernels
# and driver code, YNNPACK and XLA (Keras on JAX), Eigen, TensorFlow, the OS, Python and the JVM, in milliseconds
# of CPU per pass. oneDNN names its JIT kernels in a perf map (ONEDNN_JIT_PROFILE=2), in TensorFlow Java's and in
# Python TensorFlow's native library.
# Usage: bash bench/perf.sh WORKLOAD [steps_per_execution, default 1] [passes, default 5]
#   WORKLOAD: w2_train, w3_train, w3_predict, w5_train, w5_predict, w5g_train or w5g_predict (W5: LSTM, W5g: GRU;
#   no raw peer, set PEERS);
#   PEERS (default "keras4j raw keras_tf"; also keras_jax) the peers;
#   BENCH_VENV a Python environment with keras and tensorflow-cpu (default /work/venv-keras); run after a build
#   (bench/target/cp.txt, as bench/profile.sh makes it), from the repository root, nothing else running.
# Results: bench/results/perf/WORKLOAD-PEER.{data,out} and the table in bench/results/perf/WORKLOAD.md.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKLOAD="$1" SPE="${2:-1}" PASSES="${3:-5}" HZ=1999
PY="${BENCH_VENV:-/work/venv-keras}/bin/python"
OUT="$PWD/bench/results/perf"
mkdir -p "$OUT"
CP="bench/target/classes:$(cat bench/target/cp.txt)"
export TF_CPP_MIN_LOG_LEVEL=2 ONEDNN_JIT_PROFILE=2

record() { # $1: peer; the command follows
  local peer="$1" out="$OUT/$WORKLOAD-$1" pid
  shift
  rm -f "$out.out"
  "$@" >"$out.out" 2>"$out.err" &
  pid=$!
  until grep -q READY "$out.out" 2>/dev/null || ! kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  if ! grep -q READY "$out.out"; then
    echo "$peer ended before its timed passes; its output:" >&2
    cat "$out.out" "$out.err" >&2
    exit 1
  fi
  perf record -q -F "$HZ" -o "$out.data" -p "$pid" >/dev/null 2>"$out.perf.err" &
  local perf=$!
  wait "$pid"
  kill -INT "$perf" 2>/dev/null || true
  wait "$perf" || true
  echo "$peer: $(grep "^$WORKLOAD" "$out.out" | awk '{print $2}' | sort -n | tr '\n' ' ')samples/s"
}

case "$WORKLOAD ${PEERS:-keras4j raw keras_tf}" in
  w5*raw*) echo "W5 has no raw TensorFlow Java loop: set PEERS, e.g. PEERS=\"keras4j keras_tf\"" >&2; exit 2 ;;
esac
ARGS=()
for peer in ${PEERS:-keras4j raw keras_tf}; do
  case "$peer" in
    keras4j) record keras4j java -cp "$CP" io.keras4j.bench.PerfLoop "$WORKLOAD" "$SPE" "$PASSES" ;;
    raw) record raw java -cp "$CP" io.keras4j.bench.PerfLoop "${WORKLOAD}_raw" 1 "$PASSES" ;;
    keras_tf) record keras_tf env KERAS_BACKEND=tensorflow "$PY" bench/keras/loop.py "$WORKLOAD" "$SPE" "$PASSES" ;;
    keras_jax) record keras_jax env KERAS_BACKEND=jax "$PY" bench/keras/loop.py "$WORKLOAD" "$SPE" "$PASSES" ;;
    *) echo "unknown peer: $peer" >&2; exit 2 ;;
  esac
  ARGS+=("$peer=$OUT/$WORKLOAD-$peer.data")
done
echo "$WORKLOAD, steps_per_execution $SPE, $PASSES passes, $(lscpu | sed -n 's/^Model name: *//p'):"
python3 bench/perf_categories.py "$HZ" "$PASSES" "${ARGS[@]}" | tee "$OUT/$WORKLOAD.md"
