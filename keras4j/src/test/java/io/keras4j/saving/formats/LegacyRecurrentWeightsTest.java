package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The array conversions of legacy recurrent weights, against layouts worked out by hand. */
class LegacyRecurrentWeightsTest {
  static HostArray a(long[] shape, float... v) {
    return new HostArray(v, Shape.of(shape));
  }

  static long[] s(long... d) {
    return d;
  }

  @Test
  void keras1LstmGatesICFOAreFusedAsIFCO() {
    // units=1, input_dim=1: W_g, U_g, b_g for i, c, f, o hold 1..12 in file order
    List<HostArray> perGate = new ArrayList<>();
    for (int k = 1; k <= 12; k++) {
      perGate.add(k % 3 == 0 ? a(s(1), k) : a(s(1, 1), k));
    }
    List<HostArray> fused = LegacyRecurrentWeights.fuseGates(perGate, LegacyRecurrentWeights.KERAS1_LSTM, "lstm_1");
    assertArrayEquals(new float[] {1, 7, 4, 10}, fused.get(0).values());
    assertArrayEquals(new long[] {1, 4}, fused.get(0).shape().dims());
    assertArrayEquals(new float[] {2, 8, 5, 11}, fused.get(1).values());
    assertArrayEquals(new float[] {3, 9, 6, 12}, fused.get(2).values());
    assertArrayEquals(new long[] {4}, fused.get(2).shape().dims());
  }

  @Test
  void keras1GruGatesKeepTheirOrderAndWideBlocksInterleaveByRow() {
    // input_dim=2, units=1 for W; z, r, h
    List<HostArray> perGate = List.of(a(s(2, 1), 1, 2), a(s(1, 1), 3), a(s(1), 4), a(s(2, 1), 5, 6), a(s(1, 1), 7),
        a(s(1), 8), a(s(2, 1), 9, 10), a(s(1, 1), 11), a(s(1), 12));
    List<HostArray> fused = LegacyRecurrentWeights.fuseGates(perGate, LegacyRecurrentWeights.KERAS1_GRU, "gru_1");
    assertArrayEquals(new float[] {1, 5, 9, 2, 6, 10}, fused.get(0).values());
    assertArrayEquals(new float[] {3, 7, 11}, fused.get(1).values());
    assertArrayEquals(new float[] {4, 8, 12}, fused.get(2).values());
  }

  @Test
  void cudnnInputKernelBlocksAreCudnnMatricesTransposed() {
    // input_dim=3, units=2, two gates: gate 0's (3, 2) block holds 0..5 row-major, which cuDNN reads as the (2, 3)
    // matrix [[0,1,2],[3,4,5]]; Keras' block is its transpose [[0,3],[1,4],[2,5]]. Gate 1 the same with 10..15.
    HostArray k = a(s(3, 4), 0, 1, 10, 11, 2, 3, 12, 13, 4, 5, 14, 15);
    HostArray keras = LegacyRecurrentWeights.cudnnKernel(k, 2);
    assertArrayEquals(new float[] {0, 3, 10, 13, 1, 4, 11, 14, 2, 5, 12, 15}, keras.values());
  }

  @Test
  void cudnnRecurrentBlocksAreTransposed() {
    HostArray k = a(s(2, 4), 1, 2, 5, 6, 3, 4, 7, 8);
    assertArrayEquals(new float[] {1, 3, 5, 7, 2, 4, 6, 8}, LegacyRecurrentWeights.cudnnRecurrentKernel(k, 2).values());
  }

  @Test
  void cudnnLstmBiasIsTheSumOfInputAndRecurrentBiases() {
    HostArray b = LegacyRecurrentWeights.cudnnLstmBias(a(s(8), 1, 2, 3, 4, 10, 20, 30, 40));
    assertArrayEquals(new float[] {11, 22, 33, 44}, b.values());
    assertArrayEquals(new long[] {4}, b.shape().dims());
  }

  @Test
  void cudnnGruBiasBecomesInputAndRecurrentRows() {
    HostArray b = LegacyRecurrentWeights.cudnnGruBias(a(s(6), 1, 2, 3, 4, 5, 6));
    assertArrayEquals(new long[] {2, 3}, b.shape().dims());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, b.values());
  }

  @Test
  void scaleGatesScalesTheChosenBlocksOfTheLastAxisInEveryRow() {
    HostArray bias = a(s(8), 1, 1, 1, 1, 1, 1, 1, 1);
    assertArrayEquals(new float[] {2, 2, 2, 2, 1, 1, 2, 2},
        LegacyRecurrentWeights.scaleGates(bias, 4, new boolean[] {true, true, false, true}, 2f).values());
    HostArray gru = a(s(2, 3), 1, 2, 3, 4, 5, 6);
    assertArrayEquals(new float[] {2, 4, 3, 8, 10, 6},
        LegacyRecurrentWeights.scaleGates(gru, 3, new boolean[] {true, true, false}, 2f).values());
  }

  @Test
  void oldHardSigmoidIsNewHardSigmoidAtOnePointTwoTimesX() {
    for (double x = -4; x <= 4; x += 0.25) {
      double old = Math.min(1, Math.max(0, 0.2 * x + 0.5));
      double y = LegacyRecurrentWeights.HARD_SIGMOID_SCALE * x;
      double keras3 = Math.min(6, Math.max(0, y + 3)) / 6; // relu6(x + 3) / 6
      assertEquals(old, keras3, 1e-6, "x=" + x);
    }
  }

  @Test
  void flipSpatialReversesEveryAxisButTheLastTwo() {
    assertArrayEquals(new float[] {4, 3, 2, 1}, LegacyRecurrentWeights.flipSpatial(a(s(2, 2, 1, 1), 1, 2, 3, 4))
        .values());
    assertArrayEquals(new float[] {3, 4, 1, 2}, LegacyRecurrentWeights.flipSpatial(a(s(1, 2, 1, 2), 1, 2, 3, 4))
        .values());
  }

  @Test
  void thKernelBecomesRowsColsInFilters() {
    // (filters=2, in=1, rows=1, cols=2): filter 0 is [1, 2], filter 1 is [3, 4]
    HostArray tf = LegacyRecurrentWeights.thKernelToTf(a(s(2, 1, 1, 2), 1, 2, 3, 4));
    assertArrayEquals(new long[] {1, 2, 1, 2}, tf.shape().dims());
    assertArrayEquals(new float[] {1, 3, 2, 4}, tf.values());
  }
}
