package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.GraphFixture;
import io.keras4j.OneDnn;
import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Layers;
import io.keras4j.layers.Normalization;
import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every layer case that real Keras 3.15.1 wrote ({@code tools/keras-reference/golden/golden_layers.py}, and any
 * other file under {@code golden/layers}): the layer is read from Keras' config through keras4j's {@link Layers}
 * registry as a {@code .keras} file would be, built on the inputs' shapes, given Keras' weights, applied in
 * inference or training mode, and its outputs compared with Keras' at atol 1e-5, rtol 1e-5 (or a case's own
 * {@code atol}/{@code rtol}, which the generator writes only with a {@code tolerance_reason}). Inputs keep the
 * dtype of their file (int32 indices for Embedding). A case with {@code output_mask} (a bool array, or null for none)
 * also checks the mask attached to the output ({@code golden_masking.py}). A case with
 * {@code adapt} data adapts the layer on it instead, and its statistics must equal Keras' weights.
 */
class LayerGoldenTest {
  private static final double ATOL = 1e-5;
  private static final double RTOL = 1e-5;

  /**
   * TensorFlow's errors for what its Eigen CPU kernels lack and its oneDNN kernels have: a transposed convolution
   * with a dilation rate, a depthwise convolution with unequal strides. Where TensorFlow leaves oneDNN off
   * ({@link OneDnn#off}: a Zen 3, 12-08) Keras itself fails these cases with the same errors.
   */
  private static final List<String> ONEDNN_ONLY = List.of(
      "Current CPU implementations do not yet support dilation rates larger than 1",
      "Current implementation only supports equal length strides in the row and column dimensions");

  /** Registered layer classes without a golden file, and why. */
  static final Map<String, String> SKIPPED = Map.of(
      // a wrapper around a TensorFlow SavedModel directory: no Keras-built numbers to compare without a SavedModel
      "TFSMLayer", "needs a SavedModel on disk; covered by TFSMLayerTest",
      // not a computation: Input/InputLayer is exercised by every case (each builds Input -> layer -> output)
      "InputLayer", "the symbolic input itself; every golden case builds its model from Input",
      // the next three are not Keras 3.15.1 classes, so Keras cannot write their golden files
      "ThresholdedReLU", "Keras 2 only (read as ReLU with threshold, covered by ReLU/threshold)",
      "Maxout", "not in Keras 3.15.1 (a keras4j/TensorFlow Addons layer)",
      "RandomCutout", "not in Keras 3.15.1 (KerasCV's RandomCutout)",
      // named inputs, masks and call keywords: their golden files are in golden/attention (AttentionGoldenTest)
      "Attention", "golden/attention/Attention.json, AttentionGoldenTest",
      "AdditiveAttention", "golden/attention/AdditiveAttention.json, AttentionGoldenTest",
      "MultiHeadAttention", "golden/attention/MultiHeadAttention.json, AttentionGoldenTest",
      // not in keras.layers: Keras defines it inside its ConvNeXt application
      "LayerScale", "keras.src.applications.convnext's layer; LayerScaleTest, and ConvNeXtTiny in ApplicationFilesTest",
      // not in keras.layers either: Keras defines it inside its InceptionResNetV2 application
      "CustomScaleLayer", "keras.src.applications.inception_resnet_v2's layer; CustomScaleLayerTest, and "
          + "InceptionResNetV2 in ApplicationsTest");

