package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loss values against numbers worked out by hand (in double arithmetic here), and gradients against finite differences. */
class LossesTest {
  // two samples, two outputs each
  static final float[] T = {0f, 1f, 1f, 0f};
  static final float[] P = {0.2f, 0.6f, 0.7f, 0.1f};
  static final Shape S = Shape.of(2, 2);

  static double value(Loss loss, float[] t, float[] p, Shape s) {
    return GraphFixture.eval(List.of(t, p), List.of(s, s), in -> List.of(loss.apply(in.get(0), in.get(1), null)))
        .get(0)[0];
  }

  static double bce(double t, double p) {
    return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
  }

  @Test
  void binaryCrossentropyIsTheMeanOfElementLosses() {
    double expected = (bce(0, .2) + bce(1, .6) + bce(1, .7) + bce(0, .1)) / 4;
    assertEquals(expected, value(new BinaryCrossentropy(), T, P, S), 1e-6);
  }

  @Test
  void binaryCrossentropyFromLogitsEqualsSigmoidThenLoss() {
    float[] logits = {-1.2f, 0.3f, 2.0f, -0.5f};
    double expected = 0;
    for (int i = 0; i < 4; i++) {
      expected += bce(T[i], 1 / (1 + Math.exp(-logits[i])));
    }
    assertEquals(expected / 4, value(new BinaryCrossentropy().fromLogits(true), T, logits, S), 1e-6);
  }

  @Test
  void labelSmoothingMovesLabelsTowardsOneHalf() {
    // s = 0.2: labels 0 -> 0.1, 1 -> 0.9
    double expected = (bce(.1, .2) + bce(.9, .6) + bce(.9, .7) + bce(.1, .1)) / 4;
    assertEquals(expected, value(new BinaryCrossentropy().labelSmoothing(0.2), T, P, S), 1e-6);
  }

  @Test
  void categoricalCrossentropyRenormalisesProbabilities() {
    // rows (0.2, 0.6) -> (0.25, 0.75), (0.7, 0.1) -> (0.875, 0.125)
    double expected = (-Math.log(0.75) - Math.log(0.875)) / 2;
    assertEquals(expected, value(new CategoricalCrossentropy(), T, P, S), 1e-6);
  }

  @Test
  void sparseCategoricalCrossentropyFromLogits() {
    float[] logits = {1f, 2f, 0.5f, -1f};
    float[] labels = {1f, 0f};
    double l0 = -Math.log(Math.exp(2) / (Math.exp(1) + Math.exp(2)));
    double l1 = -Math.log(Math.exp(0.5) / (Math.exp(0.5) + Math.exp(-1)));
    double v = GraphFixture.eval(List.of(labels, logits), List.of(Shape.of(2), S),
        in -> List.of(new SparseCategoricalCrossentropy().fromLogits(true).apply(in.get(0), in.get(1), null))).get(0)[0];
    assertEquals((l0 + l1) / 2, v, 1e-6);
  }

  @Test
  void sampleWeightsScaleEachSampleAndSumOverBatchSizeDivides() {
    float[] w = {2f, 0f};
    double v = GraphFixture.eval(List.of(T, P, w), List.of(S, S, Shape.of(2)),
        in -> List.of(new MeanSquaredError().apply(in.get(0), in.get(1), in.get(2)))).get(0)[0];
    double sample0 = (0.04 + 0.16) / 2;
    assertEquals(2 * sample0 / 2, v, 1e-6);
  }

  static Stream<Arguments> regressionLosses() {
    double[] d = {0.2, -0.4, -0.3, 0.1}; // p - t
    double mse = 0;
    double mae = 0;
    double logcosh = 0;
    double huber = 0;
    for (double e : d) {
      mse += e * e / 4;
      mae += Math.abs(e) / 4;
      logcosh += Math.log(Math.cosh(e)) / 4;
      huber += (Math.abs(e) <= 1 ? 0.5 * e * e : Math.abs(e) - 0.5) / 4;
    }
    double poisson = 0;
    double kld = 0;
    for (int i = 0; i < 4; i++) {
      poisson += (P[i] - T[i] * Math.log(P[i] + 1e-7)) / 4;
      double t = Math.max(T[i], 1e-7);
      kld += t * Math.log(t / P[i]) / 2;
    }
    // hinge with labels converted to -1/1
    double hinge = 0;
    double sqHinge = 0;
    for (int i = 0; i < 4; i++) {
      double y = 2 * T[i] - 1;
      double h = Math.max(1 - y * P[i], 0);
      hinge += h / 4;
      sqHinge += h * h / 4;
    }
    return Stream.of(
        Arguments.of(new MeanSquaredError(), mse),
        Arguments.of(new MeanAbsoluteError(), mae),
        Arguments.of(new LogCosh(), logcosh),
        Arguments.of(new Huber(), huber),
        Arguments.of(new Poisson(), poisson),
        Arguments.of(new KLDivergence(), kld),
        Arguments.of(new Hinge(), hinge),
        Arguments.of(new SquaredHinge(), sqHinge));
  }

