package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.BaseRNN;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Layers;
import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The recurrent cases that LayerGoldenTest cannot express, written by real Keras 3.15.1
 * ({@code tools/keras-reference/golden/golden_recurrent.py}, golden/recurrent): a {@code mask} passed with the
 * sequences (Keras' {@code layer(x, mask=m)}), and stateful layers called on several batches in turn, then reset.
 * Outputs within atol 1e-5, rtol 1e-5.
 */
class RecurrentGoldenTest {
  private static final double TOL = 1e-5;

  @TestFactory
  Stream<DynamicTest> recurrent() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("recurrent")) {
      JsonNode doc = Golden.read(file);
      String cls = doc.get("class").asText();
      for (JsonNode c : doc.get("cases")) {
        String id = cls + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(id, () -> {
          if (c.has("mask")) {
            masked(id, cls, c);
          } else {
            stateful(id, cls, c);
          }
        }));
      }
    }
    return tests.stream();
  }

  private static Layer read(String cls, JsonNode c) {
    return Layers.deserialize(Map.of("class_name", cls, "config", Golden.map(c.get("config"))));
  }

  /** The layer applied in a graph to the sequences with Keras' mask attached to them. */
  private static void masked(String id, String cls, JsonNode c) {
    Layer layer = read(cls, c);
    NDArray x = Golden.array(c.get("inputs").get(0));
    NDArray mask = Golden.array(c.get("mask"));
    float[] maskValues = mask.toFloatArray(); // true as 1
    List<NDArray> weights = arrays(c.get("weights"));
    List<long[]> outShapes = new ArrayList<>();
    List<float[]> out = GraphFixture.eval(List.of(x.toFloatArray(), maskValues),
        List.of(Shape.of(x.shape()), Shape.of(mask.shape())), ts -> {
          Ops ops = Backend.ops();
          Backend.setKerasMask(ts.get(0), ops.cast(ts.get(1), "bool"));
          List<Tensor> ys = layer.applyAll(List.of(ts.get(0)), false);
          if (outShapes.isEmpty()) {
            layer.setWeights(weights);
          }
          outShapes.clear();
          ys.forEach(y -> outShapes.add(y.shape().dims()));
          return ys;
        });
    List<NDArray> expected = arrays(c.get("outputs"));
    assertEquals(expected.size(), out.size(), id + ": number of outputs");
    for (int i = 0; i < out.size(); i++) {
      Golden.assertClose(expected.get(i), NDArray.of(out.get(i), outShapes.get(i)), TOL, TOL, id + " output " + i);
    }
  }

  /** A model of fixed batch over the stateful layer predicts each batch in turn; after resetStates, the first again. */
  private static void stateful(String id, String cls, JsonNode c) {
    BaseRNN<?> layer = (BaseRNN<?>) read(cls, c);
    List<NDArray> batches = arrays(c.get("batches"));
    long[] s = batches.get(0).shape();
    KerasTensor in = Input.of(Shape.of(Arrays.copyOfRange(s, 1, s.length)), (int) s[0], null);
    List<KerasTensor> outs = layer.apply(List.of(in));
    layer.setWeights(arrays(c.get("weights")));
    try (Model model = new Model(List.of(in), outs)) {
      for (int b = 0; b < batches.size(); b++) {
        check(id + " batch " + b, arrays(c.get("outputs").get(b)), model.predictOutputs(batches.get(b), (int) s[0]));
      }
      layer.resetStates();
      check(id + " after resetStates", arrays(c.get("outputs").get(0)),
          model.predictOutputs(batches.get(0), (int) s[0]));
    }
  }

  private static void check(String id, List<NDArray> expected, List<NDArray> actual) {
    assertEquals(expected.size(), actual.size(), id + ": number of outputs");
    for (int i = 0; i < expected.size(); i++) {
      Golden.assertClose(expected.get(i), actual.get(i), TOL, TOL, id + " output " + i);
    }
  }

  private static List<NDArray> arrays(JsonNode list) {
    List<NDArray> out = new ArrayList<>();
    for (JsonNode a : list) {
      out.add(Golden.array(a));
    }
    return out;
  }
}
