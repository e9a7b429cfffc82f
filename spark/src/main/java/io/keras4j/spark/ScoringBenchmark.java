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
import java.util.Arrays;
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
 * <p>Arguments: {@code [master=local[2]] [mlpRows=200000] [cnnRows=20000] [batchSize=256] [rounds=3]} (0 rows skips a
 * model). The rounds are interleaved (single JVM, scorer, floor, then again), and each figure is printed as the
 * median of the rounds with their range, beside the process's CPU seconds, since a shared machine moves wall-clock
 * figures most.
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
    System.out.println("Medians of " + rounds + " interleaved rounds (min-max); same rows, same batch size");
    System.out.println("| model | rows | single JVM predict (rows/s) | Spark " + master
        + " scorer (rows/s) | Spark's floor, no model (rows/s) | Spark / single |");
    System.out.println("|---|---|---|---|---|---|");
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
      int rounds, long... perRow) throws Exception {
    if (rows <= 0) {
      return;
    }
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
    floorFrame(scorer, df, width).write().format("noop").mode("overwrite").save();
    double[][] wall = new double[3][rounds]; // rows/s of: single JVM, Spark scorer, Spark floor
    double[][] cpu = new double[3][rounds]; // this process's CPU seconds (every thread, TensorFlow's included)
    Object recording = BenchProfile.start(name);
    for (int round = 0; round < rounds; round++) { // interleaved, so a busy moment of the machine hits all three
      time(wall, cpu, 0, round, rows, () -> model.predict(x, batch));
      time(wall, cpu, 1, round, rows, () -> scorer.transform(df).write().format("noop").mode("overwrite").save());
      time(wall, cpu, 2, round, rows, () -> floorFrame(scorer, df, width).write().format("noop").mode("overwrite")
          .save());
    }
    BenchProfile.stop(recording);
    double[] ratio = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      ratio[round] = wall[1][round] / wall[0][round];
    }
    System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s |%n", name, rows, spread(wall[0]),
        spread(wall[1]), spread(wall[2]), spread(ratio));
    System.out.printf(Locale.ROOT, "  CPU seconds of the whole process per round: single JVM %s, Spark scorer %s, "
        + "Spark floor %s%n", spread(cpu[0]), spread(cpu[1]), spread(cpu[2]));
    df.unpersist();
  }

  /** Runs {@code job}, recording its rows/s in {@code wall[what][round]} and CPU seconds in {@code cpu}. */
  private static void time(double[][] wall, double[][] cpu, int what, int round, int rows, Runnable job) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    job.run();
    wall[what][round] = rows / ((System.nanoTime() - t0) / 1e9);
    cpu[what][round] = (os.getProcessCpuTime() - c0) / 1e9;
  }

  /** The median of {@code values}, and their range: "median (min-max)". */
  static String spread(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    String format = median < 100 ? "%.2f (%.2f-%.2f)" : "%,.0f (%,.0f-%,.0f)";
    return String.format(Locale.ROOT, format, median, v[0], v[v.length - 1]);
  }

  /**
   * Spark's own floor on the same rows: the scorer itself, with the model's {@code predict} replaced by copying each
   * row's first feature. What remains is Spark's share: reading the cached rows, assembling their input arrays,
   * keeping the chunk's rows and writing the result rows.
   */
  private static Dataset<Row> floorFrame(KerasModelScorer scorer, Dataset<Row> df, int width) {
    return scorer.transform(df, new NoModel(width), List.of(io.keras4j.backend.Shape.of(1)));
  }

  /** Lends a "model" that returns each row's first input value: no TensorFlow, for the floor. */
  private record NoModel(int width) implements PartitionScorer.Models {
    @Override
    public Predictor borrow() {
      return new FirstValue(io.keras4j.backend.Shape.of(width));
    }

    @Override
    public void release(Predictor predictor) {
      // nothing is loaded
    }
  }

  private static final class FirstValue extends Predictor {
    private final io.keras4j.backend.Shape input;

    FirstValue(io.keras4j.backend.Shape input) {
      this.input = input;
    }

    @Override
    io.keras4j.backend.Shape inputShape() {
      return input;
    }

    @Override
    List<io.keras4j.backend.Shape> outputShapes() {
      return List.of(io.keras4j.backend.Shape.of(1));
    }

    @Override
    List<float[]> predict(float[] x, int rows, int batchSize) {
      float[] first = new float[rows];
      int width = (int) input.size();
      for (int r = 0; r < rows; r++) {
        first[r] = x[r * width];
      }
      return List.of(first);
    }

    @Override
    public void close() {
      // nothing to close
    }
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