  @ParameterizedTest
  @MethodSource("regressionLosses")
  void valuesMatchHandComputedNumbers(Loss loss, double expected) {
    assertEquals(expected, value(loss, T, P, S), 1e-5, loss.name());
  }

  @Test
  void cosineSimilarityOfParallelVectorsIsMinusOne() {
    float[] t = {1f, 2f, 3f, 4f};
    float[] p = {2f, 4f, 6f, 8f};
    assertEquals(-1.0, value(new CosineSimilarity(), t, p, S), 1e-6);
  }

  @Test
  void meanAbsolutePercentageErrorByHand() {
    float[] t = {2f, 4f, -1f, 5f};
    // 100 * mean |(t - p) / t| per sample: (0.1 + 0.05) / 2 * 100 and (1.0 + 0.02) / 2 * 100
    float[] p = {1.8f, 4.2f, 0f, 4.9f};
    assertEquals((7.5 + 51.0) / 2, value(new MeanAbsolutePercentageError(), t, p, S), 1e-4);
    double err = GraphFixture.gradientError(p, S, x -> new MeanAbsolutePercentageError()
        .apply(Backend.ops().constant(t, S), x, null), 1e-3);
    assertTrue(err < 1e-2, "gradient error " + err);
  }

  @Test
  void categoricalHingeByHand() {
    // sample 0: pos = 0.6, neg = max(0.2) = 0.2 -> max(0.2 - 0.6 + 1, 0) = 0.6; sample 1: pos 0.7, neg 0.1 -> 0.4
    assertEquals(0.5, value(new CategoricalHinge(), T, P, S), 1e-6);
  }

  static Stream<Loss> allLosses() {
    return Stream.of(new BinaryCrossentropy(), new BinaryFocalCrossentropy(), new CategoricalCrossentropy(),
        new MeanSquaredError(), new MeanAbsoluteError(),
        new MeanSquaredLogarithmicError(), new Hinge(), new SquaredHinge(), new CategoricalHinge(), new Huber(),
        new LogCosh(), new KLDivergence(), new Poisson(), new CosineSimilarity(),
        new BinaryCrossentropy().fromLogits(true), new CategoricalCrossentropy().fromLogits(true));
  }

  @ParameterizedTest
  @MethodSource("allLosses")
  void gradientMatchesFiniteDifferences(Loss loss) {
    float[] p = {0.3f, 0.55f, 0.65f, 0.25f};
    double err = GraphFixture.gradientError(p, S, x -> {
      Tensor t = Backend.ops().constant(T, S);
      return loss.apply(t, x, null);
    }, 1e-3);
    assertTrue(err < 2e-3, loss.name() + " gradient error " + err);
  }

  @Test
  void sparseCategoricalCrossentropyGradientMatchesFiniteDifferences() {
    float[] labels = {1f, 0f};
    double probs = GraphFixture.gradientError(new float[] {0.3f, 0.7f, 0.6f, 0.4f}, S,
        x -> new SparseCategoricalCrossentropy().apply(Backend.ops().constant(labels, Shape.of(2)), x, null), 1e-3);
    double logits = GraphFixture.gradientError(new float[] {1.3f, -0.7f, 0.2f, 0.4f}, S,
        x -> new SparseCategoricalCrossentropy().fromLogits(true).apply(Backend.ops().constant(labels, Shape.of(2)), x,
            null), 1e-3);
    assertTrue(probs < 2e-3 && logits < 2e-3, "gradient errors " + probs + ", " + logits);
  }

  @Test
  void binaryFocalCrossentropyByHand() {
    // gamma 2: (1 - p_t)^2 * bce per element, p_t = p for t = 1 and 1 - p for t = 0
    double expected = 0;
    for (int i = 0; i < 4; i++) {
      double pt = T[i] == 1 ? P[i] : 1 - P[i];
      expected += Math.pow(1 - pt, 2) * bce(T[i], P[i]) / 4;
    }
    assertEquals(expected, value(new BinaryFocalCrossentropy(), T, P, S), 1e-6);
    double balanced = 0;
    for (int i = 0; i < 4; i++) {
      double pt = T[i] == 1 ? P[i] : 1 - P[i];
      double w = T[i] == 1 ? 0.25 : 0.75;
      balanced += w * Math.pow(1 - pt, 2) * bce(T[i], P[i]) / 4;
    }
    assertEquals(balanced, value(new BinaryFocalCrossentropy().applyClassBalancing(true), T, P, S), 1e-6);
  }

  @Test
  void customLossFromAJavaFunction() {
    Loss l1 = Loss.of("l1", (t, p) -> Backend.ops().sum(Backend.ops().abs(Backend.ops().subtract(p, t)),
        new int[] {-1}, false));
    // per sample: |0.2| + |-0.4| = 0.6 and |-0.3| + |0.1| = 0.4; mean 0.5
    assertEquals(0.5, value(l1, T, P, S), 1e-6);
    assertEquals(1.0, value(Loss.of("l1", (t, p) -> l1.call(t, p)).reduction("sum"), T, P, S), 1e-6);
  }

  @Test
  void unknownLossListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.get("msee"));
    assertTrue(e.getMessage().contains("'msee'") && e.getMessage().contains("mse"), e.getMessage());
  }
}
