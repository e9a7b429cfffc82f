package io.keras4j.spark;

import io.keras4j.data.Csv;
import io.keras4j.data.Table;
import io.keras4j.layers.Dense;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
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

/**
 * {@link BarrierTrainer}'s convergence on the SDSS star/galaxy/quasar table for 1, 2 and 4 tasks with the same
 * global batch (64 rows: 64, 32 and 16 per task), plain SGD: the mean loss at the synchronizations of each epoch,
 * the accuracy on the table and the time. Run: {@code bash spark/bench.sh --convergence
 * [csv=../shared/data/sdss/skyserver_dr14_10k.csv] [epochs=3] [syncEvery=8]}.
 */
public final class TrainingConvergence {
  private static final int GLOBAL_BATCH = 64;

  private TrainingConvergence() {}

  static Model mlp() {
    Sequential m = new Sequential();
    m.add(new Dense(32).activation("relu").inputShape(4));
    m.add(new Dense(32).activation("relu"));
    m.add(new Dense(3).activation("softmax"));
    m.compile(new SGD().learningRate(0.1), "sparse_categorical_crossentropy");
    return m;
  }

  public static void main(String[] args) {
    Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/sdss/skyserver_dr14_10k.csv");
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int syncEvery = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Table t = Csv.read(csv);
    float[][] mags = t.columns("u", "g", "r", "i", "z");
    String[] cls = t.strings("class");
    String[] classes = Arrays.stream(cls).distinct().sorted().toArray(String[]::new);
    int n = mags.length;
    float[][] x = new float[n][4];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        x[i][j] = mags[i][j] - mags[i][j + 1];
      }
      y[i] = Arrays.asList(classes).indexOf(cls[i]);
    }
    standardize(x);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create(new double[] {x[i][0], x[i][1], x[i][2], x[i][3]}, (double) y[i]));
    }
    java.util.Collections.shuffle(rows, new Random(42));
    StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("label", DataTypes.DoubleType);
    SparkSession spark = SparkSession.builder().master("local[4]").appName("keras4j-barrier-convergence")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    System.out.printf(Locale.ROOT, "%s: %d rows, classes %s; MLP 4-32-32-3, SGD(0.1), global batch %d, %d epochs, "
        + "weights averaged every %d steps%n", csv.getFileName(), n, Arrays.toString(classes), GLOBAL_BATCH, epochs,
        syncEvery);
    Model start = mlp();
    StringBuilder header = new StringBuilder("| tasks | batch per task |");
    for (int e = 1; e <= epochs; e++) {
      header.append(" loss epoch ").append(e).append(" |");
    }
    System.out.println(header.append(" accuracy | seconds |"));
    System.out.println("|---|---|" + "---|".repeat(epochs) + "---|---|");
    for (int tasks : new int[] {1, 2, 4}) {
      Model m = mlp();
      m.setWeights(start.getWeights());
      Dataset<Row> df = spark.createDataFrame(sc.parallelize(rows, tasks), schema);
      long t0 = System.nanoTime();
      List<Double> losses = new BarrierTrainer(TrainingConvergence::mlp).batchSize(GLOBAL_BATCH / tasks)
          .epochs(epochs).syncEvery(syncEvery).fit(m, df);
      double seconds = (System.nanoTime() - t0) / 1e9;
      StringBuilder line = new StringBuilder("| " + tasks + " | " + GLOBAL_BATCH / tasks + " |");
      int perEpoch = losses.size() / epochs;
      for (int e = 0; e < epochs; e++) {
        double mean = losses.subList(e * perEpoch, (e + 1) * perEpoch).stream().mapToDouble(d -> d).average()
            .orElse(Double.NaN);
        line.append(String.format(Locale.ROOT, " %.4f |", mean));
      }
      System.out.println(line.append(String.format(Locale.ROOT, " %.4f | %.1f |", accuracy(m, x, y), seconds)));
      m.close();
    }
    start.close();
    spark.stop();
  }

  private static double accuracy(Model m, float[][] x, int[] y) {
    float[][] p = m.predict(x, 1024).toFloat2D();
    int right = 0;
    for (int i = 0; i < y.length; i++) {
      int best = 0;
      for (int k = 1; k < p[i].length; k++) {
        best = p[i][k] > p[i][best] ? k : best;
      }
      right += best == y[i] ? 1 : 0;
    }
    return right / (double) y.length;
  }

  private static void standardize(float[][] x) {
    for (int j = 0; j < x[0].length; j++) {
      double mean = 0;
      for (float[] r : x) {
        mean += r[j];
      }
      mean /= x.length;
      double var = 0;
      for (float[] r : x) {
        var += (r[j] - mean) * (r[j] - mean);
      }
      double sd = Math.sqrt(var / x.length);
      for (float[] r : x) {
        r[j] = (float) ((r[j] - mean) / sd);
      }
    }
  }
}
