#!/usr/bin/env bash
# keras4j on another TensorFlow Java release against the pinned one (pom.xml's tensorflow.version), same source:
# builds this checkout as it is and a temporary worktree of HEAD with -Dtensorflow.version=VERSION, runs bench/Repeat
# (W1-W3) on each in turn in fresh JVMs, ROUNDS times for steps_per_execution 1 and 32, prints both medians and their
# ratio, then PASSES W3 runs of each with ONEDNN_VERBOSE=1, printing the oneDNN release and the convolution time by
# direction. Maven must be able to fetch VERSION's jars (or have them in ~/.m2 with MVN="mvn -o").
# Usage: bash bench/tf-java.sh VERSION [rounds, default 3] [passes, default 2]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="$1" ROUNDS="${2:-3}" PASSES="${3:-2}" MVN="${MVN:-mvn}"
OUT="$PWD/bench/results/tf-java-$VERSION"
TMP="$(mktemp -d)"
rm -rf "$OUT" && mkdir -p "$OUT"
export TF_CPP_MIN_LOG_LEVEL=2
# shellcheck source=bench/alternate.sh
source bench/alternate.sh

git worktree add -q --detach "$TMP/other" HEAD
trap 'git worktree remove --force "$TMP/other"' EXIT
build() { # $1: source tree, rest: Maven flags; prints the class path
  local tree="$1"; shift
  # shellcheck disable=SC2086
  (cd "$tree" && $MVN -B -ntp -q -DskipTests "$@" package dependency:build-classpath -pl keras4j,bench -am \
    -Dmdep.outputFile=target/cp.txt >/dev/null)
  echo "$tree/bench/target/classes:$tree/keras4j/target/classes:$(cat "$tree/bench/target/cp.txt")"
}
PINNED_CP="$(build "$PWD")"
OTHER_CP="$(build "$TMP/other" "-Dtensorflow.version=$VERSION")"
PINNED="$(sed -n 's:.*<tensorflow.version>\(.*\)</tensorflow.version>.*:\1:p' pom.xml)"

alternate "$OUT" "$ROUNDS" "$PINNED_CP" "$OTHER_CP"
java -cp "$PINNED_CP" io.keras4j.bench.Compare "$OUT" "TF Java $PINNED" "TF Java $VERSION"

echo
echo "| TF Java | oneDNN | W3 train samples/s | convolutions ms: all | forward | backward data | backward weights |"
echo "|---|---|---|---|---|---|---|"
for p in $(seq 1 "$PASSES"); do
  for side in "$PINNED:$PINNED_CP" "$VERSION:$OTHER_CP"; do
    log="$OUT/verbose-${side%%:*}-$p.txt"
    ONEDNN_VERBOSE=1 java -cp "${side#*:}" io.keras4j.bench.W3 1 1 >"$log" 2>&1
    onednn="$(grep -m1 -o 'oneDNN v[0-9.]*' "$log" || echo '?')"
    train="$(awk '$1 == "w3_train" {print $2}' "$log")"
    grep 'onednn_verbose.*exec,cpu,convolution' "$log" | awk -F, -v v="${side%%:*}" -v d="$onednn" -v t="$train" '
      { all += $NF; by[$7] += $NF }
      END { printf "| %s | %s | %s | %.0f | %.0f | %.0f | %.0f |\n", v, d, t, all, by["forward_training"],
            by["backward_data"], by["backward_weights"] }'
  done
done
