#!/usr/bin/env bash
# keras4j's benchmark suite (issue 15): W1-W3 for keras4j (steps_per_execution 1 and 32) and raw TensorFlow Java
# (each of the three in a fresh JVM, as Keras runs each steps_per_execution in a fresh process), Keras 3.15.1 on TensorFlow 2.21 (steps_per_execution 1 and 32), Keras 3.15.1 on JAX 0.10.2
# (steps_per_execution 32), PyTorch 2.13 (2 threads; OMP_WAIT_POLICY passive and OpenMP's default) and DL4J (-Pdl4j);
# W1's prediction is timed over 10 passes a run in every peer (one pass takes a few ms); the first run's extra
# seconds (trace/compile time); W6: MobileNetV2 224x224 inference and fine-tuning for keras4j
# and Keras on TensorFlow and JAX, and load + first predict of Keras-written DenseNet121, MobileNetV2 and Xception
# files (keras4j and Keras on TensorFlow); peak resident size of W2 training and DenseNet121 inference; W4 (JVM start
# to the first prediction of the saved W3 model). Peers run in turn, a fresh process each, ROUNDS times with the order
# rotated each round, so that all see the same machine. Two slow peers that no target of issue 15 reads run in round 1
# only: Keras on JAX's W6 (2 minutes a process on 2 cores; W6_JAX_RUNS timed runs) and DL4J. Prints the markdown tables
# of docs/performance.md with the CPU model and the issue's targets (met or missed); results, the tables and each
# peer's seconds (timing.tsv) in bench/results/suite/. Time on 2 cores of an AMD EPYC (the 2026-12-03 17:03 round):
# keras4j 55 s, Keras on TensorFlow 95 s, Keras on JAX 81 s (+116 s for its W6), loads 62 s, PyTorch 43 + 73 s, so
# 5 rounds take about 37 minutes plus DL4J's one round and the build.
# Usage: bash bench/run.sh [rounds, default 5] [--no-dl4j] [--no-w6] [--no-pytorch] [--no-build]
#   (from the repository root; --no-build uses the modules and class paths an earlier run built)
#   `bash bench/run.sh 1` is the quick mode: one round.
# Environment: BENCH_RUNS timed runs per process and round (default 1, each after an untimed run); W6_JAX_RUNS timed
#   runs of Keras on JAX's W6 in round 1 (default 2); W5_RESULTS a bench/w5.sh results directory (bench/results/w5)
#   whose W5 figures join the targets table (issue 10 item 5; not run here); BENCH_VENV a Python
#   environment with keras, tensorflow-cpu, jax and torch (default /work/venv-bench, made from the local wheel mirror
#   when it lacks them; /work/venv-keras has them); MVN the Maven command (default "mvn"; for example
#   "flock /tmp/mvn.lock mvn -o").
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=5 DL4J=1 W6=1 TORCH=1 BUILD=1
for a in "$@"; do
  case "$a" in
    --no-dl4j) DL4J=0 ;;
    --no-w6) W6=0 ;;
    --no-pytorch) TORCH=0 ;;
    --no-build) BUILD=0 ;;
    *[!0-9]* | '') echo "unknown argument: $a" >&2; exit 2 ;;
    *) ROUNDS="$a" ;;
  esac
done
RUNS="${BENCH_RUNS:-1}"
JAX_W6_RUNS="${W6_JAX_RUNS:-2}"
MVN="${MVN:-mvn}"
OUT="$PWD/bench/results/suite"
rm -rf "$OUT" && mkdir -p "$OUT" bench/results
export TF_CPP_MIN_LOG_LEVEL=2

VENV="${BENCH_VENV:-/work/venv-bench}"
PY="$VENV/bin/python"
if ! "$PY" -c "import keras, tensorflow, jax, torch" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --index-url file:///opt/pypi/simple --extra-index-url file:///opt/pypi-more/simple \
    --find-links /opt/wheels keras==3.15.1 tensorflow-cpu==2.21.0 jax==0.10.2 jaxlib==0.10.2 torch==2.13.0
fi
"$PY" -c "import keras, tensorflow as tf, jax, torch; print('Keras', keras.__version__, 'TensorFlow', tf.__version__, \
'JAX', jax.__version__, 'torch', torch.__version__)" 2>/dev/null

if [ "$BUILD" = 1 ]; then
  # shellcheck disable=SC2086
  $MVN -B -ntp -q install -DskipTests -pl keras4j,models,bench >/dev/null
  (cd bench && $MVN -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null)
  if [ "$DL4J" = 1 ]; then
    $MVN -B -ntp -q -Pdl4j install -DskipTests -pl bench-dl4j >/dev/null
    (cd bench-dl4j && $MVN -B -ntp -q -Pdl4j dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null)
  fi
fi
# bench/target/classes first: its simplelogger.properties must win over the one jhdf's jar ships (INFO, stdout)
CP="bench/target/classes:$(cat bench/target/cp.txt)"
[ "$DL4J" = 0 ] || DCP="$(cat bench-dl4j/target/cp.txt):bench-dl4j/target/classes"
APPS="$PWD/bench/results/apps"
if [ "$W6" = 1 ] && [ ! -f "$APPS/xception.keras" ]; then
  KERAS_BACKEND=tensorflow "$PY" bench/keras/bench_w6.py write "$APPS" 2>"$OUT/write.err"
fi

