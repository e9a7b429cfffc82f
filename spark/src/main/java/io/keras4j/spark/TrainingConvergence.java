package io.keras4j.spark;

import io.keras4j.data.Csv;
import io.keras4j.data.Split;
import io.keras4j.data.StandardScaler;
import io.keras4j.data.Table;
import io.keras4j.examples.ColourSimulator;
import io.keras4j.examples.StarQuasar;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import io.keras4j.plot.Figure;
import io.keras4j.plot.Panel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * {@link BarrierTrainer}'s convergence on the star/quasar/galaxy colours (the examples' {@link StarQuasar}) for 1, 2
 * and 4 tasks with the same global batch (64 rows: 64, 32 and 16 per task), plain SGD, in {@code local[4]}: 75% of
 * the objects train, the other 25% give the validation loss and accuracy after every epoch (one
 * {@code BarrierTrainer.fit} call per epoch, continuing from the previous weights). Prints a table and writes
 * {@code barrier_convergence.png} (validation loss and accuracy per epoch, one curve per task count).
 *
 * <p>Run: {@code bash spark/bench.sh --convergence [csv=../shared/data/sdss/skyserver_dr14_10k.csv] [epochs=8]
 * [syncEvery=8] [out=spark/target]}; without the CSV the examples' {@link ColourSimulator} draws 10,000 objects.
 */
public final class TrainingConvergence {
  private static final int GLOBAL_BATCH = 64;
  private static final int[] TASKS = {1, 2, 4};

  private TrainingConvergence() {}

  static Model mlp() {
    Sequential m = new Sequential();
    m.add(new Dense(32).activation("relu").inputShape(4));
    m.add(new Dense(32).activation("relu"));
    m.add(new Dense(3).activation("softmax"));
    m.compile(new SGD().learningRate(0.1), "sparse_categorical_crossentropy");
    return m;
  }

  private static Model evaluator() {
    Model m = mlp();
    m.compile(new CompileOptions().optimizer(new SGD().learningRate(0.1)).loss("sparse_categorical_crossentropy")
        .metrics("accuracy"));
    return m;
  }

  /** One run's curves: per epoch the mean synchronization loss, validation loss and accuracy, and seconds. */
  record Curves(int tasks, double[] loss, double[] valLoss, double[] valAccuracy, double[] seconds) {}

  public static void main(String[] args) throws IOException {
    Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/sdss/skyserver_dr14_10k.csv");
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int syncEvery = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Path out = Path.of(args.length > 3 ? args[3] : "spark/target");
    float[][] x;
    int[] y;
    if (Files.isRegularFile(csv)) {
      Table t = Csv.read(csv);
      x = StarQuasar.colours(t);
      y = StarQuasar.labels(t, StarQuasar.classes(t));
      System.out.printf(Locale.ROOT, "%s: %d objects%n", csv, x.length);
    } else {
      x = new float[10000][];
      y = new int[10000];
      ColourSimulator.draw(10000, 7, x, y);
      System.out.printf(Locale.ROOT, "%s absent: 10000 objects from the examples' ColourSimulator%n", csv);
    }
    int[][] parts = Split.indices(x.length, 0.75, 0.0, 42L);
    StandardScaler scaler = new StandardScaler().fit(Split.rows(x, parts[0]));
    float[][] xTrain = scaler.transform(Split.rows(x, parts[0]));
    float[][] xVal = scaler.transform(Split.rows(x, parts[2]));
    int[] yTrain = Split.rows(y, parts[0]);
    int[] yVal = Split.rows(y, parts[2]);
    SparkSession spark = SparkSession.builder().master("local[4]").appName("keras4j-barrier-convergence")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    System.out.printf(Locale.ROOT, "train %d, validation %d; MLP 4-32-32-3, SGD(0.1), global batch %d, weights "
        + "averaged every %d steps, local[4]%n", xTrain.length, xVal.length, GLOBAL_BATCH, syncEvery);
    List<Curves> runs = new ArrayList<>();
    try (Model start = mlp()) {
      for (int tasks : TASKS) {
        runs.add(run(spark, start, tasks, xTrain, yTrain, xVal, yVal, epochs, syncEvery));
      }
    }
    spark.stop();
    printTable(runs);
    Files.createDirectories(out);
    Path png = out.resolve("barrier_convergence.png");
    Figure.of(panel(runs, "validation loss", true), panel(runs, "validation accuracy", false)).savefig(png);
    System.out.println("Wrote " + png.toAbsolutePath());
  }

