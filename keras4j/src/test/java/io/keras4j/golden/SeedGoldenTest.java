package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Layers;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random layers against Keras: from one seed, the same numbers in the same order (golden/random, written by
 * tools/keras-reference/golden/golden_seed.py). The stateless kernels are TensorFlow's on both sides, so the masks
 * match exactly and the values to float32 rounding.
 */
class SeedGoldenTest {
  @TestFactory
  Stream<DynamicTest> randomLayersDrawKerasNumbers() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("random")) {
      JsonNode doc = Golden.read(file);
      String cls = doc.get("class").asText();
      for (JsonNode c : doc.get("cases")) {
        String name = cls + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          if (c.has("weights_after")) {
            fit(c, name);
          } else {
            calls(cls, c, name);
          }
        }));
      }
    }
    assertFalse(tests.isEmpty(), "no golden files in golden/random");
    return tests.stream();
  }

  private static void calls(String cls, JsonNode c, String name) {
    Layer layer = Layers.fromConfig(cls, Golden.map(c.get("config")));
    NDArray x = Golden.array(c.get("input"));
    Shape s = Shape.of(x.shape());
    int i = 0;
    for (JsonNode out : c.get("outputs")) {
      float[] y = GraphFixture.eval1(x.toFloatArray(), s, t -> layer.apply(t, true));
      Golden.assertClose(Golden.array(out), NDArray.of(y, x.shape()), 1e-6, 1e-6, name + " call " + i++);
    }
    assertArrayEquals(Golden.array(c.get("state")).toLongArray(), layer.seedGenerators().get(0).state().longValue(),
        name + ": state after the calls");
  }

  private static void fit(JsonNode c, String name) {
    try (Sequential m = new Sequential()) {
      m.add(new Dense(6).activation("relu").inputShape(4));
      Dropout d = new Dropout(0.5).seed(7);
      m.add(d);
      m.add(new Dense(1));
      List<Object> before = new ArrayList<>();
      for (JsonNode w : c.get("weights_before")) {
        before.add(Golden.array(w));
      }
      m.setWeights(before);
      m.compile(new CompileOptions().optimizer(new SGD(c.get("learning_rate").asDouble())).loss("mse"));
      NDArray x = Golden.array(c.get("x"));
      NDArray y = Golden.array(c.get("y"));
      m.fit(x, y, new FitOptions().epochs(c.get("epochs").asInt()).batchSize(c.get("batch_size").asInt())
          .shuffle(false).verbose(0));
      List<NDArray> after = m.getWeights();
      for (int i = 0; i < after.size(); i++) {
        Golden.assertClose(Golden.array(c.get("weights_after").get(i)), after.get(i), 1e-5, 1e-4, name + " weight " + i);
      }
      assertArrayEquals(Golden.array(c.get("state")).toLongArray(), d.seedGenerators().get(0).state().longValue(),
          name + ": state after the steps");
    }
  }
}