  /**
   * Cases ({@code "Class/case"}) where keras4j knowingly differs from Keras, and why; they are reported as aborted
   * (skipped) with the reason rather than hidden by a looser tolerance. Remove an entry once keras4j agrees.
   */
  static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
      "RandomCrop/inference_center", "Keras 3.15.1 returns the input unchanged at inference (transform_images "
          + "ignores the crop when training=False), against its own docstring and compute_output_shape; keras4j "
          + "center-crops to (height, width) as documented");

  /**
   * Cases using an option keras4j does not support yet, and which: keras4j must reject them with an
   * IllegalArgumentException when the layer is read or built (never compute something else). Remove an entry when
   * the option is supported; the case then runs.
   */
  static final Map<String, String> UNSUPPORTED = unsupported();

  private static Map<String, String> unsupported() {
    Map<String, String> m = new java.util.TreeMap<>();
    String channelsFirst = "data_format=channels_first (keras4j supports channels_last only)";
    for (String id : List.of("AveragePooling1D/channels_first", "AveragePooling2D/channels_first",
        "MaxPooling1D/channels_first", "MaxPooling2D/channels_first", "Conv1D/channels_first",
        "Conv2D/channels_first", "Conv2DTranspose/channels_first", "Cropping2D/channels_first",
        "GlobalAveragePooling1D/channels_first", "GlobalAveragePooling2D/keepdims_channels_first",
        "GlobalMaxPooling1D/channels_first", "GlobalMaxPooling2D/keepdims_channels_first",
        "UpSampling2D/channels_first", "ZeroPadding2D/channels_first")) {
      m.put(id, channelsFirst);
    }
    m.put("RandomCrop/training_larger_target", "inputs smaller than the crop (Keras resizes them first)");
    m.put("Dot/rank3_rank2", "inputs of different ranks (keras4j's Dot takes two inputs of equal rank 2 or 3)");
    return m;
  }

  @TestFactory
  Stream<DynamicTest> layers() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("layers")) {
      JsonNode doc = Golden.read(file);
      String cls = doc.get("class").asText();
      for (JsonNode c : doc.get("cases")) {
        String id = cls + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(id, () -> check(id, cls, c)));
      }
    }
    return tests.stream();
  }

  @Test
  void everyRegisteredLayerHasAGoldenFileOrAReason() {
    List<String> golden = Golden.classes("layers");
    TreeSet<String> missing = new TreeSet<>();
    for (String name : Layers.classNames()) {
      if (!golden.contains(name) && !SKIPPED.containsKey(name)) {
        missing.add(name);
      }
    }
    assertTrue(missing.isEmpty(), "layers without a golden file in golden/layers: " + missing);
    for (String name : SKIPPED.keySet()) {
      assertTrue(Layers.classNames().contains(name), "skip list names an unregistered layer: " + name);
    }
  }

  private static void check(String id, String cls, JsonNode c) {
    Assumptions.assumeFalse(KNOWN_DIFFERENCES.containsKey(id), () -> "known difference: " + KNOWN_DIFFERENCES.get(id));
    if (UNSUPPORTED.containsKey(id)) {
      assertThrows(IllegalArgumentException.class, () -> run(id, cls, c),
          id + ": keras4j does not support " + UNSUPPORTED.get(id) + " and must reject it; if it is supported now, "
              + "remove the case from LayerGoldenTest.UNSUPPORTED");
      return;
    }
    List<NDArray> expected = arrays(c.get("outputs"));
    List<NDArray> actual;
    try {
      actual = run(id, cls, c);
    } catch (RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      Assumptions.assumeFalse(OneDnn.off() && ONEDNN_ONLY.stream().anyMatch(m::contains), () -> id + ": "
          + m.lines().findFirst().orElse("") + " (TensorFlow's CPU kernel without oneDNN, which TensorFlow turns on "
          + "by default only on CPUs with AVX512_VNNI, AVX512_BF16, AVX_VNNI or AMX; Keras 3.15.1 on TensorFlow 2.21 "
          + "fails the same way there)");
      throw e;
    }
    double atol = c.path("atol").asDouble(ATOL);
    double rtol = c.path("rtol").asDouble(RTOL);
    assertEquals(expected.size(), actual.size(), id + ": number of outputs");
    for (int i = 0; i < expected.size(); i++) {
      Golden.assertClose(expected.get(i), actual.get(i), atol, rtol, id + " output " + i);
    }
    if (c.has("output_mask")) {
      checkOutputMask(id, cls, c);
    }
  }

  /**
   * A case's {@code output_mask}: the mask Keras attached to the (single) output, as a bool array, or null for none;
   * keras4j's is the one {@link Backend#getKerasMask} finds on the output of {@code applyAll} in inference.
   */
  private static void checkOutputMask(String id, String cls, JsonNode c) {
    Layer layer = build(cls, c);
    List<NDArray> inputs = arrays(c.get("inputs"));
    symbolic(layer, inputs, new ArrayList<>());
    layer.setWeights(arrays(c.get("weights")));
    List<float[]> values = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    for (NDArray a : inputs) {
      values.add(a.toFloatArray());
      shapes.add(Shape.of(a.shape()));
    }
    boolean[] found = new boolean[1];
    long[][] maskShape = new long[1][];
    List<float[]> out = GraphFixture.eval(values, shapes, ts -> {
      Tensor y = layer.applyAll(ts, false).get(0);
      Tensor mask = Backend.getKerasMask(y);
      found[0] = mask != null;
      if (mask == null) {
        return List.of(y);
      }
      maskShape[0] = mask.shape().dims();
      return List.of(y, Backend.ops().cast(mask, "float32"));
    });
    JsonNode expected = c.get("output_mask");
    if (expected.isNull()) {
      assertTrue(!found[0], id + ": Keras attaches no mask to the output, keras4j does");
      return;
    }
    assertTrue(found[0], id + ": Keras attaches a mask to the output, keras4j none");
    Golden.assertClose(NDArray.of(Golden.array(expected).toFloatArray(), Golden.array(expected).shape()),
        NDArray.of(out.get(1), maskShape[0]), 0, 0, id + " output mask");
  }

  /** keras4j's outputs for the case: read, built on the inputs' shapes, given Keras' weights, applied. */
  private static List<NDArray> run(String id, String cls, JsonNode c) {
    Layer layer = build(cls, c);
    List<NDArray> inputs = arrays(c.get("inputs"));
    List<NDArray> weights = arrays(c.get("weights"));
    if (c.has("adapt")) {
      assertTrue(layer instanceof Normalization, id + ": only Normalization adapts here");
      ((Normalization) layer).adapt(Golden.array(c.get("adapt")));
    }
    List<KerasTensor> ins = new ArrayList<>();
    List<KerasTensor> outs = symbolic(layer, inputs, ins);
    assertEquals(weights.size(), layer.weights().size(), id + ": number of weights");
    if (c.has("adapt")) {
      // the adapted statistics are keras4j's own: compare them with Keras' instead of setting them
      List<NDArray> adapted = layer.getWeights();
      for (int i = 0; i < weights.size(); i++) {
        Golden.assertClose(weights.get(i), adapted.get(i), ATOL, RTOL, id + " adapted weight " + i);
      }
    } else {
      layer.setWeights(weights);
    }
    return c.path("training").asBoolean(false) ? applyTraining(layer, inputs) : predict(ins, outs, inputs);
  }

  /** The layer as a .keras file's {@code {"class_name", "config"}} reads, through the Layers registry. */
  private static Layer build(String cls, JsonNode c) {
    return Layers.deserialize(Map.of("class_name", cls, "config", Golden.map(c.get("config"))));
  }

  /** Calls {@code layer} on Inputs of the inputs' shapes (batch axis None), which builds it; fills {@code ins}. */
  private static List<KerasTensor> symbolic(Layer layer, List<NDArray> inputs, List<KerasTensor> ins) {
    for (NDArray a : inputs) {
      long[] s = a.shape();
      ins.add(Input.of(Shape.of(Arrays.copyOfRange(s, 1, s.length)), null));
    }
    return layer.apply(ins); // a list for several outputs too (an RNN's return_state)
  }

  /** Inference: the functional model Input -> layer -> output, run by {@code predictOutputs}. */
  private static List<NDArray> predict(List<KerasTensor> ins, List<KerasTensor> outs, List<NDArray> inputs) {
    try (Model model = new Model(ins, outs)) {
      int batch = (int) inputs.get(0).shape()[0];
      return model.predictOutputs(inputs.size() == 1 ? inputs.get(0) : inputs, batch);
    }
  }

  /** Training mode: {@code layer.applyAll(inputs, true)} in a fresh graph fed the inputs. */
  private static List<NDArray> applyTraining(Layer layer, List<NDArray> inputs) {
    List<float[]> values = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    for (NDArray a : inputs) {
      values.add(a.toFloatArray());
      shapes.add(Shape.of(a.shape()));
    }
    List<long[]> outShapes = new ArrayList<>();
    List<float[]> out = GraphFixture.eval(values, shapes, ts -> {
      List<Tensor> ys = layer.applyAll(ts, true);
      outShapes.clear();
      ys.forEach(y -> outShapes.add(y.shape().dims()));
      return ys;
    });
    List<NDArray> result = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      result.add(NDArray.of(out.get(i), outShapes.get(i)));
    }
    return result;
  }

  private static List<NDArray> arrays(JsonNode list) {
    List<NDArray> out = new ArrayList<>();
    for (JsonNode n : list) {
      out.add(Golden.array(n));
    }
    return out;
  }
}
