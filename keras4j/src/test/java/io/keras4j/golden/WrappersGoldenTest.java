package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Layers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden cases of the wrapper and ConvLSTM layers that need more than {@link LayerGoldenTest} gives a layer
 * ({@code tools/keras-reference/golden/golden_wrappers.py}, files under {@code golden/wrappers}): a mask attached to
 * the input (Keras' {@code mask=}), initial states, and the output masks Keras computes. The layer is read from
 * Keras' config, built on the input shape, given Keras' weights and applied in a fresh graph with the mask attached
 * to its input; outputs must match Keras' within 1e-5 and each output mask exactly (none where Keras has none), and
 * after a training call the weights too ({@code weights_after}: moving statistics).
 */
class WrappersGoldenTest {
  private static final double TOL = 1e-5;

  @TestFactory
  Stream<DynamicTest> wrappers() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("wrappers")) {
      JsonNode doc = Golden.read(file);
      String cls = doc.get("class").asText();
      for (JsonNode c : doc.get("cases")) {
        String id = cls + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(id, () -> check(id, cls, c)));
      }
    }
    assertTrue(!tests.isEmpty(), "no golden files under golden/wrappers");
    return tests.stream();
  }

  /**
   * Cases waiting for another layer's support, and which; reported as skipped with the reason. Remove an entry once
   * that support lands.
   */
  static final Map<String, String> PENDING = Map.of();

  private static void check(String id, String cls, JsonNode c) {
    Assumptions.assumeFalse(PENDING.containsKey(id), () -> "pending: " + PENDING.get(id));
    List<String> missing = new ArrayList<>();
    unregisteredLayers(c.get("config"), missing);
    // the recurrent layers (LSTM, GRU, SimpleRNN) come from another part of issue 10; their cases run once registered
    Assumptions.assumeTrue(missing.isEmpty(), () -> "needs layers not registered yet: " + missing);
    Layer layer = Layers.deserialize(Map.of("class_name", cls, "config", Golden.map(c.get("config"))));
    List<NDArray> inputs = arrays(c.get("inputs"));
    List<NDArray> states = c.has("initial_state") ? arrays(c.get("initial_state")) : List.of();
    long[] s = inputs.get(0).shape();
    KerasTensor in = Input.of(Shape.of(Arrays.copyOfRange(s, 1, s.length)), null);
    layer.apply(List.of(in)); // builds
    List<NDArray> weights = arrays(c.get("weights"));
    assertEquals(weights.size(), layer.weights().size(), id + ": number of weights");
    layer.setWeights(weights);

    List<float[]> values = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    add(values, shapes, inputs.get(0));
    boolean masked = c.has("mask");
    if (masked) {
      add(values, shapes, Golden.array(c.get("mask")));
    }
    states.forEach(a -> add(values, shapes, a));
    boolean training = c.path("training").asBoolean(false);
    int nOut = c.get("outputs").size();
    List<long[]> outShapes = new ArrayList<>();
    List<Boolean> hasMask = new ArrayList<>();
    List<float[]> out = GraphFixture.eval(values, shapes, ts -> {
      Tensor x = ts.get(0);
      if (masked) {
        Backend.setKerasMask(x, Backend.ops().cast(ts.get(1), "bool"));
      }
      List<Tensor> args = new ArrayList<>();
      args.add(x);
      args.addAll(ts.subList(masked ? 2 : 1, ts.size()));
      List<Tensor> ys = layer.applyAll(args, training);
      List<Tensor> result = new ArrayList<>(ys);
      outShapes.clear();
      hasMask.clear();
      ys.forEach(y -> outShapes.add(y.shape().dims()));
      for (Tensor y : ys) {
        Tensor m = Backend.getKerasMask(y);
        hasMask.add(m != null);
        if (m != null) {
          result.add(Backend.ops().cast(m, "float32"));
        }
      }
      return result;
    });
    assertEquals(nOut, outShapes.size(), id + ": number of outputs");
    List<NDArray> expected = arrays(c.get("outputs"));
    for (int i = 0; i < nOut; i++) {
      Golden.assertClose(expected.get(i), NDArray.of(out.get(i), outShapes.get(i)), TOL, TOL, id + " output " + i);
    }
    if (c.has("weights_after")) {
      List<NDArray> after = arrays(c.get("weights_after"));
      List<NDArray> actual = layer.getWeights();
      for (int i = 0; i < after.size(); i++) {
        Golden.assertClose(after.get(i), actual.get(i), TOL, TOL, id + " weight " + i + " after the call");
      }
    }
    if (c.has("output_masks")) {
      int next = nOut;
      for (int i = 0; i < nOut; i++) {
        JsonNode em = i < c.get("output_masks").size() ? c.get("output_masks").get(i) : null;
        if (em == null || em.isNull()) {
          assertTrue(!hasMask.get(i), id + ": output " + i + " has a mask; Keras' has none");
          if (hasMask.get(i)) {
            next++;
          }
          continue;
        }
        assertTrue(hasMask.get(i), id + ": output " + i + " has no mask; Keras' is " + em.get("shape"));
        NDArray want = Golden.array(em);
        Golden.assertClose(NDArray.of(want.toFloatArray(), want.shape()), NDArray.of(out.get(next), want.shape()),
            0, 0, id + " output mask " + i);
        next++;
      }
    }
  }

  /** The keras.layers classes named anywhere in {@code node} (nested layer configs) that keras4j does not know. */
  private static void unregisteredLayers(JsonNode node, List<String> out) {
    if (node.isObject() && node.path("module").asText().equals("keras.layers") && node.has("class_name")
        && !Layers.classNames().contains(node.get("class_name").asText())) {
      out.add(node.get("class_name").asText());
    }
    node.forEach(child -> unregisteredLayers(child, out));
  }

  private static void add(List<float[]> values, List<Shape> shapes, NDArray a) {
    values.add(a.toFloatArray());
    shapes.add(Shape.of(a.shape()));
  }

  private static List<NDArray> arrays(JsonNode list) {
    List<NDArray> out = new ArrayList<>();
    for (JsonNode n : list) {
      out.add(Golden.array(n));
    }
    return out;
  }
}
