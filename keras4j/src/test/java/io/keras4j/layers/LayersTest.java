package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.models.Sequential;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forward values worked by hand on small inputs, output shapes and parameter counts, gradients. */
@SuppressWarnings("unchecked")
class LayersTest {
  @Test
  void regularizationLossesOutsideATraceAreEmptyWithoutRegularizers() {
    // Keras: layer.losses is [] for a layer without regularizers, at any time; no graph is being traced here
    Dense d = new Dense(2);
    d.apply(Input.of(3));
    assertEquals(List.of(), d.regularizationLosses());
    Sequential m = new Sequential();
    m.add(new Dense(2).inputDim(3));
    assertEquals(List.of(), m.losses());
  }

  @Test
  void denseComputesXwPlusBThenActivation() {
    Dense d = new Dense(2).activation("relu");
    d.apply(Input.of(3));
    d.setWeights(List.of(new float[][] {{1, -1}, {0, 2}, {3, 0}}, new float[] {0.5f, -10f}));
    float[] y = GraphFixture.eval1(new float[] {1, 2, 3}, Shape.of(1, 3), x -> d.apply(x, false));
    // (1*1 + 2*0 + 3*3 + 0.5, 1*-1 + 2*2 + 3*0 - 10) = (10.5, -7) -> relu
    assertArrayEquals(new float[] {10.5f, 0f}, y);
    assertEquals(8, d.countParams());
  }

  @Test
  void denseGradientMatchesFiniteDifferences() {
    Dense d = new Dense(3).activation("tanh");
    d.apply(Input.of(4));
    double err = GraphFixture.gradientError(new float[] {0.1f, -0.3f, 0.7f, 0.2f, 0.5f, 0.4f, -0.6f, 0.9f},
        Shape.of(2, 4), x -> d.apply(x, false), 1e-3);
    assertTrue(err < 2e-3, "gradient error " + err);
  }

  @Test
  void shapesAndParameterCountsMatchKeras() {
    KerasTensor in = Input.of(6, 4);
    assertEquals(Shape.of(-1, 6, 8), new Dense(8).apply(in).shape());
    assertEquals(Shape.of(-1, 24), new Flatten().apply(in).shape());
    assertEquals(Shape.of(-1, 3, 8), new Reshape(3, -1).apply(in).shape());
    assertEquals(Shape.of(-1, 4, 6), new Permute(2, 1).apply(in).shape());
    assertEquals(Shape.of(-1, 5, 4), new RepeatVector(5).apply(Input.of(4)).shape());
    assertEquals(Shape.of(-1, 6, 8), new Concatenate().apply(List.of(in, in)).get(0).shape());
    Dense d = new Dense(8);
    d.apply(in);
    assertEquals(4 * 8 + 8, d.countParams());
    Maxout m = new Maxout(3, 4);
    assertEquals(Shape.of(-1, 3), m.apply(Input.of(5)).shape());
    assertEquals(5 * 12 + 12, m.countParams());
  }

