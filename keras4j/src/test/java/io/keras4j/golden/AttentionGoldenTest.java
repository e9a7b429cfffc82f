package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.GraphFixture;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.BaseAttention;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Layers;
import io.keras4j.layers.Masking;
import io.keras4j.layers.MultiHeadAttention;
import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The attention layers' cases that real Keras 3.15.1 wrote ({@code tools/keras-reference/golden/golden_attention.py},
 * {@code golden/attention}): each layer read from Keras' config through the {@link Layers} registry, its call
 * keywords ({@code use_causal_mask}, {@code return_attention_scores}) set, called on named inputs (query, value,
 * key, masks) as Keras was, given Keras' weights (whose shapes must be Keras'), and run in inference (a functional
 * model) or training mode; outputs compared at atol 1e-5, rtol 1e-5. These layers take several named inputs and
 * call options that {@link LayerGoldenTest} does not model, hence their own folder. A {@code masking} case
 * passes its inputs through {@code Masking(0.0)} first, so that the layer reads their Keras masks.
 */
class AttentionGoldenTest {
  private static final double ATOL = 1e-5;
  private static final double RTOL = 1e-5;

  @TestFactory
  Stream<DynamicTest> attention() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("attention")) {
      JsonNode doc = Golden.read(file);
      String cls = doc.get("class").asText();
      for (JsonNode c : doc.get("cases")) {
        String id = cls + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(id, () -> check(id, cls, c)));
      }
    }
    return tests.stream();
  }

  private static void check(String id, String cls, JsonNode c) {
    Layer layer = Layers.deserialize(Map.of("class_name", cls, "config", Golden.map(c.get("config"))));
    JsonNode kwargs = c.get("call").get("kwargs");
    boolean causal = kwargs.path("use_causal_mask").asBoolean(false);
    boolean scores = kwargs.path("return_attention_scores").asBoolean(false);
    if (layer instanceof BaseAttention<?> a) {
      a.useCausalMask(causal).returnAttentionScores(scores);
    } else {
      ((MultiHeadAttention) layer).useCausalMask(causal).returnAttentionScores(scores);
    }
    boolean masking = c.path("masking").asBoolean(false);
    List<String> names = new ArrayList<>();
    c.get("call").get("inputs").forEach(n -> names.add(n.asText()));
    List<NDArray> inputs = arrays(c.get("inputs"));
    Map<String, KerasTensor> symbolic = new LinkedHashMap<>();
    List<KerasTensor> ins = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      long[] s = inputs.get(i).shape();
      KerasTensor t = Input.of(Shape.of(Arrays.copyOfRange(s, 1, s.length)), names.get(i));
      // a "masking" case: the inputs pass through Masking(0.0), and the layer reads their Keras masks
      symbolic.put(names.get(i), masking ? new Masking().apply(t) : t);
      ins.add(t);
    }
    List<KerasTensor> outs = apply(layer, symbolic);
    Map<String, Object> kerasConfig = Golden.map(c.get("config"));
    Map<String, Object> config = layer.getConfig();
    assertEquals(new java.util.TreeSet<>(kerasConfig.keySet()), new java.util.TreeSet<>(config.keySet()),
        id + ": config keys");
    if (kerasConfig.containsKey("attention_axes")) {
      assertEquals(String.valueOf(kerasConfig.get("attention_axes")), String.valueOf(config.get("attention_axes")),
          id + ": attention_axes resolved at build as Keras");
    }
    List<NDArray> weights = arrays(c.get("weights"));
    assertEquals(weights.size(), layer.weights().size(), id + ": number of weights");
    JsonNode shapes = c.get("weight_shapes");
    for (int i = 0; i < weights.size(); i++) {
      long[] expected = new long[shapes.get(i).size()];
      for (int j = 0; j < expected.length; j++) {
        expected[j] = shapes.get(i).get(j).asLong();
      }
      assertEquals(Shape.of(expected), layer.weights().get(i).shape(), id + ": shape of weight " + i);
    }
    layer.setWeights(weights);
    List<NDArray> actual;
    // the layer's inputs are in its own argument order, which may differ from the file's
    List<NDArray> ordered = new ArrayList<>();
    if (c.path("training").asBoolean(false)) {
      actual = applyTraining(layer, names, inputs);
    } else {
      List<KerasTensor> modelInputs = masking ? ins : layer.inboundNodes().get(0).inputs();
      for (KerasTensor t : modelInputs) {
        ordered.add(inputs.get(ins.indexOf(t)));
      }
      try (Model model = new Model(modelInputs, outs)) {
        actual = model.predictOutputs(ordered, (int) inputs.get(0).shape()[0]);
      }
    }
    List<NDArray> expected = arrays(c.get("outputs"));
    assertEquals(expected.size(), actual.size(), id + ": number of outputs");
    for (int i = 0; i < expected.size(); i++) {
      Golden.assertClose(expected.get(i), actual.get(i), ATOL, RTOL, id + " output " + i);
    }
  }

  private static List<KerasTensor> apply(Layer layer, Map<String, KerasTensor> args) {
    return layer instanceof BaseAttention<?> a ? a.apply(args) : ((MultiHeadAttention) layer).apply(args);
  }

  /** Training mode: the layer applied to named graph tensors in a fresh graph fed the inputs. */
  private static List<NDArray> applyTraining(Layer layer, List<String> names, List<NDArray> inputs) {
    List<float[]> values = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    for (NDArray a : inputs) {
      values.add(a.toFloatArray());
      shapes.add(Shape.of(a.shape()));
    }
    List<long[]> outShapes = new ArrayList<>();
    List<float[]> out = GraphFixture.eval(values, shapes, ts -> {
      Map<String, Tensor> named = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        named.put(names.get(i), ts.get(i));
      }
      List<Tensor> ys = layer instanceof BaseAttention<?> a ? a.applyAll(named, true)
          : ((MultiHeadAttention) layer).applyAll(named, true);
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