  private static Curves run(SparkSession spark, Model start, int tasks, float[][] xTrain, int[] yTrain,
      float[][] xVal, int[] yVal, int epochs, int syncEvery) {
    Dataset<Row> df = frame(spark, xTrain, yTrain, tasks);
    Curves c = new Curves(tasks, new double[epochs], new double[epochs], new double[epochs], new double[epochs]);
    try (Model m = mlp(); Model eval = evaluator()) {
      m.setWeights(start.getWeights());
      BarrierTrainer trainer = new BarrierTrainer(TrainingConvergence::mlp).batchSize(GLOBAL_BATCH / tasks)
          .epochs(1).syncEvery(syncEvery);
      long t0 = System.nanoTime();
      for (int e = 0; e < epochs; e++) {
        c.loss()[e] = trainer.fit(m, df).stream().mapToDouble(d -> d).average().orElse(Double.NaN);
        c.seconds()[e] = (System.nanoTime() - t0) / 1e9;
        eval.setWeights(m.getWeights());
        Map<String, Double> v = eval.evaluate(xVal, yVal, 1024);
        c.valLoss()[e] = v.get("loss");
        c.valAccuracy()[e] = v.get("accuracy");
        System.out.printf(Locale.ROOT, "tasks %d epoch %d: loss %.4f val_loss %.4f val_accuracy %.4f (%.1f s)%n",
            tasks, e + 1, c.loss()[e], c.valLoss()[e], c.valAccuracy()[e], c.seconds()[e]);
      }
    }
    return c;
  }

  /** The training rows shuffled once (seed 42) into {@code tasks} partitions of equal size. */
  private static Dataset<Row> frame(SparkSession spark, float[][] x, int[] y, int tasks) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      double[] f = new double[x[i].length];
      for (int j = 0; j < f.length; j++) {
        f[j] = x[i][j];
      }
      rows.add(RowFactory.create(f, (double) y[i]));
    }
    Collections.shuffle(rows, new Random(42));
    StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("label", DataTypes.DoubleType);
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(sc.parallelize(rows, tasks), schema);
  }

  private static void printTable(List<Curves> runs) {
    int epochs = runs.get(0).loss().length;
    StringBuilder header = new StringBuilder("| tasks | batch per task |");
    for (int e = 1; e <= epochs; e++) {
      header.append(" epoch ").append(e).append(" |");
    }
    System.out.println(header.append(" seconds |"));
    System.out.println("|---|---|" + "---|".repeat(epochs) + "---|");
    for (Curves c : runs) {
      StringBuilder line = new StringBuilder("| " + c.tasks() + " | " + GLOBAL_BATCH / c.tasks() + " |");
      for (int e = 0; e < epochs; e++) {
        line.append(String.format(Locale.ROOT, " %.4f / %.4f |", c.valLoss()[e], c.valAccuracy()[e]));
      }
      System.out.println(line.append(String.format(Locale.ROOT, " %.1f |", c.seconds()[epochs - 1])));
    }
    System.out.println("(each cell: validation loss / validation accuracy after the epoch)");
  }

  private static Panel panel(List<Curves> runs, String title, boolean loss) {
    XYChart chart = new XYChartBuilder().width(560).height(400).title("BarrierTrainer: " + title)
        .xAxisTitle("epoch").yAxisTitle(title).build();
    for (Curves c : runs) {
      double[] epochs = new double[c.loss().length];
      for (int e = 0; e < epochs.length; e++) {
        epochs[e] = e + 1;
      }
      chart.addSeries(c.tasks() + (c.tasks() == 1 ? " task" : " tasks"), epochs,
          loss ? c.valLoss() : c.valAccuracy());
    }
    return Panel.of(chart);
  }
}