keras() { # $1: tensorflow | jax, $2: prefix, $3: round, $4: W6's timed runs (0: no W6), rest: steps_per_execution
  local backend="$1" prefix="$2" r="$3" w6runs="$4"
  shift 4
  for spe in "$@"; do
    local p="$prefix"; [ "$spe" = 1 ] || p="${prefix}_spe$spe"
    KERAS_BACKEND="$backend" "$PY" bench/keras/bench.py "$RUNS" "$spe" "$p" "$OUT/$p-$r.json"
  done
  if [ "$W6" = 1 ] && [ "$w6runs" -gt 0 ]; then
    KERAS_BACKEND="$backend" "$PY" bench/keras/bench_w6.py run "$w6runs" "$prefix" "$OUT/${prefix}_w6-$r.json"
  fi
}
keras_load() { # $1: model, $2: round; Keras on TensorFlow's load, again without oneDNN's custom ops if it crashed
  # (DenseNet121 on a machine that reports no cache sizes: oneDNN's 1x1 convolution heuristic divides by zero)
  KERAS_BACKEND=tensorflow "$PY" bench/keras/bench_w6.py load "$APPS/$1.keras" keras_tf "$OUT/keras_tf_load_$1-$2.json" \
    || TF_ENABLE_ONEDNN_OPTS=0 KERAS_BACKEND=tensorflow "$PY" bench/keras/bench_w6.py load "$APPS/$1.keras" \
      keras_tf_noonednn "$OUT/keras_tf_noonednn_load_$1-$2.json"
}
loads() { # $1: round; fresh processes: application files and W2's peak memory, keras4j and Keras on TensorFlow
  java -Xmx512m -cp "$CP" io.keras4j.bench.Memory w2 "$OUT/keras4j_mem-$1.json"
  KERAS_BACKEND=tensorflow "$PY" bench/keras/bench_w6.py w2mem keras_tf "$OUT/keras_tf_mem-$1.json"
  [ "$W6" = 1 ] || return 0
  for m in densenet121 mobilenetv2 xception; do
    java -cp "$CP" io.keras4j.bench.LoadApp "$APPS/$m.keras" "$OUT/keras4j_load_$m-$1.json"
    keras_load "$m" "$1"
  done
}
peer() { # $1: peer, $2: round
  case "$1" in
    keras4j)
      # keras4j at steps_per_execution 1 and 32 and the raw loop, a fresh JVM each, in an order rotated each round
      local parts=(keras4j keras4j_spe32 raw_tf)
      for i in 0 1 2; do
        local part="${parts[$(((i + $2 - 1) % 3))]}"
        java -cp "$CP" io.keras4j.bench.Bench "$RUNS" "$OUT/$part-$2.json" "$part"
      done
      ms=$(java -cp "$CP" io.keras4j.bench.LoadW3 bench/results/w3.keras | grep '^W4 ' | cut -d' ' -f2)
      echo "{\"keras4j/w4_ms\": [$ms]}" > "$OUT/keras4j_w4-$2.json"
      if [ "$W6" = 1 ]; then java -cp "$CP" io.keras4j.bench.W6 "$RUNS" "$OUT/keras4j_w6-$2.json"; fi ;;
    keras_tf) keras tensorflow keras_tf "$2" "$RUNS" 1 32 ;;
    keras_jax) keras jax keras_jax "$2" "$([ "$2" = 1 ] && echo "$JAX_W6_RUNS" || echo 0)" 32 ;;
    pytorch) OMP_WAIT_POLICY=passive "$PY" bench/pytorch/bench.py "$RUNS" pytorch > "$OUT/pytorch-$2.json" ;;
    pytorch_ompdefault) "$PY" bench/pytorch/bench.py "$RUNS" pytorch_ompdefault > "$OUT/pytorch_ompdefault-$2.json" ;;
    dl4j)
      OMP_WAIT_POLICY=passive java -Djavacpp.platform=linux-x86_64 -cp "$DCP" io.keras4j.bench.dl4j.Dl4jBench "$RUNS" \
        | grep '"dl4j/' | sed 's/^[^{]*{/{/' > "$OUT/dl4j-$2.json" ;;
    loads) loads "$2" ;;
  esac 2>>"$OUT/$1-$2.err" || { echo "$1 failed in round $2, see $OUT/$1-$2.err" >&2; return 0; }
}
PEERS=(keras4j keras_tf keras_jax loads)
[ "$TORCH" = 0 ] || PEERS+=(pytorch pytorch_ompdefault)
[ "$DL4J" = 0 ] || PEERS+=(dl4j)
START=$SECONDS
printf 'round\tpeer\tseconds\n' > "$OUT/timing.tsv"
for r in $(seq 1 "$ROUNDS"); do
  for i in "${!PEERS[@]}"; do
    p="${PEERS[$(((i + r - 1) % ${#PEERS[@]}))]}"
    [ "$p" != dl4j ] || [ "$r" = 1 ] || continue # DL4J: round 1 only
    echo "round $r: $p ($(date -u +%H:%M:%S))" >&2
    t=$SECONDS
    peer "$p" "$r"
    printf '%s\t%s\t%s\n' "$r" "$p" "$((SECONDS - t))" >> "$OUT/timing.tsv"
  done
done
echo "rounds took $((SECONDS - START)) s" >&2
CPU="$(lscpu | sed -n 's/^Model name: *//p' | head -1) (family $(lscpu | sed -n 's/^CPU family: *//p' | head -1), \
model $(lscpu | sed -n 's/^Model: *//p' | head -1)), $(nproc) CPUs"
java -cp "$CP" io.keras4j.bench.SuiteReport "$OUT" "$CPU" "$ROUNDS" "${W5_RESULTS:-}" | tee "$OUT/table.md"
