package io.keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.examples.AlertScoring;
import io.keras4j.examples.Alerts;
import io.keras4j.examples.Braai;
import io.keras4j.examples.LightCurve;
import io.keras4j.examples.LightCurveEncoding;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingAlertScoringTest {
  private static final int MAX_LENGTH = 32;
  /** ../shared/data/ztf seen from the repository (null when absent). */
  private static final Path DATA = AlertScoring.defaultData();
  private static SparkSession spark;
  private static Path lightCurveModel;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session();
    lightCurveModel = AlertStreamSimulator.trainLightCurveModel(dir.resolve("lc.keras"), MAX_LENGTH, 10, 1, 3);
  }

  /** Scored rows by candid, failing on a candid written twice. */
  private static Map<Long, Row> scoresByCandid(Path out) {
    Map<Long, Row> byCandid = new HashMap<>();
    for (Row r : spark.read().parquet(out.toString()).collectAsList()) {
      Row before = byCandid.put(r.<Long>getAs("candid"), r);
      assertTrue(before == null, "candid " + r.getAs("candid") + " was written twice");
    }
    return byCandid;
  }

  /** Moves a file into the watched directory in one step (write elsewhere, then rename). */
  private static void drop(Path file, Path input) throws IOException {
    Path tmp = input.resolve("." + file.getFileName() + ".tmp");
    Files.copy(file, tmp);
    Files.move(tmp, input.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Runs the query until the first attempt of {@code crashAfter} has written its output, then fails it (as a
   * driver lost after writing, before Spark recorded the batch); drops {@code later} in; restarts from the
   * checkpoint until everything is scored.
   */
  private static void crashAndRestart(StreamingAlertScoring scoring, Path input, Path out, long crashAfter,
      List<Path> later) throws Exception {
    AtomicBoolean crash = new AtomicBoolean(true);
    scoring.afterWrite = id -> {
      if (id == crashAfter && crash.getAndSet(false)) {
        throw new IllegalStateException("simulated crash after writing batch " + id);
      }
    };
    String ckpt = dir.resolve(out.getFileName() + "-ckpt").toString();
    StreamingQuery first = scoring.start(spark, input.toString(), out.toString(), ckpt);
    assertThrows(StreamingQueryException.class, () -> first.awaitTermination(180_000));
    assertTrue(Files.isDirectory(out.resolve("batch_id=" + crashAfter)), "the crashed batch wrote its output");
    for (Path f : later) {
      drop(f, input);
    }
    StreamingQuery second = scoring.start(spark, input.toString(), out.toString(), ckpt);
    second.processAllAvailable();
    second.stop();
  }

  /** The packets of {@code files} read with Avro's own reader (not spark-avro). */
  private static List<GenericRecord> packets(List<Path> files) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f);
          DataFileStream<GenericRecord> records = new DataFileStream<>(in, new GenericDatumReader<>())) {
        records.forEach(out::add);
      }
    }
    return out;
  }

  /** The detections of a packet, g and r band with a magnitude, written here independently of AlertDecoder. */
  private static LightCurve history(GenericRecord r) {
    List<GenericRecord> points = new ArrayList<>();
    Object prv = r.get("prv_candidates");
    if (prv != null) {
      for (Object p : (List<?>) prv) {
        points.add((GenericRecord) p);
      }
    }
    points.add((GenericRecord) r.get("candidate"));
    // the prv_candidates of some packets (schema 3.5 here) carry no magnitudes at all
    List<GenericRecord> kept = points.stream().filter(p -> p.hasField("magpsf") && p.get("magpsf") != null
        && p.get("sigmapsf") != null && ((Integer) p.get("fid") == 1 || (Integer) p.get("fid") == 2)).toList();
    double[] t = kept.stream().mapToDouble(p -> (Double) p.get("jd") - 2400000.5).toArray();
    int[] band = kept.stream().mapToInt(p -> (Integer) p.get("fid") - 1).toArray();
    double[] mag = kept.stream().mapToDouble(p -> (Float) p.get("magpsf")).toArray();
    double[] err = kept.stream().mapToDouble(p -> (Float) p.get("sigmapsf")).toArray();
    return LightCurve.sorted(r.get("objectId").toString(), null, t, band, mag, err);
  }

  /** Checks every packet of {@code files} against keras4j's own predict of both models on the same packets. */
  private static void assertScoresEqualPredict(List<Path> files, Path rbModel, Map<Long, Row> scored)
      throws IOException {
    List<GenericRecord> packets = packets(files);
    assertEquals(packets.size(), scored.size(), "every alert scored once");
    List<Alerts.Alert> alerts = packets.stream().map(Alerts::of).toList();
    float[][] rb;
    float[][] probabilities;
    try (Model m = Models.loadModel(rbModel)) {
      rb = m.predict(Braai.triplets(alerts)).toFloat2D();
    }
    try (Model m = Models.loadModel(lightCurveModel)) {
      probabilities = m.predict(LightCurveEncoding.sequences(packets.stream().map(
          StreamingAlertScoringTest::history).toList(), MAX_LENGTH)).toFloat2D();
    }
    for (int i = 0; i < packets.size(); i++) {
      Row row = scored.get(alerts.get(i).candid());
      assertEquals(alerts.get(i).objectId(), row.getAs("objectId"));
      assertEquals(rb[i][0], row.<Float>getAs("rb"), 1e-6, "rb of " + alerts.get(i).candid());
      List<Float> p = row.getList(row.fieldIndex("class_probabilities"));
      assertEquals(probabilities[i].length, p.size());
      for (int c = 0; c < p.size(); c++) {
        assertEquals(probabilities[i][c], p.get(c), 1e-6, "class " + c + " of " + alerts.get(i).candid());
      }
    }
  }

  @Test
  void aRestartedQueryScoresEverySimulatedAlertExactlyOnce() throws Exception {
    Path input = Files.createDirectories(dir.resolve("sim-in"));
    Path staging = Files.createDirectories(dir.resolve("sim-staging"));
    Path out = dir.resolve("sim-out");
    Path rbModel = dir.resolve("braai.keras");
    try (Model m = Braai.architecture(42)) {
      m.save(rbModel);
    }
    List<Path> files = new ArrayList<>();
    for (int f = 0; f < 5; f++) {
      files.add(AlertStreamSimulator.write(staging, "alerts_" + f + ".avro", 4, 100L * (f + 1), f));
    }
    for (Path f : files.subList(0, 3)) {
      drop(f, input);
    }
    int loadsBefore = ExecutorModels.loads();
    StreamingAlertScoring scoring = new StreamingAlertScoring(rbModel, lightCurveModel).maxFilesPerTrigger(1)
        .batchSize(3).maxLength(MAX_LENGTH);
    crashAndRestart(scoring, input, out, 1, files.subList(3, 5));

    Map<Long, Row> scored = scoresByCandid(out);
    assertEquals(20, scored.size());
    assertScoresEqualPredict(files, rbModel, scored);
    // batch 1 was replayed with the files it first read: its output is one whole file of 4 alerts, once
    List<Long> replayed = spark.read().parquet(out.toString()).where("batch_id = 1").collectAsList().stream()
        .map(r -> r.<Long>getAs("candid") / 100).distinct().toList();
    assertEquals(1, replayed.size(), "batch 1 holds one file's alerts: " + replayed);
    assertEquals(5, spark.read().parquet(out.toString()).select("batch_id").distinct().count());
    // two models, local[2]: at most two copies of each however many batches ran
    assertTrue(ExecutorModels.loads() - loadsBefore <= 4, "loads: " + (ExecutorModels.loads() - loadsBefore));
  }

  @Test
  void aRestartedQueryScoresEveryZtfAlertExactlyOnceWithBraai() throws Exception {
    assumeTrue(DATA != null, "../shared/data/ztf absent");
    Path alerts = DATA.resolve("alerts");
    Path d6m7 = DATA.resolve(Path.of("braai", "models", "d6_m7.h5"));
    assumeTrue(Files.isDirectory(alerts) && Files.exists(d6m7), "ZTF alerts and braai's d6_m7 absent: " + DATA);
    List<Path> files;
    try (Stream<Path> s = Files.list(alerts)) {
      files = s.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
    }
    assumeTrue(files.size() >= 2, "fewer than two alert files in " + alerts);
    Path input = Files.createDirectories(dir.resolve("ztf-in"));
    Path out = dir.resolve("ztf-out");
    drop(files.get(0), input);
    StreamingAlertScoring scoring = new StreamingAlertScoring(d6m7, lightCurveModel).maxFilesPerTrigger(1)
        .maxLength(MAX_LENGTH);
    crashAndRestart(scoring, input, out, 0, files.subList(1, files.size()));

    Map<Long, Row> scored = scoresByCandid(out);
    assertScoresEqualPredict(files, d6m7, scored);
    int checked = 0;
    for (GenericRecord packet : packets(files)) {
      Alerts.Alert a = Alerts.of(packet);
      assertEquals(a.drb(), scored.get(a.candid()).<Float>getAs("drb"), "the packet's drb, passed through");
      // ZTF's own d6_m7 score of the packet AlertScoringTest checks; the 2019 packet 472263571115115000 (drb
      // 0.98764, drbversion d6_m7) scores 0.99996 here and in the examples' single-JVM path alike
      if (a.candid() == 1661382530015060001L) {
        assertEquals("d6_m7", a.drbVersion());
        assertEquals(a.drb(), scored.get(a.candid()).<Float>getAs("rb"), 1e-4, "candid " + a.candid());
        checked++;
      }
    }
    assertEquals(1, checked, "the 2022 packet 1661382530015060001 was scored");
  }

  @Test
  void settersRejectBadValues() {
    StreamingAlertScoring s = new StreamingAlertScoring(Path.of("a.h5"), Path.of("b.keras"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.maxFilesPerTrigger(-1)).getMessage()
        .contains("maxFilesPerTrigger must be >= 0 (0: no limit); received -1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.batchSize(0)).getMessage()
        .contains("batch_size must be positive; received 0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.maxLength(0)).getMessage()
        .contains("maxLength must be positive; received 0"));
  }
}
