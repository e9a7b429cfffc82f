package io.keras4j.tuner.hyperparameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperParametersTest {

  @Test
  void defaultsAreTheFirstValues() {
    HyperParameters hp = new HyperParameters();
    assertEquals(32, hp.Int("units", 32, 512, 32));
    assertEquals(1e-4, hp.Float("lr", 1e-4, 1e-2, "log"));
    assertEquals("relu", hp.Choice("act", "relu", "tanh"));
    assertEquals(false, hp.Boolean("bn"));
    assertEquals(0.5, (double) hp.Fixed("dropout", 0.5));
    assertEquals(64, hp.Int("width", 32, 512, 32, "linear", 64));
    assertEquals(List.of("units", "lr", "act", "bn", "dropout", "width"), List.copyOf(hp.values().keySet()));
  }

  @Test
  void aSecondDeclarationReturnsTheTrialsValue() {
    HyperParameters hp = new HyperParameters();
    hp.Int("units", 32, 512, 32);
    hp.values().put("units", 96);
    assertEquals(96, hp.Int("units", 32, 512, 32));
    assertEquals(96, (int) hp.get("units"));
  }

  @Test
  void intWithStepMapsProbabilitiesToBuckets() {
    // 32..512 step 32: 16 values, bucket i covers [i/16, (i+1)/16)
    Int h = new Int("u", 32, 512, 32, "linear", null, List.of());
    assertEquals(16, h.values().size());
    assertEquals(32, h.probToValue(0.0));
    assertEquals(32 + 32 * 5, h.probToValue(5.5 / 16));
    assertEquals(512, h.probToValue(0.9999999));
    assertEquals((3 + 0.5) / 16, h.valueToProb(32 + 3 * 32), 1e-15);
  }

  @Test
  void logGridsMultiplyByTheStep() {
    HyperParameters hp = new HyperParameters();
    hp.Int("units", 2, 64, 2, "log");
    hp.Float("lr", 1e-4, 1e-1, 10.0, "log");
    // 2, 4, ..., 64: int(log2(32) + 1e-8) + 1 = 6 values; 1e-4 .. 1e-1 by 10: 4 values
    assertEquals(List.of(2, 4, 8, 16, 32, 64), hp.space().get(0).values());
    List<Object> lrs = hp.space().get(1).values();
    assertEquals(4, lrs.size());
    assertEquals(1e-2, (Double) lrs.get(2), 1e-15);
  }

  @Test
  void intWithLogSamplingAndNoStepIncludesTheMaximum() {
    // int(1 * (101 / 1) ** p): p = 1/2 gives int(sqrt(101)) = 10
    Int h = new Int("u", 1, 100, null, "log", null, List.of());
    assertEquals(10, h.probToValue(0.5));
    assertEquals(100, h.probToValue(0.99999999));
  }

  @Test
  void floatLogSamplingIsUniformPerDecade() {
    Float h = new Float("lr", 1e-4, 1e-1, null, "log", null, List.of());
    int[] decades = new int[3];
    int n = 6000;
    for (int seed = 0; seed < n; seed++) {
      double v = (Double) h.randomSample(seed);
      assertTrue(v >= 1e-4 && v <= 1e-1, "in range: " + v);
      decades[(int) Math.min(2, Math.floor(Math.log10(v / 1e-4)))]++;
    }
    for (int d : decades) {
      assertEquals(n / 3.0, d, 4 * Math.sqrt(n / 3.0 * 2 / 3), Arrays.toString(decades));
    }
  }

  @Test
  void floatLinearSamplingHasTheMidpointAsMean() {
    Float h = new Float("x", 2, 6);
    double sum = 0;
    int n = 4000;
    for (int seed = 0; seed < n; seed++) {
      sum += (Double) h.randomSample(seed);
    }
    // uniform on [2, 6]: mean 4, standard deviation 4 / sqrt(12)
    assertEquals(4, sum / n, 4 * (4 / Math.sqrt(12)) / Math.sqrt(n));
  }

  @Test
  void reverseLogSamplingCrowdsTheMaximum() {
    // max + min - v is log-uniform on [min, max]: v = 1.01 - 0.01 * 100 ** (1 - p)
    Float h = new Float("momentum", 0.01, 1.0, null, "reverse_log", null, List.of());
    assertEquals(1.01 - 0.01 * 10, (Double) h.probToValue(0.5), 1e-12);
    assertEquals(0.5, h.valueToProb(1.01 - 0.01 * 10), 1e-12);
    int high = 0;
    int n = 4000;
    for (int seed = 0; seed < n; seed++) {
      high += (Double) h.randomSample(seed) > 0.91 ? 1 : 0;
    }
    assertEquals(n / 2.0, high, 4 * Math.sqrt(n / 4.0));
  }

  @Test
  void choiceAndBooleanUseCentredBuckets() {
    Choice c = new Choice("c", List.of(16, 32, 64));
    assertEquals(16, c.probToValue(0.2));
    assertEquals(32, c.probToValue(0.5));
    assertEquals(64, c.probToValue(0.9));
    assertEquals(1.0 / 6, c.valueToProb(16), 1e-15);
    assertEquals(5.0 / 6, c.valueToProb(64), 1e-15);
    assertTrue(c.ordered());
    assertFalse(new Choice("s", List.of("a", "b")).ordered());
    Boolean b = new Boolean("b");
    assertEquals(true, b.probToValue(0.5));
    assertEquals(false, b.probToValue(0.49));
    assertEquals(0.75, b.valueToProb(true));
    assertEquals(0.25, b.valueToProb(false));
  }

  @Test
  void randomSampleIsProbToValueOfPythonsRandom() {
    Int h = new Int("u", 0, 9);
    // random.Random(42).random() = 0.6394267984578837: bucket 6 of 10
    assertEquals(6, h.randomSample(42));
  }

  @Test
  void conditionalScopesActivateChildren() {
    HyperParameters hp = new HyperParameters();
    String model = hp.Choice("model", "linear", "dnn");
    Integer layers;
    try (var s = hp.conditionalScope("model", "dnn")) {
      layers = hp.Int("layers", 1, 3);
    }
    assertEquals("linear", model);
    assertNull(layers);
    assertFalse(hp.contains("layers"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hp.get("layers"));
    assertTrue(e.getMessage().contains("currently inactive"), e.getMessage());
    assertEquals(List.of(new Parent("model", List.of("dnn"))), hp.space().get(1).conditions());

    hp.values().put("model", "dnn");
    hp.ensureActiveValues();
    assertTrue(hp.isActive(hp.space().get(1)));
    try (var s = hp.conditionalScope("model", "dnn")) {
      assertEquals(hp.values().get("layers"), hp.Int("layers", 1, 3));
    }
    assertEquals(1, hp.activeScopes().size());
    assertEquals(1, hp.inactiveScopes().size());
  }

  @Test
  void nameScopesPrefixNames() {
    HyperParameters hp = new HyperParameters();
    try (var s = hp.nameScope("block1")) {
      hp.Int("units", 8, 16);
    }
    assertTrue(hp.values().containsKey("block1/units"));
  }

  @Test
  void configHasKerasTunersKeysAndRoundTripsThroughJson() throws Exception {
    HyperParameters hp = new HyperParameters();
    hp.Int("units", 32, 512, 32);
    hp.Float("lr", 1e-4, 1e-2, "log");
    String model = hp.Choice("model", "linear", "dnn");
    try (var s = hp.conditionalScope("model", "dnn")) {
      hp.Boolean("bn");
    }
    hp.Fixed("seed", 3);
    Map<String, Object> config = hp.getConfig();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> space = (List<Map<String, Object>>) config.get("space");
    Map<String, Object> intConfig = new LinkedHashMap<>();
    intConfig.put("name", "units");
    intConfig.put("default", null);
    intConfig.put("conditions", List.of());
    intConfig.put("min_value", 32);
    intConfig.put("max_value", 512);
    intConfig.put("step", 32);
    intConfig.put("sampling", "linear");
    assertEquals(Map.of("class_name", "Int", "config", intConfig), space.get(0));
    assertEquals(List.of("name", "default", "conditions", "min_value", "max_value", "step", "sampling"),
        List.copyOf(((Map<?, ?>) space.get(1).get("config")).keySet()));
    assertEquals(List.of("name", "default", "conditions", "values", "ordered"),
        List.copyOf(((Map<?, ?>) space.get(2).get("config")).keySet()));
    assertEquals(List.of(Map.of("class_name", "Parent", "config", Map.of("name", "model", "values", List.of("dnn")))),
        ((Map<?, ?>) space.get(3).get("config")).get("conditions"));
    assertEquals(List.of("name", "conditions", "value"),
        List.copyOf(((Map<?, ?>) space.get(4).get("config")).keySet()));

    ObjectMapper json = new ObjectMapper();
    Map<String, Object> read = json.readValue(json.writeValueAsString(config), new TypeReference<>() {});
    HyperParameters back = HyperParameters.fromConfig(read);
    assertEquals(json.writeValueAsString(config), json.writeValueAsString(back.getConfig()));
    assertEquals(hp.values(), back.values());
    assertEquals("linear", model);
  }

  @Test
  void badArgumentsAreRejectedWithTheirName() {
    HyperParameters hp = new HyperParameters();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hp.Int("u", 5, 1));
    assertTrue(e.getMessage().contains("name='u'") && e.getMessage().contains("greater than"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> hp.Float("lr", 0, 1, "log"));
    assertTrue(e.getMessage().contains("does not support negative values"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> hp.Float("lr", 0.1, 1, "cubic"));
    assertTrue(e.getMessage().contains("sampling must be one of"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Choice("c", List.of(1, "a")));
    assertTrue(e.getMessage().contains("only one type"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> hp.Choice("c", List.of(1, 2), 3));
    assertTrue(e.getMessage().contains("default value should be one of the choices"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> hp.conditionalScope("missing", 1));
    assertTrue(e.getMessage().contains("missing not defined"), e.getMessage());
  }
}
