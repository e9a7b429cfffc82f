package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ConvLSTM1D/2D/3D: shapes, Keras' weight layouts, one step worked out by hand, the harness (gradient against finite
 * differences, a training step), config and errors. Keras' numbers for each option are in the golden files.
 */
class ConvLSTMTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new ConvLSTM1D(2, 2).returnSequences(true)).input(3, 4, 2).output(-1, 3, 3, 2)
        .weights(3, 0).tolerance(5e-3).run();
  }

  @Test
  void hasKerasWeightLayoutsAndOutputShapes() {
    ConvLSTM2D l = new ConvLSTM2D(4, 3).padding("same").returnState(true);
    List<KerasTensor> out = l.apply(List.of(Input.of(5, 8, 6, 2)));
    assertEquals(List.of(Shape.of(-1, 8, 6, 4), Shape.of(-1, 8, 6, 4), Shape.of(-1, 8, 6, 4)),
        out.stream().map(KerasTensor::shape).toList());
    assertEquals(List.of(Shape.of(3, 3, 2, 16), Shape.of(3, 3, 4, 16), Shape.of(16)),
        l.weights().stream().map(v -> v.shape()).toList());
    assertEquals(List.of("kernel", "recurrent_kernel", "bias"), l.weights().stream().map(v -> v.name()).toList());
    // unit_forget_bias: zeros, ones for the forget gate, zeros
    assertArrayEquals(new float[] {0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0},
        l.getWeights().get(2).toFloatArray());
    assertEquals(Shape.of(-1, 3, 2), new ConvLSTM1D(2, 2).strides(2).apply(Input.of(4, 6, 1)).shape());
    assertEquals(Shape.of(-1, 4, 1, 2, 2, 3),
        new ConvLSTM3D(3, 2).returnSequences(true).apply(Input.of(4, 2, 3, 3, 1)).shape());
  }

  @Test
  void twoStepsByHand() {
    // kernel size 1, one position, one channel, one filter: gate g is w_g x + u_g h + b_g
    ConvLSTM1D l = new ConvLSTM1D(1, 1);
    l.apply(Input.of(2, 1, 1));
    float[] w = {0.5f, -1, 2, 0.25f};
    float[] u = {1, -0.5f, 0.75f, 2};
    float[] b = {0.1f, 0.2f, -0.3f, 0.4f};
    l.setWeights(List.of(NDArray.of(new float[][][] {{w}}), NDArray.of(new float[][][] {{u}}), NDArray.of(b)));
    float[] x = {1, -2};
    float[] y = GraphFixture.eval1(x, Shape.of(1, 2, 1, 1), t -> l.apply(t, false));
    double h = 0;
    double c = 0;
    for (float xt : x) {
      double i = sigmoid(w[0] * xt + u[0] * h + b[0]);
      double f = sigmoid(w[1] * xt + u[1] * h + b[1]);
      c = f * c + i * Math.tanh(w[2] * xt + u[2] * h + b[2]);
      double o = sigmoid(w[3] * xt + u[3] * h + b[3]);
      h = o * Math.tanh(c);
    }
    assertArrayEquals(new float[] {(float) h}, y, 1e-6f);
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @Test
  void configHasKerasKeysAndReadsBack() {
    ConvLSTM2D l = new ConvLSTM2D(3, 2, 3).strides(2, 1).padding("same").returnSequences(true).goBackwards(true)
        .dropout(0.25).recurrentDropout(0.5).seed(7).recurrentActivation("hard_sigmoid").unitForgetBias(false);
    Map<String, Object> c = l.getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "return_sequences", "return_state", "go_backwards", "stateful",
        "unroll", "zero_output_for_mask", "filters", "kernel_size", "strides", "padding", "data_format",
        "dilation_rate", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
        "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer", "recurrent_regularizer",
        "bias_regularizer", "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
        "dropout", "recurrent_dropout", "seed"), List.copyOf(c.keySet()));
    assertEquals(List.of(2, 3), c.get("kernel_size"));
    assertEquals(7L, ((Number) c.get("seed")).longValue());
    ConvLSTM2D back = ConvLSTM2D.fromConfig(c);
    assertEquals(EveryLayerJson.of(c), EveryLayerJson.of(back.getConfig()));
  }

  @Test
  void rejectsBadArgumentsWithKerasMessages() {
    assertThrows(IllegalArgumentException.class, () -> new ConvLSTM2D(0, 3));
    IllegalArgumentException strided = assertThrows(IllegalArgumentException.class,
        () -> new ConvLSTM2D(2, 3).strides(2).dilationRate(2));
    assertTrue(strided.getMessage().contains("dilation_rate"), strided.getMessage());
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
        () -> new ConvLSTM2D(2, 3).apply(Input.of(3, 5, 2)));
    assertTrue(rank.getMessage().contains("expected ndim=5"), rank.getMessage());
    IllegalArgumentException spatial = assertThrows(IllegalArgumentException.class,
        () -> new ConvLSTM1D(2, 3).apply(Input.of(3, -1, 2)));
    assertTrue(spatial.getMessage().contains("static input shapes"), spatial.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ConvLSTM1D(2, 3).stateful(true));
    assertThrows(IllegalArgumentException.class, () -> new ConvLSTM1D(2, 3).dataFormat("channels_first"));
    assertThrows(IllegalArgumentException.class, () -> new ConvLSTM1D(2, 3).padding("causal"));
  }

  /** JSON text of a config, to compare configs whose numbers may be Integer or Long. */
  private static final class EveryLayerJson {
    static String of(Object o) {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
