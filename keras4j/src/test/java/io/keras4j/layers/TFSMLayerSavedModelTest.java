package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.optimizers.SGD;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SavedModels written by TensorFlow 2 (Keras 3's {@code model.export}, {@code tf.saved_model.save} of a tf.Module)
 * as layers, against the numbers tools/keras-reference/tfsm_models.py obtained from TensorFlow 2.21.
 */
class TFSMLayerSavedModelTest {
  static Path savedModel(String name) throws Exception {
    return Path.of(TFSMLayerSavedModelTest.class.getResource("tfsm/" + name).toURI());
  }

  static JsonNode reference(String name) throws Exception {
    try (InputStream in = TFSMLayerSavedModelTest.class.getResourceAsStream("tfsm/reference.json")) {
      return new ObjectMapper().readTree(in).get(name);
    }
  }

  /** The values of a nested JSON array, row-major, with its shape. */
  static NDArray array(JsonNode json) {
    List<Long> shape = new ArrayList<>();
    for (JsonNode n = json; n.isArray(); n = n.get(0)) {
      shape.add((long) n.size());
    }
    List<Float> values = new ArrayList<>();
    flatten(json, values);
    float[] v = new float[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i);
    }
    return NDArray.of(v, shape.stream().mapToLong(Long::longValue).toArray());
  }

  private static void flatten(JsonNode json, List<Float> out) {
    if (json.isArray()) {
      json.forEach(c -> flatten(c, out));
    } else {
      out.add(json.floatValue());
    }
  }

  static Model model(TFSMLayer layer, NDArray x) {
    long[] s = x.shape();
    int[] shape = new int[s.length - 1];
    for (int i = 1; i < s.length; i++) {
      shape[i - 1] = (int) s[i];
    }
    KerasTensor in = Input.of(shape);
    return new Model(in, layer.apply(in));
  }

  static Variable byPath(TFSMLayer layer, String path) {
    return layer.weights().stream().filter(v -> v.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no variable " + path + " among " + layer.weights()));
  }

  static String path(JsonNode variable) {
    return variable.get("name").asText().replaceFirst(":0$", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dense", "conv_bn", "module", "cumprod"})
  void predictsWhatTensorFlowComputed(String name) throws Exception {
    JsonNode ref = reference(name);
    NDArray x = array(ref.get("x"));
    Model m = model(new TFSMLayer(savedModel(name), "serve"), x);
    assertArrayEquals(array(ref.get("y_pred")).toFloatArray(), m.predict(x).toFloatArray(), 1e-5f);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dense", "conv_bn", "module"})
  void variablesHaveTheSavedModelsNamesFlagsAndValues(String name) throws Exception {
    TFSMLayer layer = new TFSMLayer(savedModel(name), "serve");
    JsonNode vars = reference(name).get("variables");
    assertEquals(vars.size(), layer.weights().size(), "variables of " + name + ": " + layer.weights());
    for (JsonNode v : vars) {
      Variable got = byPath(layer, path(v));
      assertEquals(v.get("trainable").asBoolean(), got.trainable(), path(v));
      assertArrayEquals(array(v.get("value")).toFloatArray(), layer.getWeights().get(layer.weights().indexOf(got))
          .toFloatArray(), 0f, path(v));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dense", "conv_bn", "module"})
  void oneSgdStepMovesTheVariablesAsTensorFlowsGradientDoes(String name) throws Exception {
    JsonNode ref = reference(name);
    TFSMLayer layer = new TFSMLayer(savedModel(name), "serve").trainable(true);
    NDArray x = array(ref.get("x"));
    NDArray y = array(ref.get("y"));
    Model m = model(layer, x);
    m.compile(new CompileOptions().optimizer(new SGD(ref.get("learning_rate").asDouble())).loss("mse"));
    var h = m.fit(x, y, new FitOptions().epochs(1).batchSize((int) x.shape()[0]).shuffle(false).verbose(0));
    assertOneSgdStepAsTensorFlow(ref, layer, h.get("loss").get(0));
  }

  /** The fit's loss and each variable after the one SGD step equal the reference's (tf.GradientTape), within 1e-5. */
  private static void assertOneSgdStepAsTensorFlow(JsonNode ref, TFSMLayer layer, double loss) {
    assertEquals(ref.get("loss").asDouble(), loss, 1e-5, "loss before the step");
    for (JsonNode v : ref.get("variables")) {
      Variable got = byPath(layer, path(v));
      float[] now = layer.getWeights().get(layer.weights().indexOf(got)).toFloatArray();
      assertArrayEquals(array(v.get("after_sgd_step")).toFloatArray(), now, 1e-5f, path(v));
    }
  }

  /** A Keras functional model (two inputs, two outputs, exact GELU) saved by tf.saved_model.save. */
  @Test
  void aTwoInputTwoOutputModelPredictsAndFineTunesAsTensorFlow() throws Exception {
    JsonNode ref = reference("two_in_two_out");
    TFSMLayer layer = new TFSMLayer(savedModel("two_in_two_out")).trainable(true);
    List<NDArray> x = List.of(array(ref.get("inputs").get("inputs")), array(ref.get("inputs").get("inputs_1")));
    List<NDArray> y = List.of(array(ref.get("targets").get("output_0")), array(ref.get("targets").get("output_1")));
    List<KerasTensor> in = List.of(Input.of(5), Input.of(3));
    Model m = new Model(in, layer.apply(in));
    List<NDArray> predicted = m.predictOutputs(x);
    assertArrayEquals(array(ref.get("outputs").get("output_0")).toFloatArray(), predicted.get(0).toFloatArray(), 1e-5f);
    assertArrayEquals(array(ref.get("outputs").get("output_1")).toFloatArray(), predicted.get(1).toFloatArray(), 1e-5f);
    m.compile(new CompileOptions().optimizer(new SGD(ref.get("learning_rate").asDouble())).loss("mse"));
    var h = m.fit(x, y, new FitOptions().epochs(1).batchSize(4).shuffle(false).verbose(0));
    assertOneSgdStepAsTensorFlow(ref, layer, h.get("loss").get(0));
  }

  @Test
  void aFrozenSavedModelKeepsItsVariablesWhileTheHeadTrains() throws Exception {
    JsonNode ref = reference("conv_bn");
    TFSMLayer base = new TFSMLayer(savedModel("conv_bn"), "serve");
    assertEquals(List.of(), base.trainableWeights());
    NDArray x = array(ref.get("x"));
    KerasTensor in = Input.of(6, 6, 2);
    Dense head = new Dense(1);
    Model m = new Model(in, head.apply(base.apply(in)));
    m.compile(new CompileOptions().optimizer(new SGD(0.1)).loss("mse"));
    List<NDArray> before = base.getWeights();
    float[] headBefore = head.getWeights().get(0).toFloatArray();
    m.fit(x, NDArray.of(new float[] {1, -1, 0.5f, 2, 0}, 5, 1), new FitOptions().epochs(3).verbose(0));
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i).toFloatArray(), base.getWeights().get(i).toFloatArray(), 0f, "frozen " + i);
    }
    assertFalse(Arrays.equals(headBefore, head.getWeights().get(0).toFloatArray()), "the head trained");
  }

  @Test
  void fineTuningThroughAnOpWithoutGradientIsRefusedNamingTheOp() throws Exception {
    TFSMLayer layer = new TFSMLayer(savedModel("cumprod"), "serve");
    var e = assertThrows(IllegalArgumentException.class, () -> layer.trainable(true));
    assertTrue(e.getMessage().contains("[Cumprod]"), e.getMessage());
    assertFalse(layer.trainable(), "the layer stayed frozen");
  }

  @Test
  void aSignatureRunningAWhileLoopIsRefusedNamingTheOp() throws Exception {
    long start = System.nanoTime();
    var e = assertThrows(IllegalArgumentException.class, () -> new TFSMLayer(savedModel("loop"), "serve"));
    System.out.printf("refusal after %.3f s: %s%n", (System.nanoTime() - start) / 1e9, e.getMessage());
    assertTrue(e.getMessage().contains("StatelessWhile"), e.getMessage());
    assertTrue(e.getMessage().contains("while_body"), e.getMessage());
  }
}
