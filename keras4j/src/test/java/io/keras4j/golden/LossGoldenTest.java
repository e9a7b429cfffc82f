package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.data.NDArray;
import io.keras4j.losses.Loss;
import io.keras4j.losses.Losses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every loss keras4j registers against the values real Keras 3.15.1 computed ({@code golden/losses/}, written by
 * {@code tools/keras-reference/golden/golden_training.py}): each reduction, sample weights per sample and per
 * element, from_logits, label smoothing, axis and the class' own keywords, and the function forms
 * ({@code keras.losses.mean_squared_error} ...) as keras4j's alias with reduction "none". The loss is read from the
 * Keras config the case holds, as a saved file would be.
 */
class LossGoldenTest {
  /** Cases where keras4j knowingly differs from Keras: "Class/case" to the reason. None at present. */
  static final Map<String, String> SKIP = Map.of();

  @TestFactory
  Stream<DynamicTest> lossesMatchKeras() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("losses")) {
      JsonNode doc = Golden.read(file);
      String cls = doc.get("class").asText();
      for (JsonNode c : doc.get("cases")) {
        String name = cls + "/" + c.get("name").asText();
        if (!SKIP.containsKey(name)) {
          tests.add(DynamicTest.dynamicTest(name, () -> check(c, name)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(JsonNode c, String name) {
    Loss loss = c.has("function") ? Losses.get(c.get("function").asText()).reduction("none")
        : Losses.get(Golden.map(c.get("loss")));
    List<NDArray> in = new ArrayList<>(List.of(Golden.array(c.get("y_true")), Golden.array(c.get("y_pred"))));
    boolean weighted = c.has("sample_weight");
    if (weighted) {
      in.add(Golden.array(c.get("sample_weight")));
    }
    NDArray actual = GoldenGraphEval.eval(in, t -> loss.apply(t.get(0), t.get(1), weighted ? t.get(2) : null));
    Golden.assertClose(Golden.array(c.get("expected")), actual, 1e-5, 1e-5, name);
  }

  /** keras4j writes the config Keras wrote, for every distinct loss config of the golden cases. */
  @TestFactory
  Stream<DynamicTest> configsMatchKeras() {
    Map<String, DynamicTest> tests = new java.util.LinkedHashMap<>();
    for (Path file : Golden.files("losses")) {
      JsonNode doc = Golden.read(file);
      for (JsonNode c : doc.get("cases")) {
        if (c.has("loss")) {
          Map<String, Object> config = Golden.map(c.get("loss").get("config"));
          String name = doc.get("class").asText() + "/" + new java.util.TreeMap<>(config);
          tests.putIfAbsent(name, DynamicTest.dynamicTest(name, () -> GoldenConfigs.assertSameConfig(config,
              Losses.get(Golden.map(c.get("loss"))).getConfig(), name)));
        }
      }
    }
    return tests.values().stream();
  }

  @Test
  void everyRegisteredLossHasAGoldenFile() {
    List<String> golden = Golden.classes("losses");
    for (String cls : Losses.registry().classNames()) {
      assertTrue(golden.contains(cls), "no golden file for loss " + cls);
    }
    assertEquals(Losses.registry().classNames().size(), golden.size(), "golden files " + golden);
  }
}
