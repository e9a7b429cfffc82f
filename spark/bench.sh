#!/usr/bin/env bash
# keras4j-spark scoring benchmark: KerasModelScorer in local[N] against a single JVM's model.predict (docs/spark.md).
#   bash spark/bench.sh [master=local[2]] [mlpRows] [cnnRows] [batchSize] [rounds]
#   bash spark/bench.sh --convergence [sdss.csv] [epochs] [syncEvery] [outDir]   (BarrierTrainer on 1, 2, 4 tasks:
#     validation loss/accuracy per epoch, outDir/barrier_convergence.png)
#   bash spark/bench.sh --streaming [StreamingAlertScoring options]     (alerts/s of the streaming alert scoring)
# Builds the module (mvn -o by default; MVN="mvn" to resolve online, MVN=":" to skip when already built), then runs
# io.keras4j.spark.ScoringBenchmark on the module's classes with Spark's jars (the provided scope) on the class path.
# JAVA_OPTS adds JVM options, e.g. JAVA_OPTS=-Dkeras4j.bench.jfr=DIR for a JFR profile of the timed rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=${MVN:-mvn -o}
# keras4j-spark depends on keras4j and keras4j-examples (StreamingAlertScoring): install them from this checkout
$MVN -B -ntp -q install -DskipTests -pl examples -am
$MVN -B -ntp -q -pl spark compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# Spark on Java 17 needs these openings (the same as spark/pom.xml's spark.add-opens)
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
 -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
MAIN=io.keras4j.spark.ScoringBenchmark
if [ "${1:-}" = "--convergence" ]; then
  MAIN=io.keras4j.spark.TrainingConvergence
  shift
fi
if [ "${1:-}" = "--streaming" ]; then
  MAIN=io.keras4j.spark.StreamingAlertScoring
  shift
fi
# shellcheck disable=SC2086
TF_CPP_MIN_LOG_LEVEL=2 exec java -Xmx4g ${JAVA_OPTS:-} $OPENS -cp "spark/target/classes:keras4j/target/classes:$(cat spark/target/bench.classpath)" \
  "$MAIN" "$@"
