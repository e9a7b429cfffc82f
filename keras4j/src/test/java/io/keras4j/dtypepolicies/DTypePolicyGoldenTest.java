package io.keras4j.dtypepolicies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.OneDnn;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Layer;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.optimizers.SGD;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Conv2D + BatchNormalization + Dense model and an LSTM + GRU + Dense model written by Keras 3.15.1 under
 * "mixed_bfloat16" and "mixed_float16" (tools/keras-reference/mixed_precision.py): the policies, output and variable
 * dtypes of each layer, the predictions, an epoch of SGD steps and a save/load round trip match Keras.
 *
 * <p>Tolerances are one rounding step of the compute dtype: 2^-8 (0.0039) for bfloat16's 8 significant bits,
 * 2^-11 (0.00049) for float16's 11 (two for the recurrent float16 case, see below), relative to max(1, |expected|). Measured on an AMD EPYC with AVX-512 BF16: the
 * predictions equal Keras' bit for bit, the loss of the epoch differs by 7e-5 (bfloat16) and 9e-5 (float16), and the
 * trained weights by at most 1.1e-3 (bfloat16, the conv kernel) and 2.0e-4 (float16), where three SGD steps move
 * them by up to 0.2. The model uses tanh: with relu, a pre-activation within rounding of zero flipped relu's gradient
 * between the two libraries and moved one bfloat16 weight by 0.05.
 */
class DTypePolicyGoldenTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"mixed_bfloat16,0.00390625", "mixed_float16,0.00048828125"})
  void matchesKeras(String policy, double tolerance) throws IOException {
    check(policy, policy, tolerance, new long[] {12, 6, 6, 2}, 3, "categorical_crossentropy");
  }

  /**
   * LSTM (sequences) -> GRU -> Dense under each policy: the recurrences run and train in the compute dtype, their
   * weights' gradients through the loops cast back to float32 as Keras' (Cast's gradient), two SGD steps as Keras.
   * Float16 within two rounding steps: float16 arithmetic differs by CPU. On an Intel Xeon with {@code avx512_fp16}
   * (12-07), Keras 3.15.1's own trained predictions differed from these golden ones (written on an AMD EPYC) by 2^-11,
   * and keras4j's by 2^-10 (with and without the denormal flush of inline runs), while keras4j matched that
   * machine's Keras within 2^-11; loss, weights and untrained predictions were within 2^-11 there too. Bfloat16
   * within 2^-6 (two bfloat16 rounding steps of values in [1, 2)) where TensorFlow leaves oneDNN off: on a Zen 3
   * (AVX2, no {@code avx512_bf16}; 12-08) Keras 3.15.1's own predictions of this file differed from the golden ones
   * by 0.005859375 untrained and 0.0078125 after the two steps, keras4j's by 0.005859375 and 0.01171875.
   */
  @ParameterizedTest
  @CsvSource({"mixed_bfloat16,0.00390625", "mixed_float16,0.0009765625"})
  void recurrentModelMatchesKeras(String policy, double tolerance) throws IOException {
    boolean eigenBfloat16 = "mixed_bfloat16".equals(policy) && OneDnn.off();
    check(policy + "_rnn", policy, eigenBfloat16 ? 0.015625 : tolerance, new long[] {8, 5, 3}, 2,
        "mean_squared_error");
  }

  private void check(String name, String policy, double tolerance, long[] xShape, int classes, String loss)
      throws IOException {
    Map<String, Object> golden = golden(name);
    Path file = dir.resolve(name + ".keras");
    try (InputStream in = getClass().getResourceAsStream(name + ".keras")) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    NDArray x = NDArray.of(floats(golden.get("x")), xShape);
    NDArray y = NDArray.of(floats(golden.get("y")), xShape[0], classes);
    try (Model model = Models.loadModel(file)) {
      assertEquals(policy, model.dtypePolicy().name());
      checkDtypes(model, golden);
      assertClose(floats(golden.get("predictions")), model.predict(x).toFloatArray(), tolerance, "predict");

      Path saved = dir.resolve("round_trip.keras");
      model.save(saved);
      try (Model reloaded = Models.loadModel(saved)) {
        checkDtypes(reloaded, golden);
        assertClose(model.predict(x).toFloatArray(), reloaded.predict(x).toFloatArray(), 0, "round trip");
      }

      model.compile(new SGD(0.1), loss);
      assertEquals(golden.get("optimizer"), model.optimizer().getClass().getSimpleName());
      double trainedLoss = model.fit(x, y, new FitOptions().batchSize(4).epochs(1).shuffle(false).verbose(0))
          .history().get("loss").get(0);
      assertEquals(((Number) golden.get("loss")).doubleValue(), trainedLoss, tolerance, "loss");
      checkTrainedWeights(model, golden, tolerance);
      assertClose(floats(golden.get("trained_predictions")), model.predict(x).toFloatArray(), tolerance,
          "predict after training");
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkDtypes(Model model, Map<String, Object> golden) {
    Map<String, Map<String, Object>> layers = (Map<String, Map<String, Object>>) golden.get("layers");
    for (Layer layer : model.layers()) {
      Map<String, Object> expected = layers.get(layer.name());
      assertEquals(expected.get("policy"), layer.dtypePolicy().name(), layer.name());
      assertEquals(expected.get("compute_dtype"), layer.computeDtype(), layer.name());
      assertEquals(expected.get("variable_dtype"), layer.variableDtype(), layer.name());
      assertEquals(expected.get("output_dtype"), layer.output().dtype(), layer.name());
      assertEquals(expected.get("weight_dtypes"), layer.weights().stream().map(Variable::dtype).toList(),
          layer.name());
    }
  }

  /** Every weight after training against Keras', in Keras' order of {@code model.weights} (paths in the golden). */
  @SuppressWarnings("unchecked")
  private static void checkTrainedWeights(Model model, Map<String, Object> golden, double tolerance) {
    Map<String, Object> trained = (Map<String, Object>) golden.get("trained_weights");
    List<String> paths = (List<String>) golden.get("trained_weight_paths");
    List<NDArray> values = model.getWeights();
    assertEquals(paths.size(), values.size(), "weights");
    StringBuilder report = new StringBuilder();
    double worst = 0;
    for (int i = 0; i < paths.size(); i++) {
      double d = largestDifference(floats(trained.get(paths.get(i))), values.get(i).toFloatArray());
      report.append(paths.get(i)).append('=').append(d).append(' ');
      worst = Math.max(worst, d);
    }
    assertTrue(worst <= tolerance, "trained weights: " + report);
  }

  private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
    double worst = largestDifference(expected, actual);
    assertTrue(worst <= tolerance, what + ": largest difference " + worst + " > " + tolerance);
  }

  /** The largest |expected - actual| / max(1, |expected|). */
  private static double largestDifference(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      double scale = Math.max(1, Math.abs(expected[i]));
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]) / scale);
    }
    return worst;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> golden(String policy) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(policy + ".json")) {
      return new ObjectMapper().readValue(in, Map.class);
    }
  }

  private static float[] floats(Object list) {
    List<?> l = (List<?>) list;
    float[] out = new float[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) l.get(i)).floatValue();
    }
    return out;
  }
}
