package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.initializers.GlorotUniform;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EinsumDense: Keras' kernel, bias and output shapes for each equation form, sums by hand, fans, config, errors. */
class EinsumDenseTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new EinsumDense("ab,bc->ac", 3).biasAxes("c")).input(4).output(-1, 3).weights(2, 0).run();
    LayerHarness.of(() -> new EinsumDense("abc,cde->abde", -1, 2, 3).biasAxes("de").activation("tanh")).input(3, 4)
        .output(-1, 3, 2, 3).weights(2, 0).run();
    LayerHarness.of(() -> new EinsumDense("...b,bc->...c", 2)).input(3, 4).output(-1, 3, 2).weights(1, 0).run();
    LayerHarness.of(() -> new EinsumDense("ab...,bc->ac...", 5).biasAxes("c")).input(3, 4).output(-1, 5, 4)
        .weights(2, 0).run();
  }

  @Test
  void shapesFollowTheEquationAsInKeras() {
    assertShapes(new EinsumDense("abc,cd->abd", 3, 2).biasAxes("b"), new int[] {3, 4}, "(-1, 3, 2)", "(4, 2)", "(3, 1)");
    assertShapes(new EinsumDense("ab...,bc->ac...", 5).biasAxes("c"), new int[] {3, 4}, "(-1, 5, 4)", "(3, 5)",
        "(5, 1)");
    assertShapes(new EinsumDense("...b,bc->...c", 3).biasAxes("c"), new int[] {2, 3, 4}, "(-1, 2, 3, 3)", "(4, 3)",
        "(3)");
  }

  private static void assertShapes(EinsumDense layer, int[] input, String out, String kernel, String bias) {
    assertEquals(out, layer.apply(Input.of(input)).shape().toString().replace("None", "-1"), "output");
    assertEquals(kernel, layer.kernel().shape().toString(), "kernel");
    assertEquals(bias, layer.bias().shape().toString().replace(",)", ")"), "bias");
  }

  @Test
  void computesTheEinsumPlusBias() {
    // "abc,cd->abd" with bias on b: y[a,b,d] = sum_c x[a,b,c] k[c,d] + bias[b]
    EinsumDense l = new EinsumDense("abc,cd->abd", 2, 2).biasAxes("b");
    l.apply(Input.of(2, 3));
    float[][] k = {{1, 0}, {0, 1}, {1, 1}};
    l.setWeights(List.of(NDArray.of(k), NDArray.of(new float[][] {{10}, {20}})));
    float[] x = {1, 2, 3, 4, 5, 6};
    float[] y = GraphFixture.eval1(x, Shape.of(1, 2, 3), t -> l.apply(t, false));
    // row (1,2,3): (1+3, 2+3) + 10; row (4,5,6): (4+6, 5+6) + 20
    assertArrayEquals(new float[] {14, 15, 30, 31}, y);
  }

  @Test
  void aVarianceScalingKernelCountsFansOverTheEquationsAxes() {
    // kernel (4, 2, 3), input axis 0 and output axes 1, 2: fan_in 4, fan_out 6, limit sqrt(6 / 10)
    EinsumDense l = new EinsumDense("abc,cde->abde", -1, 2, 3).kernelInitializer(new GlorotUniform(3));
    l.apply(Input.of(5, 4));
    float[] w = l.getWeights().get(0).toFloatArray();
    double limit = Math.sqrt(6.0 / 10);
    double max = 0;
    for (float v : w) {
      assertTrue(Math.abs(v) <= limit, "within Keras' limit: " + v);
      max = Math.max(max, Math.abs(v));
    }
    // the convolution-style fans (8, 12) would cap the values at sqrt(6 / 20) = 0.548
    assertTrue(max > Math.sqrt(6.0 / 20), "values reach past the convolution-style limit: " + max);
    // the configured initializer is left as given, as in Keras
    assertEquals(null, ((Map<?, ?>) ((Map<?, ?>) l.getConfig().get("kernel_initializer")).get("config"))
        .get("input_axes"));
  }

  @Test
  void configWritesNoneSizesAndKerasKeys() {
    EinsumDense l = new EinsumDense("abc,cd->abd", -1, 5).biasAxes("d").activation("relu");
    Map<String, Object> c = l.getConfig();
    assertEquals(Arrays.asList(null, 5), c.get("output_shape"));
    assertEquals("d", c.get("bias_axes"));
    assertEquals("relu", c.get("activation"));
    assertTrue(c.containsKey("activity_regularizer") && c.containsKey("quantization_config"));
    EinsumDense again = EinsumDense.fromConfig(c);
    assertEquals(EveryConfig.json(c), EveryConfig.json(again.getConfig()));
    assertEquals(List.of(4), EinsumDense.fromConfig(Map.of("equation", "ab,bc->ac", "output_shape", 4)).getConfig()
        .get("output_shape"));
  }

  @Test
  void kerasErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EinsumDense("ab->b", 2));
    assertTrue(e.getMessage().startsWith("Invalid einsum equation 'ab->b'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new EinsumDense("ab,bc->ac", 2).biasAxes("x").apply(Input.of(3)));
    assertTrue(e.getMessage().contains("Bias dimension 'x' was requested"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new EinsumDense("abc,cd->abd", 4, 2).apply(Input.of(3, 2)));
    assertTrue(e.getMessage().contains("do not match at shared dimension 'b'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new EinsumDense("ab,bc->ac", 2).loraRank(4));
    assertTrue(e.getMessage().contains("Received: lora_rank=4"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EinsumDense.fromConfig(Map.of("equation", "ab,bc->ac",
        "output_shape", 2, "lora_rank", 2)));
    assertThrows(IllegalArgumentException.class, () -> EinsumDense.fromConfig(Map.of("equation", "ab,bc->ac",
        "output_shape", 2, "quantization_config", Map.of("class_name", "Int8QuantizationConfig"))));
  }
}
