package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch statistics in training, exponential moving averages, and moving statistics at inference, by hand. */
class BatchNormalizationTest {
  // one feature, batches of 4
  static final float[][] BATCH1 = {{1}, {2}, {3}, {6}}; // mean 3, biased variance (4 + 1 + 0 + 9) / 4 = 3.5
  static final float[][] BATCH2 = {{0}, {0}, {4}, {4}}; // mean 2, variance 4

  @Test
  void trainingUsesBatchStatisticsAndUpdatesMovingOnes() {
    BatchNormalization bn = new BatchNormalization().momentum(0.9).epsilon(0.0);
    Sequential m = new Sequential();
    m.add(bn.inputShape(1));
    // SGD with lr 0: the step changes nothing but the moving statistics
    m.compile(new CompileOptions().optimizer(new SGD(0.0)).loss("mse"));
    m.trainOnBatch(BATCH1, new float[] {0, 0, 0, 0});
    m.trainOnBatch(BATCH2, new float[] {0, 0, 0, 0});
    // moving_mean: 0 -> 0.9 * 0 + 0.1 * 3 = 0.3 -> 0.9 * 0.3 + 0.1 * 2 = 0.47
    // moving_variance: 1 -> 0.9 + 0.35 = 1.25 -> 1.125 + 0.4 = 1.525
    List<NDArray> w = bn.getWeights();
    assertArrayEquals(new float[] {0.47f}, w.get(2).toFloatArray(), 1e-6f);
    assertArrayEquals(new float[] {1.525f}, w.get(3).toFloatArray(), 1e-6f);

    // inference uses the moving statistics: (x - 0.47) / sqrt(1.525)
    float[] p = m.predict(new float[][] {{1}}).toFloat2D()[0];
    assertEquals((1 - 0.47) / Math.sqrt(1.525), p[0], 1e-5);

    // training mode normalises by the batch: (x - 3) / sqrt(3.5)
    float[] train = GraphFixture.eval1(new float[] {1, 2, 3, 6}, Shape.of(4, 1), x -> bn.apply(x, true));
    double sd = Math.sqrt(3.5);
    assertArrayEquals(new float[] {(float) (-2 / sd), (float) (-1 / sd), 0f, (float) (3 / sd)}, train, 1e-5f);
    // (a call in training mode updates the moving statistics again, as in Keras)
    assertArrayEquals(new float[] {0.9f * 0.47f + 0.3f}, bn.getWeights().get(2).toFloatArray(), 1e-6f);
  }

  @Test
  void aFrozenLayerRunsInInferenceMode() {
    BatchNormalization bn = new BatchNormalization();
    Sequential m = new Sequential();
    m.add(bn.inputShape(1));
    bn.trainable(false);
    m.compile(new CompileOptions().optimizer(new SGD(0.0)).loss("mse"));
    m.trainOnBatch(BATCH1, new float[] {0, 0, 0, 0});
    assertArrayEquals(new float[] {0f}, bn.getWeights().get(2).toFloatArray());
    assertArrayEquals(new float[] {1f}, bn.getWeights().get(3).toFloatArray());
    float[] y = GraphFixture.eval1(new float[] {2}, Shape.of(1, 1), x -> bn.apply(x, true));
    assertEquals(2 / Math.sqrt(1 + 1e-3), y[0], 1e-6); // moving mean 0, variance 1, epsilon 1e-3
  }

  @Test
  void featuresAlongAnotherAxis() {
    BatchNormalization bn = new BatchNormalization().axis(1).epsilon(0).center(false).scale(false);
    bn.apply(Input.of(2, 2));
    // x (1, 2, 2): axis 1 features are rows (1, 3) and (2, 6): means 2 and 4, variances 1 and 4
    float[] y = GraphFixture.eval1(new float[] {1, 3, 2, 6}, Shape.of(1, 2, 2), x -> bn.apply(x, true));
    assertArrayEquals(new float[] {-1, 1, -1, 1}, y, 1e-6f);
  }

  // images (1, 1, 2, 2): two pixels, two channels
  static final float[] IMAGE = {1, -2, 4, 6};

  /** A 4-D channels-last layer with gamma (2, 0.5), beta (1, -1), moving mean (0.5, 2), moving variance (4, 1). */
  private static BatchNormalization imageLayer(boolean center, boolean scale) {
    BatchNormalization bn = new BatchNormalization().epsilon(0.0).center(center).scale(scale);
    bn.apply(Input.of(1, 2, 2));
    List<float[]> w = new java.util.ArrayList<>();
    if (scale) {
      w.add(new float[] {2, 0.5f});
    }
    if (center) {
      w.add(new float[] {1, -1});
    }
    w.add(new float[] {0.5f, 2});
    w.add(new float[] {4, 1});
    bn.setWeights(w);
    return bn;
  }

  @Test
  void imagesAtInferenceUseTheMovingStatistics() {
    // channel 0: (x - 0.5) / 2 * 2 + 1; channel 1: (x - 2) / 1 * 0.5 - 1
    float[] y = GraphFixture.eval1(IMAGE, Shape.of(1, 1, 2, 2), x -> imageLayer(true, true).apply(x, false));
    assertArrayEquals(new float[] {1.5f, -3f, 4.5f, 1f}, y, 1e-6f);
    float[] plain = GraphFixture.eval1(IMAGE, Shape.of(1, 1, 2, 2), x -> imageLayer(false, false).apply(x, false));
    assertArrayEquals(new float[] {0.25f, -4f, 1.75f, 4f}, plain, 1e-6f);
  }

  @Test
  void afterAConvolutionInferenceGivesTheSameNumbers() {
    // a 1x1 convolution with the identity kernel feeds the layer its input unchanged; the backend may fuse the two
    Conv2D conv = new Conv2D(2, 1).useBias(false);
    conv.apply(Input.of(1, 2, 2));
    conv.setWeights(List.of(NDArray.of(new float[][][][] {{{{1, 0}, {0, 1}}}})));
    BatchNormalization bn = imageLayer(true, true);
    float[] y = GraphFixture.eval1(IMAGE, Shape.of(1, 1, 2, 2), x -> bn.apply(conv.apply(x, false), false));
    assertArrayEquals(new float[] {1.5f, -3f, 4.5f, 1f}, y, 1e-6f);
  }

  @Test
  void aFrozenImageLayerPassesGradientsScaledByGammaOverTheDeviation() {
    BatchNormalization bn = imageLayer(true, true);
    bn.trainable(false);
    // d/dx = gamma / sqrt(moving_variance): 1 for channel 0, 0.5 for channel 1; checked by finite differences
    assertEquals(0, GraphFixture.gradientError(IMAGE, Shape.of(1, 1, 2, 2), x -> bn.apply(x, true), 1e-2), 2e-3);
    float[] y = GraphFixture.eval1(IMAGE, Shape.of(1, 1, 2, 2), x -> bn.apply(x, true));
    assertArrayEquals(new float[] {1.5f, -3f, 4.5f, 1f}, y, 1e-6f);
  }
}
