#!/usr/bin/env bash
# keras4j's benchmark: W1-W4 for keras4j and raw TensorFlow Java (same JVM), DL4J (-Pdl4j) and PyTorch
# (Debian's python3-torch with OpenBLAS, 2 threads). Prints the markdown table of docs/performance.md.
# Usage: bash bench/run.sh [runs]      (default 5; run from the repository root; installs python3-torch as root)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
OUT=bench/results
mkdir -p "$OUT"
export TF_CPP_MIN_LOG_LEVEL=2

mvn -B -q install -DskipTests
mvn -B -q -Pdl4j install -DskipTests -pl bench-dl4j
(cd bench && mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null)
(cd bench-dl4j && mvn -q -Pdl4j dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null)
CP="$(cat bench/target/cp.txt):bench/target/classes"
DCP="$(cat bench-dl4j/target/cp.txt):bench-dl4j/target/classes"

if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread
fi

java -cp "$CP" io.keras4j.bench.Bench "$RUNS" "$OUT/java.json" 2>/dev/null
# a bounded heap, so the resident size shows native memory rather than the Java heap growing to its default
java -Xmx512m -cp "$CP" io.keras4j.bench.Memory "$OUT/memory.json" 2>/dev/null
# W4: a fresh JVM per run, from its start to the first prediction
w4="["
for i in $(seq 1 "$RUNS"); do
  ms=$(java -cp "$CP" io.keras4j.bench.LoadW3 "$OUT/w3.keras" 2>/dev/null | grep '^W4 ' | cut -d' ' -f2)
  w4="$w4$ms"; [ "$i" -lt "$RUNS" ] && w4="$w4,"
done
echo "{\"keras4j/w4_ms\": $w4]}" > "$OUT/w4.json"
OMP_WAIT_POLICY=passive java -Djavacpp.platform=linux-x86_64 -cp "$DCP" io.keras4j.bench.dl4j.Dl4jBench "$RUNS" \
  > "$OUT/dl4j.out" 2> "$OUT/dl4j.err" || { echo "DL4J failed, see $OUT/dl4j.err" >&2; }
grep '"dl4j/' "$OUT/dl4j.out" | sed 's/^[^{]*{/{/' > "$OUT/dl4j.json" || echo '{}' > "$OUT/dl4j.json"
OMP_WAIT_POLICY=passive /usr/bin/python3 bench/pytorch/bench.py "$RUNS" > "$OUT/pytorch.json"
java -cp "$CP" io.keras4j.bench.Report "$OUT/java.json" "$OUT/w4.json" "$OUT/dl4j.json" "$OUT/pytorch.json"
echo
cat "$OUT/memory.json"; echo
