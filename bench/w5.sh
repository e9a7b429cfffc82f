#!/usr/bin/env bash
# W5 (LSTM(64) over 200 steps of 8 features, Dense(1), Adam, mse, batch 64) and W5g (the same with GRU(64)), training
# and prediction samples/s, for keras4j, Keras 3.15.1 on TensorFlow 2.21.0 and PyTorch 2.13.0 (CPU, 2 threads), run
# in turn ROUNDS times (fresh processes, order rotated each round) so that all three see the same machine. Prints the
# markdown table of docs/performance.md (medians over every timed run, min–max) with the CPU model; results and the
# table in bench/results/w5/.
# Usage: bash bench/w5.sh [rounds, default 5]      (from the repository root)
# Environment: W5_RUNS timed runs per process and round (default 1, each after an untimed warm-up), W5_SAMPLES
#   samples per epoch and per prediction (default 4096); W5_VENV a Python environment that already has the three
#   (e.g. /work/venv-keras), else one is made in ~/.cache/keras4j-w5-venv from the local wheel mirror; MVN the Maven
#   command (default "mvn"; e.g. "flock /tmp/mvn.lock mvn -o"); W5_PEERS a subset of "keras4j keras pytorch".
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-5}"
RUNS="${W5_RUNS:-1}"
SAMPLES="${W5_SAMPLES:-4096}"
MVN="${MVN:-mvn}"
OUT="$PWD/bench/results/w5"
rm -rf "$OUT" && mkdir -p "$OUT"
export TF_CPP_MIN_LOG_LEVEL=2 KERAS_BACKEND=tensorflow OMP_WAIT_POLICY=passive

if [ -n "${W5_VENV:-}" ]; then
  VENV="$W5_VENV"
else
  VENV="$HOME/.cache/keras4j-w5-venv"
  if ! "$VENV/bin/python" -c "import keras, tensorflow, torch" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --index-url file:///opt/pypi/simple --extra-index-url file:///opt/pypi-more/simple \
      --find-links /opt/wheels keras==3.15.1 tensorflow-cpu==2.21.0 torch==2.13.0
  fi
fi
PY="$VENV/bin/python"
"$PY" -c "import keras, tensorflow as tf, torch; print('Keras', keras.__version__, 'TensorFlow', tf.__version__, \
'torch', torch.__version__)" 2>/dev/null

# shellcheck disable=SC2086
$MVN -B -ntp -q -DskipTests package dependency:build-classpath -pl keras4j,bench -Dmdep.outputFile=target/cp.txt \
  >/dev/null
CP="$(cat bench/target/cp.txt):bench/target/classes"

peer() { # $1: keras4j | keras | pytorch, $2: round
  case "$1" in
    keras4j) java -cp "$CP" io.keras4j.bench.W5 "$RUNS" "$SAMPLES" "$OUT/keras4j-$2.json" 2>"$OUT/keras4j-$2.err" ;;
    keras) "$PY" bench/keras/bench_w5.py "$RUNS" "$SAMPLES" "$OUT/keras-$2.json" 2>"$OUT/keras-$2.err" ;;
    pytorch) "$PY" bench/pytorch/bench_w5.py "$RUNS" "$SAMPLES" "$OUT/pytorch-$2.json" 2>"$OUT/pytorch-$2.err" ;;
  esac || { echo "$1 failed in round $2, see $OUT/$1-$2.err" >&2; exit 1; }
}
read -r -a PEERS <<< "${W5_PEERS:-keras4j keras pytorch}"
for r in $(seq 1 "$ROUNDS"); do
  for i in "${!PEERS[@]}"; do
    p="${PEERS[$(((i + r - 1) % ${#PEERS[@]}))]}"
    echo "round $r: $p" >&2
    peer "$p" "$r"
  done
done
CPU="$(lscpu | sed -n 's/^Model name: *//p' | head -1) (family $(lscpu | sed -n 's/^CPU family: *//p' | head -1), \
model $(lscpu | sed -n 's/^Model: *//p' | head -1)), $(nproc) CPUs"
java -cp "$CP" io.keras4j.bench.W5Report "$OUT" "$CPU" | tee "$OUT/table.md"
