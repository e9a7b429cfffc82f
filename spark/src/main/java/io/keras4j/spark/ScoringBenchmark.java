package io.keras4j.spark;

import io.keras4j.data.NDArray;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.models.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Rows per second of {@link KerasModelScorer} on a cached DataFrame in {@code local[N]} against one JVM's
 * {@code model.predict} on the same rows, for an MLP and a small CNN: {@code bash spark/bench.sh} (docs/spark.md).
 *
 * <p>Arguments: {@code [master=local[2]] [mlpRows=200000] [cnnRows=20000] [batchSize=256] [rounds=3]}.
 */
public final class ScoringBenchmark {
  private ScoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    String master = args.length > 0 ? args[0] : "local[2]";
    int mlpRows = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int cnnRows = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    SparkSession spark = SparkSession.builder().master(master).appName("keras4j-spark-bench")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Path dir = Files.createTempDirectory("keras4j-spark-bench");
    System.out.printf(Locale.ROOT, "master=%s cores=%d java=%s batch_size=%d rounds=%d%n", master,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), batch, rounds);
    System.out.println("| model | rows | single JVM predict (rows/s) | Spark " + master
        + " (rows/s) | Spark / single |");
    System.out.println("|---|---|---|---|---|");
    Sequential mlp = new Sequential();
    mlp.add(new Dense(128).activation("relu").inputShape(64));
    mlp.add(new Dense(128).activation("relu"));
    mlp.add(new Dense(1).activation("sigmoid"));
    run(spark, "MLP 64-128-128-1", mlp, dir.resolve("mlp.keras"), mlpRows, batch, rounds, 64);
    Sequential cnn = new Sequential();
    cnn.add(new Conv2D(16, 3).activation("relu").inputShape(28, 28, 1));
    cnn.add(new MaxPooling2D(2));
    cnn.add(new Conv2D(32, 3).activation("relu"));
    cnn.add(new MaxPooling2D(2));
    cnn.add(new Flatten());
    cnn.add(new Dense(10).activation("softmax"));
    run(spark, "CNN 28x28x1 (2 conv)", cnn, dir.resolve("cnn.keras"), cnnRows, batch, rounds, 28, 28, 1);
    spark.stop();
  }

  private static void run(SparkSession spark, String name, Sequential model, Path file, int rows, int batch,
      int rounds, long... perRow) {
    int width = (int) io.keras4j.backend.Shape.of(perRow).size();
    model.save(file);
    Random r = new Random(42);
    float[] flat = new float[rows * width];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = (float) r.nextGaussian();
    }
    NDArray x = NDArray.of(flat, Predictor.batchShape(io.keras4j.backend.Shape.of(perRow), rows));
    Dataset<Row> df = frame(spark, file.getParent(), flat, rows, width);
    KerasModelScorer scorer = new KerasModelScorer(file).batchSize(batch);
    model.predict(x, batch); // warm-up: graph tracing, native library, first allocations
    scorer.transform(df).write().format("noop").mode("overwrite").save();
    double single = 0;
    double distributed = 0;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      model.predict(x, batch);
      single = Math.max(single, rows / ((System.nanoTime() - t0) / 1e9));
      t0 = System.nanoTime();
      scorer.transform(df).write().format("noop").mode("overwrite").save();
      distributed = Math.max(distributed, rows / ((System.nanoTime() - t0) / 1e9));
    }
    System.out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f | %.2f |%n", name, rows, single, distributed,
        distributed / single);
    System.out.printf(Locale.ROOT, "  Spark's own floor on the same rows (sum of each row's features, no model): "
        + "%,.0f rows/s%n", floor(df, rows, rounds));
    df.unpersist();
  }

  /**
   * Rows per second (best of {@code rounds}) of a job that reads every feature of every cached row and writes one
   * number per row, as the scorer does, without a model: what Spark itself costs.
   */
  private static double floor(Dataset<Row> df, int rows, int rounds) {
    double best = 0;
    for (int round = 0; round <= rounds; round++) { // round 0: warm-up
      long t0 = System.nanoTime();
      df.selectExpr("id", "features", "aggregate(features, 0D, (a, v) -> a + v) AS prediction").write()
          .format("noop").mode("overwrite").save();
      best = round == 0 ? 0 : Math.max(best, rows / ((System.nanoTime() - t0) / 1e9));
    }
    return best;
  }

  /** The rows as a cached DataFrame of one array<float> column, split in as many partitions as task slots. */
  private static Dataset<Row> frame(SparkSession spark, Path dir, float[] flat, int rows, int width) {
    List<Row> list = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      float[] row = new float[width];
      System.arraycopy(flat, i * width, row, 0, width);
      list.add(RowFactory.create(i, row));
    }
    StructType schema = new StructType().add("id", DataTypes.IntegerType)
        .add("features", DataTypes.createArrayType(DataTypes.FloatType, false));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // through a Parquet file, as data on a cluster would come: tasks then carry no rows in their closures
    Path parquet = dir.resolve("rows-" + rows + "x" + width + ".parquet");
    spark.createDataFrame(sc.parallelize(list, sc.defaultParallelism()), schema).write().parquet(parquet.toString());
    Dataset<Row> df = spark.read().parquet(parquet.toString()).repartition(sc.defaultParallelism())
        .persist(StorageLevel.MEMORY_ONLY());
    df.count();
    return df;
  }
}
