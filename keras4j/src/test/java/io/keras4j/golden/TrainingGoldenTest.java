package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.callbacks.History;
import io.keras4j.data.NDArray;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.saving.formats.CompileConfigs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * End-to-end training against real Keras 3.15.1 ({@code golden/training/}, written by
 * {@code tools/keras-reference/golden/golden_training.py}): the model read from Keras' {@code model.to_json()},
 * compiled from Keras' {@code compile_config}, given Keras' initial weights and fitted 3 epochs on the same data
 * with {@code shuffle=False}; the History (loss, metrics, validation) and the final weights (BatchNormalization's
 * moving statistics included) must match to 1e-4. Cases: SGD with momentum and Nesterov, Adam, RMSprop, schedules,
 * a partial last batch, class_weight, sample_weight with weighted metrics, validation_split, kernel and bias
 * regularizers, BatchNormalization, regression and a Huber loss.
 */
class TrainingGoldenTest {
  static final double TOL = 1e-4;
  /** Cases where keras4j knowingly differs from Keras: case name to the reason. None at present. */
  static final Map<String, String> SKIP = Map.of();

  @TestFactory
  Stream<DynamicTest> trajectoriesMatchKeras() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("training")) {
      JsonNode doc = Golden.read(file);
      for (JsonNode c : doc.get("cases")) {
        String name = doc.get("class").asText() + "/" + c.get("name").asText();
        if (!SKIP.containsKey(c.get("name").asText())) {
          tests.add(DynamicTest.dynamicTest(name, () -> check(c, name)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(JsonNode c, String name) {
    try (Model m = Models.modelFromJson(c.get("model").asText())) {
      m.compile(CompileConfigs.fromConfig(Golden.map(c.get("compile"))));
      List<NDArray> initial = new ArrayList<>();
      c.get("initial_weights").forEach(w -> initial.add(Golden.array(w)));
      m.setWeights(initial);
      JsonNode fit = c.get("fit");
      FitOptions o = new FitOptions().epochs(fit.get("epochs").asInt()).batchSize(fit.get("batch_size").asInt())
          .shuffle(false).verbose(0);
      if (fit.has("validation_split")) {
        o.validationSplit(fit.get("validation_split").asDouble());
      }
      if (c.has("sample_weight")) {
        o.sampleWeight(Golden.array(c.get("sample_weight")).toFloatArray());
      }
      if (c.has("class_weight")) {
        Map<Integer, Double> cw = new HashMap<>();
        c.get("class_weight").fields().forEachRemaining(e -> cw.put(Integer.parseInt(e.getKey()),
            e.getValue().asDouble()));
        o.classWeight(cw);
      }
      History h = m.fit(Golden.array(c.get("x")), Golden.array(c.get("y")), o);
      JsonNode expected = c.get("history");
      TreeSet<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      assertEquals(keys, new TreeSet<>(h.history().keySet()), name + ": History keys");
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        double[] want = new double[e.getValue().size()];
        for (int i = 0; i < want.length; i++) {
          want[i] = e.getValue().get(i).asDouble();
        }
        double[] got = h.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
        Golden.assertClose(NDArray.of(want, want.length), NDArray.of(got, got.length), TOL, TOL,
            name + ": History " + e.getKey());
      }
      List<NDArray> finalWeights = m.getWeights();
      JsonNode want = c.get("final_weights");
      assertEquals(want.size(), finalWeights.size(), name + ": number of weights");
      for (int i = 0; i < want.size(); i++) {
        Golden.assertClose(Golden.array(want.get(i)), finalWeights.get(i), TOL, TOL,
            name + ": final " + c.get("weight_names").get(i).asText());
      }
    }
  }
}
