package io.keras4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SuiteReport and Targets on a small made-up results directory: two rounds of keras4j and raw TensorFlow Java, one
 * of each Keras peer; every expected ratio below is worked out by hand from the figures written here.
 */
class SuiteReportTest {
  @TempDir Path dir;

  void write(String dirName, String file, String json) throws IOException {
    Path d = dir.resolve(dirName);
    Files.createDirectories(d);
    Files.writeString(d.resolve(file), json);
  }

  /** The made-up suite: W2 only, loads of two models, W2's peak memory. */
  String report(boolean w5) throws IOException {
    write("suite", "keras4j-1.json", "{\"keras4j/w2_train\": [90], \"keras4j_spe32/w2_train\": [110],"
        + " \"raw_tf/w2_train\": [100], \"keras4j/w2_train_trace_s\": [0.5],"
        + " \"keras4j_spe32/w2_train_trace_s\": [-0.02]}");
    write("suite", "keras4j-2.json", "{\"keras4j/w2_train\": [110], \"keras4j_spe32/w2_train\": [130],"
        + " \"raw_tf/w2_train\": [120], \"keras4j/w2_train_trace_s\": [1.7]}");
    write("suite", "keras_tf-1.json", "{\"keras_tf/w2_train\": [80]}");
    write("suite", "keras_tf_spe32-1.json", "{\"keras_tf_spe32/w2_train\": [150]}");
    write("suite", "keras_jax_spe32-1.json", "{\"keras_jax_spe32/w2_train\": [60]}");
    write("suite", "keras4j_load-1.json", "{\"keras4j/w6_load_predict_densenet121_s\": [4.0],"
        + " \"keras4j/w6_load_mobilenetv2_s\": [1.75], \"keras4j/w6_first_predict_mobilenetv2_s\": [1.25],"
        + " \"keras4j/w6_load_predict_mobilenetv2_s\": [3.0], \"keras4j/peak_mib_w2_train\": [1000],"
        + " \"keras4j/w6_load_predict_mobilenetv2_process_s\": [4.5]}");
    write("suite", "keras_tf_load-1.json", "{\"keras_tf_noonednn/w6_load_predict_densenet121_s\": [5.0],"
        + " \"keras_tf/w6_load_predict_mobilenetv2_s\": [2.4], \"keras_tf/peak_mib_w2_train\": [1250],"
        + " \"keras_tf/w6_load_predict_mobilenetv2_process_s\": [9.0],"
        + " \"keras_tf/meta\": {\"not\": \"a list\"}}");
    write("w5", "keras4j-1.json", "{\"keras4j/w5_train\": [1500], \"keras4j_spe32/w5_train\": [1400]}");
    write("w5", "keras-1.json", "{\"keras/w5_train\": [1500], \"keras_spe32/w5_train\": [1700]}");
    return SuiteReport.report(dir.resolve("suite").toFile(), "Test CPU", "2",
        w5 ? dir.resolve("w5").toFile() : null);
  }

  /** Asserts that the report holds every one of the lines (or line parts). */
  static void assertHas(String report, String... parts) {
    for (String part : parts) {
      assertTrue(report.contains(part), () -> "missing: " + part + "\nin:\n" + report);
    }
  }

  @Test
  void rawGapPoolsRoundsAndPairsTheRangesExtremes() throws IOException {
    assertHas(report(false),
        // keras4j spe 1: 90, 110 -> 100 (90–110); raw 100, 120 -> 110 (100–120): 100/110, 90/120, 110/100
        "| 15.2 | w2_train: keras4j default (spe 1) / raw TF Java | 0.91 (0.75–1.10) | >= 0.95 | **missed** (spread "
            + "crosses) |",
        // best: spe 32, 110, 130 -> 120 (110–130): 120/110, 110/120, 130/100
        "| w2_train: keras4j best / raw TF Java | 1.09 (0.92–1.30) | >= 0.95 | met (spread crosses) |");
  }

  @Test
  void kerasRatiosAtTheSameSettingAndBestAgainstBest() throws IOException {
    assertHas(report(false),
        "w2_train: keras4j spe 1 / Keras-TF spe 1 | 1.25 (1.13–1.38) | >= 1.00 | met |",
        // Keras' best is its spe 32 (150): 120/150, 110/150, 130/150
        "w2_train: keras4j best / Keras-TF best | 0.80 (0.73–0.87) | >= 1.00 | **missed** |",
        "w2_train: keras4j best / Keras-JAX spe 32 | 2.00 (1.83–2.17) | >= 1.00 | met |",
        "w3_train: keras4j best / Keras-JAX spe 32 | — | >= 1.00 | not measured |");
  }

