#!/usr/bin/env bash
# keras4j-spark scoring benchmark: KerasModelScorer in local[N] against a single JVM's model.predict (docs/spark.md).
#   bash spark/bench.sh [master=local[2]] [mlpRows] [cnnRows] [batchSize] [rounds]
# Builds the module (mvn -o by default; MVN="mvn" to resolve online), then runs io.keras4j.spark.ScoringBenchmark on
# the module's classes with Spark's jars (the provided scope) on the class path.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=${MVN:-mvn -o}
$MVN -B -ntp -q install -DskipTests -pl keras4j
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
# shellcheck disable=SC2086
TF_CPP_MIN_LOG_LEVEL=2 exec java -Xmx4g $OPENS -cp "spark/target/classes:$(cat spark/target/bench.classpath)" \
  io.keras4j.spark.ScoringBenchmark "$@"
