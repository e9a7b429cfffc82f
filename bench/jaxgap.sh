#!/usr/bin/env bash
# Raw TensorFlow Java's W3 predict under TensorFlow's options, against Keras on JAX, interleaved (docs/perf/jaxgap.md).
# Each round runs, a fresh process each: the raw loop by node (io.keras4j.bench.RawNodeProfile) with TensorFlow's
# defaults, with 1 inter-op thread, with intra_op=1, with oneDNN off (TF_ENABLE_ONEDNN_OPTS=0), with XLA
# (TF_XLA_FLAGS), then Keras on JAX layer by layer (bench/keras/profile_w3_jax.py).
# Usage: bash bench/jaxgap.sh [rounds, default 2] [python, default /work/venv-keras/bin/python]
#   (from the repository root, after `mvn install -DskipTests`; CP may name a prepared classpath)
set -uo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-2}"
PY="${2:-/work/venv-keras/bin/python}"
export TF_CPP_MIN_LOG_LEVEL=2
if [ -z "${CP:-}" ]; then
  (cd bench && mvn -B -ntp -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null)
  CP="bench/target/classes:$(cat bench/target/cp.txt)"
fi
raw() { # $1: label, rest: env assignments and java options
  local label="$1"
  shift
  echo "== raw TF Java, $label; load $(cut -d' ' -f1-3 /proc/loadavg)"
  env "$@" java -cp "$CP" io.keras4j.bench.RawNodeProfile 3 2>/dev/null | grep -v '^| .* | [0-9] |$'
}
lscpu | grep 'Model name'
for r in $(seq "$ROUNDS"); do
  echo "#### round $r"
  raw "TensorFlow's defaults" X=0
  raw "inter_op 1" JAVA_TOOL_OPTIONS=-Dinter_op=1
  raw "intra_op 1" JAVA_TOOL_OPTIONS=-Dintra_op=1
  raw "oneDNN off" TF_ENABLE_ONEDNN_OPTS=0
  raw "XLA auto-clustering" TF_XLA_FLAGS="--tf_xla_auto_jit=2 --tf_xla_cpu_global_jit"
  echo "== Keras on JAX; load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$PY" bench/keras/profile_w3_jax.py 3 2>/dev/null
done
echo "end load $(cut -d' ' -f1-3 /proc/loadavg)"
