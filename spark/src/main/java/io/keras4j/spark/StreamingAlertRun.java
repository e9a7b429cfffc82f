package io.keras4j.spark;

import io.keras4j.examples.AlertScoring;
import io.keras4j.examples.Alerts;
import io.keras4j.examples.Braai;
import io.keras4j.examples.LightCurveSimulator;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

/** The command line of {@link StreamingAlertScoring#main}: one available-now run over a directory, timed. */
final class StreamingAlertRun {
  private StreamingAlertRun() {}

  static void main(String[] args) throws Exception {
    Path data = AlertScoring.defaultData();
    Path alerts = data == null ? null : data.resolve("alerts");
    Path rbModel = data == null ? null : data.resolve(Path.of("braai", "models", "d6_m7.h5"));
    Path lcModel = null;
    Path out = Path.of("spark", "target", "alert-scores");
    Path checkpoint = null;
    String master = "local[2]";
    int simulate = 0;
    int maxFiles = 0;
    int batchSize = 64;
    int rounds = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--alerts" -> alerts = Path.of(args[++i]);
        case "--simulate" -> simulate = Integer.parseInt(args[++i]);
        case "--rb-model" -> rbModel = Path.of(args[++i]);
        case "--lc-model" -> lcModel = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--checkpoint" -> checkpoint = Path.of(args[++i]);
        case "--max-files" -> maxFiles = Integer.parseInt(args[++i]);
        case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
        case "--master" -> master = args[++i];
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("StreamingAlertScoring: unknown option " + args[i]
            + "; expected --alerts DIR, --simulate N, --rb-model FILE, --lc-model FILE, --out DIR, --checkpoint DIR,"
            + " --max-files N, --batch-size N, --master URL, --rounds N");
      }
    }
    Path work = Files.createTempDirectory("keras4j-alert-stream");
    if (simulate > 0 || alerts == null || !Files.isDirectory(alerts)) {
      alerts = Files.createDirectories(work.resolve("alerts"));
      int n = Math.max(simulate, 100);
      for (int f = 0; f * 100 < n; f++) {
        AlertStreamSimulator.write(alerts, String.format("sim_%05d.avro", f), Math.min(100, n - f * 100),
            1_000_000L + f * 100L, f);
      }
      System.out.println("Simulated " + n + " alert packets in " + alerts);
    }
    if (rbModel == null || !Files.exists(rbModel)) {
      rbModel = work.resolve("braai_untrained.keras");
      try (Model m = Braai.architecture(42)) {
        m.save(rbModel);
      }
      System.out.println("DEMO: no braai model found; real/bogus scores come from an UNTRAINED braai network");
    }
    if (lcModel == null) {
      System.out.println("Training the light-curve GRU on simulated light curves (200 per class, 5 epochs)...");
      lcModel = AlertStreamSimulator.trainLightCurveModel(work.resolve("light_curves.keras"), 32, 200, 5, 7);
    }
    if (checkpoint == null) {
      checkpoint = out.resolveSibling(out.getFileName() + "-checkpoint");
    }
    SparkSession.Builder b = SparkSession.builder().appName("keras4j-streaming-alert-scoring");
    if (System.getProperty("spark.master") == null) {
      b = b.master(master).config("spark.ui.enabled", "false");
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      StreamingAlertScoring scoring = new StreamingAlertScoring(rbModel, lcModel).maxFilesPerTrigger(maxFiles)
          .batchSize(batchSize);
      for (int r = 0; r < rounds; r++) { // interleaved with a single JVM's decoding and real/bogus predict
        singleJvm(alerts, rbModel, batchSize);
        Path o = rounds == 1 ? out : out.resolveSibling(out.getFileName() + "-" + r);
        run(spark, scoring, alerts, o, rounds == 1 ? checkpoint : o.resolveSibling(o.getFileName() + "-checkpoint"));
      }
    } finally {
      spark.stop();
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** The examples' single-JVM path for comparison: Avro and FITS decoding, braai's triplets, predict. */
  private static void singleJvm(Path alerts, Path rbModel, int batchSize) throws Exception {
    try (Model m = Models.loadModel(rbModel)) {
      long t0 = System.nanoTime();
      List<Alerts.Alert> all = Alerts.readAll(alerts);
      m.predict(Braai.triplets(all), batchSize);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("Single JVM, real/bogus only: %d alerts decoded and scored in %.1f s (%.1f alerts/s)%n",
          all.size(), seconds, all.size() / seconds);
    }
  }

  private static void run(SparkSession spark, StreamingAlertScoring scoring, Path alerts, Path out, Path checkpoint)
      throws Exception {
    String output = out.toAbsolutePath().toString();
    long t0 = System.nanoTime();
    StreamingQuery q = scoring.readStream(spark, alerts.toAbsolutePath().toString()).writeStream()
        .option("checkpointLocation", checkpoint.toAbsolutePath().toString())
        .trigger(Trigger.AvailableNow())
        .foreachBatch((Dataset<Row> batch, Long id) -> scoring.writeBatch(batch, id, output))
        .start();
    q.awaitTermination();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long rows = 0;
    long ms = 0;
    for (StreamingQueryProgress p : q.recentProgress()) {
      rows += p.numInputRows();
      ms += p.durationMs().getOrDefault("triggerExecution", 0L);
    }
    System.out.printf("Scored %d alerts in %d micro-batches: %.1f s from start (%.1f alerts/s), %.1f s in batches"
        + " (%.1f alerts/s)%n", rows, q.recentProgress().length, seconds, rows / seconds, ms / 1e3,
        rows / Math.max(ms / 1e3, 1e-9));
    System.out.println("Scores under " + output + " (Parquet, one batch_id=N directory per micro-batch); classes "
        + Arrays.toString(LightCurveSimulator.CLASSES));
    spark.read().parquet(output).orderBy("candid").show(5, false);
  }
}