  @Test
  void reshapeRejectsASizeThatDoesNotFit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Reshape(5).name("r").apply(Input.of(6)));
    assertTrue(e.getMessage().contains("'r'") && e.getMessage().contains("(None, 6)"), e.getMessage());
  }

  @Test
  void mergeLayersByHand() {
    float[] a = {1, -2, 3};
    float[] b = {4, 5, -6};
    Shape s = Shape.of(1, 3);
    assertArrayEquals(new float[] {5, 3, -3}, merge(new Add(), a, b, s));
    assertArrayEquals(new float[] {-3, -7, 9}, merge(new Subtract(), a, b, s));
    assertArrayEquals(new float[] {4, -10, -18}, merge(new Multiply(), a, b, s));
    assertArrayEquals(new float[] {2.5f, 1.5f, -1.5f}, merge(new Average(), a, b, s));
    assertArrayEquals(new float[] {4, 5, 3}, merge(new Maximum(), a, b, s));
    assertArrayEquals(new float[] {1, -2, -6}, merge(new Minimum(), a, b, s));
    assertArrayEquals(new float[] {1, -2, 3, 4, 5, -6}, merge(new Concatenate(), a, b, s));
  }

  private static float[] merge(Layer layer, float[] a, float[] b, Shape s) {
    return GraphFixture.eval(List.of(a, b), List.of(s, s), in -> layer.applyAll(in, false)).get(0);
  }

  @Test
  void maxoutTakesTheLargestPiece() {
    Maxout m = new Maxout(1, 2);
    m.apply(Input.of(2));
    // pieces: x1 - x2 and x2 - x1 + 1
    m.setWeights(List.of(NDArray.of(new float[] {1, -1, -1, 1}, m.weights().get(0).shape().dims()),
        NDArray.of(new float[] {0, 1}, m.weights().get(1).shape().dims())));
    float[] y = GraphFixture.eval1(new float[] {3, 1, 0, 2}, Shape.of(2, 2), x -> m.apply(x, false));
    assertArrayEquals(new float[] {2, 3}, y); // max(2, -1), max(-2, 3)
  }

  @Test
  void preluUsesItsLearnedSlope() {
    PReLU p = new PReLU().alphaInitializer(new io.keras4j.initializers.Constant(0.25));
    p.apply(Input.of(2));
    float[] y = GraphFixture.eval1(new float[] {-4, 2}, Shape.of(1, 2), x -> p.apply(x, false));
    assertArrayEquals(new float[] {-1, 2}, y);
  }

  @Test
  void advancedActivationLayers() {
    float[] x = {-2, 0.5f, 8};
    Shape s = Shape.of(1, 3);
    assertArrayEquals(new float[] {-0.6f, 0.5f, 8}, GraphFixture.eval1(x, s, t -> new LeakyReLU().apply(t, false)), 1e-6f);
    assertArrayEquals(new float[] {0, 0.5f, 6}, GraphFixture.eval1(x, s, t -> new ReLU().maxValue(6.0).apply(t, false)));
    assertArrayEquals(new float[] {(float) (Math.exp(-2) - 1), 0.5f, 8},
        GraphFixture.eval1(x, s, t -> new ELU().apply(t, false)), 1e-6f);
    assertArrayEquals(new float[] {-1, 4.625f, 21.5f},
        GraphFixture.eval1(x, s, t -> new Rescaling(2.25, 3.5).apply(t, false)), 1e-6f);
  }

  @Test
  void normalizationAdaptsMeanAndVariance() {
    Normalization n = new Normalization();
    n.adapt(new float[][] {{1, 10}, {3, 30}});
    n.apply(Input.of(2));
    // mean (2, 20), variance (1, 100): (x - mean) / std
    float[] y = GraphFixture.eval1(new float[] {4, 0}, Shape.of(1, 2), x -> n.apply(x, false));
    assertArrayEquals(new float[] {2, -2}, y, 1e-6f);
  }

  @Test
  void normalizationAdaptsOverTheAxesItDoesNotKeep() {
    float[][][] data = {{{1, 2}, {10, 20}}, {{3, 4}, {30, 40}}};
    // axis=1 keeps the middle axis: {1, 2, 3, 4} has mean 2.5, variance 1.25; {10, 20, 30, 40} 25 and 125
    Normalization n = new Normalization().axis(1);
    n.adapt(data);
    n.apply(Input.of(2, 2));
    assertArrayEquals(new float[] {2.5f, 25}, n.getWeights().get(0).toFloatArray(), 1e-6f);
    assertArrayEquals(new float[] {1.25f, 125}, n.getWeights().get(1).toFloatArray(), 1e-4f);
    assertEquals(0L, n.getWeights().get(2).toLongArray()[0]);
    // no axis (Keras' axis=None): one mean 110 / 8 over everything
    Normalization all = new Normalization().axis();
    all.adapt(data);
    all.apply(Input.of(2, 2));
    assertArrayEquals(new float[] {13.75f}, all.getWeights().get(0).toFloatArray(), 1e-6f);
  }

  @Test
  void dropoutIsIdentityAtInferenceAndKeepsTheMeanInTraining() {
    float[] ones = new float[10000];
    java.util.Arrays.fill(ones, 1f);
    Dropout d = new Dropout(0.4).seed(1);
    Shape s = Shape.of(1, 10000);
    assertArrayEquals(ones, GraphFixture.eval1(ones, s, x -> d.apply(x, false)));
    float[] y = GraphFixture.eval1(ones, s, x -> d.apply(x, true));
    double mean = 0;
    int zeros = 0;
    for (float v : y) {
      mean += v / y.length;
      zeros += v == 0 ? 1 : 0;
      assertTrue(v == 0 || Math.abs(v - 1 / 0.6) < 1e-5, "value " + v);
    }
    assertEquals(1.0, mean, 0.05);
    assertEquals(0.4, zeros / 10000.0, 0.03);
  }

  @Test
  void lambdaCanUseRawTensorFlowOps() {
    Lambda cumprod = new Lambda(x -> io.keras4j.backend.tensorflow.TensorFlowOps.tensor(
        io.keras4j.backend.tensorflow.TensorFlowOps.tf().math.cumprod(
            (org.tensorflow.Operand<org.tensorflow.types.TFloat32>) io.keras4j.backend.tensorflow.TensorFlowOps.operand(x),
            io.keras4j.backend.tensorflow.TensorFlowOps.tf().constant(-1))));
    assertArrayEquals(new float[] {2, 6, 24}, GraphFixture.eval1(new float[] {2, 3, 4}, Shape.of(1, 3),
        x -> cumprod.apply(x, false)));
  }

  @Test
  void automaticNamesFollowKeras() {
    Backend.clearSession();
    assertEquals("dense", new Dense(1).name());
    assertEquals("dense_1", new Dense(1).name());
    assertEquals("re_lu", new ReLU().name());
    assertEquals("leaky_re_lu", new LeakyReLU().name());
  }

  @Test
  void invalidArgumentsSayWhatWasReceived() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Dense(0)).getMessage()
        .contains("Received: units=0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5)).getMessage()
        .contains("Received: rate=1.5"));
  }

  @Test
  void preluSharesOneSlopePerChannelOverSharedAxes() {
    // input (batch, 2, 3): shared_axes=[1] gives alpha of shape (1, 3), one slope per channel
    PReLU p = new PReLU().sharedAxes(1).alphaInitializer(new io.keras4j.initializers.Constant(0.5));
    p.apply(Input.of(2, 3));
    assertEquals(Shape.of(1, 3), p.weights().get(0).shape());
    float[] y = GraphFixture.eval1(new float[] {-2, 1, -4, 3, -6, 0}, Shape.of(1, 2, 3), x -> p.apply(x, false));
    assertArrayEquals(new float[] {-1, 1, -2, 3, -3, 0}, y);
  }

  @Test
  void flattenChannelsFirstMovesChannelsLast() {
    // (batch, channels=2, 3): channels_first flattens as the channels-last (batch, 3, 2) would
    float[] x = {1, 2, 3, 10, 20, 30};
    Shape s = Shape.of(1, 2, 3);
    assertArrayEquals(x, GraphFixture.eval1(x, s, t -> new Flatten().apply(t, false)));
    assertArrayEquals(new float[] {1, 10, 2, 20, 3, 30},
        GraphFixture.eval1(x, s, t -> new Flatten().dataFormat("channels_first").apply(t, false)));
  }

  @Test
  void groupNormalizationRefusesTheBatchAxis() {
    // any other channel axis is supported (golden case GroupNormalization/axis1); the batch axis is not one
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GroupNormalization().groups(1).axis(0).apply(Input.of(2, 4)));
    assertTrue(e.getMessage().contains("Received: axis=0"), e.getMessage());
  }
}
