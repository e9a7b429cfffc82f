#!/usr/bin/env bash
# W3 (CNN) training and prediction, keras4j against Keras 3.15.1 on TensorFlow 2.21, in fresh processes taken in
# turn (A/B/A/B), ROUNDS rounds, each process RUNS timed runs after an untimed one; optionally a second keras4j build
# (BASE_CP, a class path) in the same rounds. Prints the median (min-max) samples/s per peer and workload. Run under
# /tmp/bench.lock on a shared machine.
# Usage: CP=<keras4j class path> [BASE_CP=<class path>] [PY=python] [SPE=1] bash bench/w3.sh [rounds, default 3] [runs, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}" RUNS="${2:-2}" SPE="${SPE:-1}" PY="${PY:-/work/venv-keras/bin/python}"
OUT="$(mktemp -d)"
export TF_CPP_MIN_LOG_LEVEL=2
run() { # $1: peer name, rest: the command; its lines prefixed with the peer, its errors kept in $OUT/$1.err
  local peer="$1"; shift
  "$@" 2>>"$OUT/$peer.err" | sed "s/^/$peer /" >> "$OUT/all" || { echo "$peer failed:" >&2; tail -5 "$OUT/$peer.err" >&2; }
}
for r in $(seq 1 "$ROUNDS"); do
  run keras4j java -cp "$CP" io.keras4j.bench.W3 "$RUNS" "$SPE"
  run keras_tf "$PY" bench/keras/bench_w3.py "$RUNS" "$SPE"
  if [ -n "${BASE_CP:-}" ]; then
    run keras4j_base java -cp "$BASE_CP" io.keras4j.bench.W3 "$RUNS" "$SPE"
  fi
done
cat "$OUT/all" >&2
python3 - "$OUT/all" <<'PY'
import collections, statistics, sys
v = collections.defaultdict(list)
for line in open(sys.argv[1]):
    peer, w, s = line.split()
    v[(w, peer)].append(float(s))
for (w, peer), s in sorted(v.items()):
    print(f"| {w} | {peer} | {statistics.median(s):,.0f} ({min(s):,.0f}-{max(s):,.0f}) | {len(s)} |")
PY
