#!/usr/bin/env bash
# W7: training on a Dataset (keras4j) or PyDataset (Keras 3.15.1 on TensorFlow 2.21.0) whose every batch takes
# LOAD_MS to load (an emulated read), with 1 and 4 workers, run in turn ROUNDS times (fresh processes, order rotated
# each round). Prints the markdown table of docs/performance.md (medians over every timed epoch, min-max) with the
# CPU model; raw results in bench/results/streamed/.
# Usage: bash bench/streamed.sh [rounds, default 3]      (from the repository root)
# Environment: LOAD_MS (default 4), W7_RUNS timed epochs per process (default 3), W7_VENV a Python environment with
#   Keras and TensorFlow (e.g. /work/venv-keras; required), MVN the Maven command (default "mvn").
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
LOAD_MS="${LOAD_MS:-4}"
RUNS="${W7_RUNS:-3}"
MVN="${MVN:-mvn}"
PY="${W7_VENV:?set W7_VENV to a Python environment with keras 3.15.1 and tensorflow-cpu 2.21.0}/bin/python"
OUT="$PWD/bench/results/streamed"
rm -rf "$OUT" && mkdir -p "$OUT"
export TF_CPP_MIN_LOG_LEVEL=2 KERAS_BACKEND=tensorflow
# shellcheck disable=SC2086
$MVN -B -ntp -q -DskipTests package dependency:build-classpath -pl keras4j,bench -Dmdep.outputFile=target/cp.txt \
  >/dev/null
CP="$(cat bench/target/cp.txt):bench/target/classes"
for r in $(seq 1 "$ROUNDS"); do
  java_first=$((r % 2))
  for peer in $([ "$java_first" = 1 ] && echo "keras4j keras" || echo "keras keras4j"); do
    if [ "$peer" = keras4j ]; then
      java -cp "$CP" io.keras4j.bench.Streamed "$RUNS" "$LOAD_MS" 1,4 2>/dev/null | tail -1 >"$OUT/$peer-$r.json"
    else
      "$PY" bench/keras/bench_streamed.py "$RUNS" "$LOAD_MS" 1,4 2>/dev/null | tail -1 >"$OUT/$peer-$r.json"
    fi
  done
done
"$PY" - "$OUT" "$LOAD_MS" <<'PY'
import glob, json, statistics, sys, platform
out, load = sys.argv[1], sys.argv[2]
rates = {}
for f in sorted(glob.glob(out + "/*.json")):
    for k, v in json.load(open(f)).items():
        rates.setdefault(k, []).extend(v)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
print(f"CPU: {cpu}; load per batch {load} ms; samples/s, median (min-max) of every timed epoch")
print("| samples/s | 1 worker | 4 workers |")
print("|---|---|---|")
for peer in ("keras4j", "keras"):
    cells = []
    for w in (1, 4):
        v = rates.get(f"{peer}/w7_workers{w}", [])
        cells.append(f"{statistics.median(v):,.0f} ({min(v):,.0f}-{max(v):,.0f})" if v else "-")
    print(f"| {'keras4j' if peer == 'keras4j' else 'Keras 3.15.1 on TensorFlow 2.21'} | " + " | ".join(cells) + " |")
PY
