package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GRU: the bias layouts of reset_after true and false, a step worked out by hand, gradients. */
class GRUTest {
  @Test
  void harnessResetAfter() {
    LayerHarness.of(() -> new GRU(3)).input(4, 2).output(-1, 3).weights(3, 0).run();
  }

  @Test
  void harnessResetBeforeSequences() {
    LayerHarness.of(() -> new GRU(2).resetAfter(false).returnSequences(true)).input(3, 2).output(-1, 3, 2)
        .weights(3, 0).run();
  }

  @Test
  void biasShapes() {
    GRU after = new GRU(3);
    after.apply(Input.of(4, 2));
    assertArrayEquals(new long[] {2, 9}, after.getWeights().get(2).shape());
    GRU before = new GRU(3).resetAfter(false);
    before.apply(Input.of(4, 2));
    assertArrayEquals(new long[] {9}, before.getWeights().get(2).shape());
    assertArrayEquals(new long[] {2, 9}, before.getWeights().get(0).shape());
  }

  @Test
  void oneStepMatchesTheEquationsWorkedOutByHand() {
    // one unit, gates z, r, h; from h0 = 0.4 given as the initial state
    float[] k = {0.5f, -0.3f, 0.8f};
    float[] rk = {0.1f, 0.4f, -0.6f};
    float[] bIn = {0.05f, 0.1f, -0.1f};
    float[] bRec = {0.2f, -0.2f, 0.3f};
    float x = 0.9f;
    double h0 = 0.4;
    double z = sigmoid(x * k[0] + bIn[0] + h0 * rk[0] + bRec[0]);
    double r = sigmoid(x * k[1] + bIn[1] + h0 * rk[1] + bRec[1]);
    double hh = Math.tanh(x * k[2] + bIn[2] + r * (h0 * rk[2] + bRec[2]));
    double h = z * h0 + (1 - z) * hh;
    GRU gru = new GRU(1);
    KerasTensor in = Input.of(1, 1);
    KerasTensor init = Input.of(1);
    KerasTensor out = gru.apply(List.of(in, init)).get(0);
    gru.setWeights(List.of(NDArray.of(new float[][] {k}), NDArray.of(new float[][] {rk}),
        NDArray.of(new float[][] {bIn, bRec})));
    try (Model m = new Model(List.of(in, init), List.of(out))) {
      float[] y = m.predict(List.of(NDArray.of(new float[] {x}, 1, 1, 1), NDArray.of(new float[] {(float) h0}, 1, 1)))
          .toFloatArray();
      assertEquals(h, y[0], 1e-6);
    }
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
