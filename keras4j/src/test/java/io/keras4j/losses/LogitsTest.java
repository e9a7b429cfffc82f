package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cross-entropies of softmax and sigmoid outputs are computed from their logits, as Keras' TensorFlow backend does:
 * saturated probabilities are not clipped to [1e-7, 1-1e-7], so losses and gradients keep their true size. Expected
 * values worked out by hand with log-sum-exp in double arithmetic.
 */
class LogitsTest {
  // row 0 saturates: softmax(0, 0, 30) gives class 0 a probability of about 9e-14, below the clip bound 1e-7
  static final float[] LOGITS = {0f, 0f, 30f, 1f, 2f, 3f};
  static final Shape S = Shape.of(2, 3);

  static double logSumExp(double... z) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      m = Math.max(m, v);
    }
    double s = 0;
    for (double v : z) {
      s += Math.exp(v - m);
    }
    return m + Math.log(s);
  }

  /** Mean of {@code -log softmax(row)[label]} over the two rows for labels 0 and 2. */
  static double expectedCategorical() {
    return ((logSumExp(0, 0, 30) - 0) + (logSumExp(1, 2, 3) - 3)) / 2;
  }

  static float loss(Loss loss, float[] labels, Shape labelShape, boolean softmaxFirst) {
    return GraphFixture.eval(List.of(labels, LOGITS), List.of(labelShape, S), in -> {
      Tensor yPred = softmaxFirst ? Backend.ops().softmax(in.get(1), -1) : in.get(1);
      return List.of(loss.apply(in.get(0), yPred, null));
    }).get(0)[0];
  }

  @Test
  void categoricalCrossentropyOfASoftmaxOutputUsesItsLogits() {
    float[] oneHot = {1, 0, 0, 0, 0, 1};
    double expected = expectedCategorical(); // 15.2037...; clipped probabilities would give about 8.26
    assertEquals(expected, loss(new CategoricalCrossentropy(), oneHot, S, true), 1e-4);
    assertEquals(expected, loss(new CategoricalCrossentropy().fromLogits(true), oneHot, S, false), 1e-4);
  }

  @Test
  void sparseCategoricalCrossentropyOfASoftmaxOutputUsesItsLogits() {
    float[] labels = {0, 2};
    assertEquals(expectedCategorical(), loss(new SparseCategoricalCrossentropy(), labels, Shape.of(2), true), 1e-4);
  }

  @Test
  void probabilitiesNotProducedByASoftmaxAreStillClipped() {
    // p = (0, 0, 1) for label 0: Keras clips 0 to 1e-7, so -log(1e-7) = 16.118 for that row; the row (0, 0, 1) with
    // label 2 gives -log(1 - 1e-7) after the clip
    float[] p = {0, 0, 1, 0, 0, 1};
    float got = GraphFixture.eval(List.of(new float[] {1, 0, 0, 0, 0, 1}, p), List.of(S, S),
        in -> List.of(new CategoricalCrossentropy().apply(in.get(0), in.get(1), null))).get(0)[0];
    assertEquals((-Math.log(1e-7) - Math.log(1 - 1e-7)) / 2, got, 1e-4);
  }

  @Test
  void binaryCrossentropyOfASigmoidOutputUsesItsLogits() {
    // logit -40 with label 1: log(1 + e^40) = 40 (clipped: 16.118); logit 3 with label 0: log(1 + e^3)
    float[] z = {-40f, 3f};
    float got = GraphFixture.eval(List.of(new float[] {1, 0}, z), List.of(Shape.of(1, 2), Shape.of(1, 2)),
        in -> List.of(new BinaryCrossentropy().apply(in.get(0), Backend.ops().sigmoid(in.get(1)), null))).get(0)[0];
    assertEquals((logSumExp(0, 40) + logSumExp(0, 3)) / 2, got, 1e-4);
  }

  @Test
  void gradientThroughASaturatedSoftmaxIsSoftmaxMinusLabelsOverBatch() {
    float[] oneHot = {1, 0, 0, 0, 0, 1};
    float[] grad = GraphFixture.eval(List.of(oneHot, LOGITS), List.of(S, S), in -> {
      Ops ops = Backend.ops();
      Tensor loss = new CategoricalCrossentropy().apply(in.get(0), ops.softmax(in.get(1), -1), null);
      return List.of(ops.gradients(loss, List.of(in.get(1))).get(0));
    }).get(0);
    float[] expected = new float[6];
    for (int r = 0; r < 2; r++) {
      double lse = logSumExp(LOGITS[3 * r], LOGITS[3 * r + 1], LOGITS[3 * r + 2]);
      for (int c = 0; c < 3; c++) {
        expected[3 * r + c] = (float) ((Math.exp(LOGITS[3 * r + c] - lse) - oneHot[3 * r + c]) / 2);
      }
    }
    // the clipped form has a zero gradient for the saturated class 0 of row 0; here it is (9e-14 - 1) / 2
    assertArrayEquals(expected, grad, 1e-6f);
  }

  @Test
  void binaryFocalCrossentropyOfASigmoidOutputTakesItsCrossEntropyFromTheLogits() {
    // gamma 2: (1 - p_t)^2 * bce; logit -40 with label 1: p_t = sigmoid(-40), bce = log(1 + e^40) = 40 (clipped:
    // 16.118); logit 3 with label 0: p_t = 1 - sigmoid(3), bce = log(1 + e^3)
    float[] z = {-40f, 3f};
    double p0 = 1 / (1 + Math.exp(40));
    double p1 = 1 / (1 + Math.exp(-3));
    double expected = (Math.pow(1 - p0, 2) * logSumExp(0, 40) + Math.pow(p1, 2) * logSumExp(0, 3)) / 2;
    float fromSigmoid = GraphFixture.eval(List.of(new float[] {1, 0}, z), List.of(Shape.of(1, 2), Shape.of(1, 2)),
        in -> List.of(new BinaryFocalCrossentropy().apply(in.get(0), Backend.ops().sigmoid(in.get(1)), null)))
        .get(0)[0];
    float fromLogits = GraphFixture.eval(List.of(new float[] {1, 0}, z), List.of(Shape.of(1, 2), Shape.of(1, 2)),
        in -> List.of(new BinaryFocalCrossentropy().fromLogits(true).apply(in.get(0), in.get(1), null))).get(0)[0];
    assertEquals(expected, fromSigmoid, 1e-4);
    assertEquals(expected, fromLogits, 1e-4);
  }

  @Test
  void perStepCategoricalCrossentropyOfASequenceOfSoftmaxOutputs() {
    // the same two rows as one sequence of two steps, shape (1, 2, 3): the rank-3 path through a (-1, 3) view
    float[] oneHot = {1, 0, 0, 0, 0, 1};
    Shape seq = Shape.of(1, 2, 3);
    float got = GraphFixture.eval(List.of(oneHot, LOGITS), List.of(seq, seq),
        in -> List.of(new CategoricalCrossentropy().apply(in.get(0), Backend.ops().softmax(in.get(1), -1), null)))
        .get(0)[0];
    assertEquals(expectedCategorical(), got, 1e-4);
  }
}
