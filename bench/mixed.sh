#!/usr/bin/env bash
# W2 and W3 training under "float32" and "mixed_bfloat16", keras4j against Keras 3.15.1 on TensorFlow 2.21, in fresh
# processes interleaved ROUNDS times (keras4j float32, keras4j bf16, Keras float32, Keras bf16, ...), under
# /tmp/bench.lock. Writes bench/results/mixed/*.json and prints medians and ranges (samples/s).
# Usage: bash bench/mixed.sh [rounds, default 3] [python, default /work/venv-keras/bin/python]  (repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
PY="${2:-/work/venv-keras/bin/python}"
OUT="$PWD/bench/results/mixed"
rm -rf "$OUT" && mkdir -p "$OUT"
export TF_CPP_MIN_LOG_LEVEL=2
(flock /tmp/mvn.lock mvn -B -ntp -o -q -DskipTests package dependency:build-classpath -pl keras4j,bench -Dmdep.outputFile=target/cp.txt >/dev/null)
CP="$(cat bench/target/cp.txt):bench/target/classes"
lscpu | grep -E "Model name|^CPU\(s\)" > "$OUT/cpu.txt"
grep -o -E "avx512_bf16|amx_bf16|amx_tile" /proc/cpuinfo | sort -u >> "$OUT/cpu.txt" || true
for r in $(seq 1 "$ROUNDS"); do
  for p in float32 mixed_bfloat16; do
    flock /tmp/bench.lock java -cp "$CP" io.keras4j.bench.MixedPrecision "$p" 2 "$OUT/keras4j-$p-$r.json" 2>/dev/null
    flock /tmp/bench.lock "$PY" bench/keras/bench_mixed.py "$p" 2 > "$OUT/keras-$p-$r.json" 2>/dev/null
  done
done
python3 - "$OUT" <<'PY'
import glob, json, statistics, sys
out = sys.argv[1]
print(open(out + "/cpu.txt").read())
print("| samples/s (median [min-max]) | W2 train | W3 train |\n|---|---|---|")
for peer in ("keras4j", "keras"):
    for p in ("float32", "mixed_bfloat16"):
        runs = [json.load(open(f)) for f in sorted(glob.glob(f"{out}/{peer}-{p}-*.json"))]
        cells = []
        for w in ("w2_train", "w3_train"):
            v = [x for r in runs for x in r[w]]
            cells.append(f"{statistics.median(v):,.0f} [{min(v):,.0f}-{max(v):,.0f}]")
        print(f"| {peer} {p} | " + " | ".join(cells) + " |")
PY