  @Test
  void traceSecondsKeepNegativeFirstRunExtras() throws IOException {
    assertHas(report(false),
        "w2_train: keras4j spe 1, first-run extra (s) | 1.10 (0.50–1.70) | <= 1.00 | **missed** (spread crosses) |",
        "w2_train: keras4j spe 32, first-run extra (s) | -0.02 (-0.02–-0.02) | <= 1.00 | met |",
        // the trace table prints the negative figure rather than a dash
        "| keras4j (steps_per_execution 32) | — | — | -0.02 (-0.02–-0.02) | — | — |");
  }

  @Test
  void loadFallsBackToKerasWithoutOneDnnOnlyWhereItsDefaultCrashed() throws IOException {
    assertHas(report(false),
        "densenet121: load + first predict, keras4j / Keras-TF with TF_ENABLE_ONEDNN_OPTS=0 (its default crashed) "
            + "(time) | 0.80 (0.80–0.80) | <= 1.00 | met |",
        "mobilenetv2: load + first predict, keras4j / Keras-TF (time) | 1.25 (1.25–1.25) | <= 1.00 | **missed** |",
        "w2_train: peak RSS, keras4j / Keras-TF | 0.80 (0.80–0.80) | <= 1.00 | met |",
        "| densenet121 | 4.0 (4.0–4.0) | 5.0 (5.0–5.0) with TF_ENABLE_ONEDNN_OPTS=0 (its default crashed) | 0.80 "
            + "(0.80–0.80) |",
        // since process start: 4.5 / 9.0 = 0.5; DenseNet121's runs have no such keys
        "| mobilenetv2 | 3.0 (3.0–3.0) = 1.8 + 1.3 | 2.4 (2.4–2.4) | 1.25 (1.25–1.25) | 4.5 / 9.0 = 0.50 |",
        "| 0.80 (0.80–0.80) | — |");
  }

  @Test
  void countsOnlyMeasuredTargetsAndAddsW5WhenGiven() throws IOException {
    String without = report(false);
    assertFalse(without.contains("| 10.5 |"), without);
    // met: best/raw, spe 1/Keras spe 1, best/JAX, spe 32 trace, DenseNet121 load, W2 peak
    assertHas(without, "6 of 11 measured targets met (32 not measured).");
    assertHas(report(true),
        "w5_train: keras4j / Keras-TF (defaults) | 1.00 (1.00–1.00) | >= 1.00 | met |",
        "w5_train: keras4j best / Keras-TF best | 0.88 (0.88–0.88) | >= 1.00 | **missed** |",
        "7 of 13 measured targets met (38 not measured).");
  }

  @Test
  void w4AndTheMatmulRateArePooledOverRounds() throws IOException {
    write("suite", "keras4j_w4-1.json", "{\"keras4j/w4_ms\": [1700]}");
    write("suite", "keras4j_w4-2.json", "{\"keras4j/w4_ms\": [1500]}");
    write("suite", "keras4j_w4-3.json", "{\"keras4j/w4_ms\": [1200], \"machine/matmul_1024_gflops\": [350.4]}");
    assertHas(report(false), "saved W3 model (.keras), ms: 1,500 (1,200–1,700); TensorFlow MatMul (fed), GFLOP/s: "
        + "1024x1024 350 (350–350), 2048x2048 —.");
  }

  @Test
  void aTargetIsJudgedOnTheMedianAsPrinted() {
    assertTrue(new Targets.Row("15.2", "x", new Report.Stat(0.9496, 0.9, 1.0), true, 0.95).met());
    assertFalse(new Targets.Row("15.2", "x", new Report.Stat(0.9449, 0.9, 1.0), true, 0.95).met());
    assertTrue(new Targets.Row("15.5", "x", new Report.Stat(1.004, 0.9, 1.2), false, 1).met());
    assertEquals("not measured", new Targets.Row("15.5", "x", Targets.missing(), false, 1).verdict());
  }

  @Test
  void aPeerThatFailedPartWayIsNamedAndTheRestStillReported() throws IOException {
    write("suite", "dl4j-1.json", "");
    write("suite", "pytorch-1.json", "{\"pytorch/w1_tr");
    assertHas(report(false),
        "Not read (empty or not JSON: the peer failed, see its .err file): dl4j-1.json, pytorch-1.json",
        "6 of 11 measured targets met");
  }

  @Test
  void anEmptyDirectoryReportsNothingMeasured() throws IOException {
    File empty = dir.resolve("empty").toFile();
    assertTrue(empty.mkdir());
    assertHas(SuiteReport.report(empty, "c", "1", null), "0 of 0 measured targets met (43 not measured).");
  }
}
