package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * F1Score and FBetaScore on four samples of three classes; the predicted classes are written out by hand and the
 * scores computed in plain Java from the weighted counts.
 */
class FBetaScoreTest {
  private static final Shape S = Shape.of(4, 3);
  private static final float[] T = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0};
  private static final float[] P = {0.6f, 0.3f, 0.1f, 0.2f, 0.3f, 0.5f, 0.1f, 0.2f, 0.7f, 0.3f, 0.4f, 0.3f};
  /** Each row's highest score. */
  private static final int[] ARGMAX = {1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0};
  /** Scores above 0.25. */
  private static final int[] ABOVE = {1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1};

  /** {@code [per-class scores..., micro, macro, weighted]} of predictions {@code pred} with weights {@code w}. */
  private static double[] scores(int[] pred, double[] w, double beta) {
    double[] tp = new double[3];
    double[] fp = new double[3];
    double[] fn = new double[3];
    double[] support = new double[3];
    for (int i = 0; i < 4; i++) {
      for (int c = 0; c < 3; c++) {
        double wi = w == null ? 1 : w[i];
        boolean label = T[3 * i + c] == 1;
        boolean predicted = pred[3 * i + c] == 1;
        tp[c] += label && predicted ? wi : 0;
        fp[c] += !label && predicted ? wi : 0;
        fn[c] += label && !predicted ? wi : 0;
        support[c] += label ? wi : 0;
      }
    }
    double[] out = new double[6];
    double supportSum = support[0] + support[1] + support[2];
    for (int c = 0; c < 3; c++) {
      out[c] = f(tp[c], fp[c], fn[c], beta);
      out[4] += out[c] / 3;
      out[5] += out[c] * support[c] / supportSum;
    }
    out[3] = f(tp[0] + tp[1] + tp[2], fp[0] + fp[1] + fp[2], fn[0] + fn[1] + fn[2], beta);
    return out;
  }

  private static double f(double tp, double fp, double fn, double beta) {
    double precision = tp / (tp + fp);
    double recall = tp / (tp + fn);
    return (1 + beta * beta) * precision * recall / (beta * beta * precision + recall);
  }

  private static float[] run(BaseFBetaScore<?> m, double[] w) {
    MetricRun run = new MetricRun(m, S);
    if (w == null) {
      return run.batch(T, P).result();
    }
    float[] wf = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      wf[i] = (float) w[i];
    }
    return run.weights(Shape.of(4)).batch(T, P, wf).result();
  }

  @Test
  void f1PerClassFromEachRowsHighestScore() {
    double[] s = scores(ARGMAX, null, 1);
    // by hand: class 0 perfect; class 1 precision 1 recall 1/2; class 2 precision 1/2 recall 1
    assertEquals(1, s[0], 1e-12);
    assertEquals(2.0 / 3, s[1], 1e-12);
    assertArrayEquals(new float[] {1, 2f / 3, 2f / 3}, run(new F1Score(), null), 1e-5f);
    assertEquals(s[3], run(new F1Score().average("micro"), null)[0], 1e-5);
    assertEquals(7.0 / 9, run(new F1Score().average("macro"), null)[0], 1e-5);
    assertEquals(0.75, run(new F1Score().average("weighted"), null)[0], 1e-5);
  }

  @Test
  void thresholdBetaAndSampleWeights() {
    double[] w = {1, 2, 1, 0.5};
    double[] s = scores(ABOVE, w, 2);
    float[] perClass = run(new FBetaScore().beta(2).threshold(0.25), w);
    assertArrayEquals(new float[] {(float) s[0], (float) s[1], (float) s[2]}, perClass, 1e-5f);
    assertEquals(s[3], run(new FBetaScore().beta(2).threshold(0.25).average("micro"), w)[0], 1e-5);
    assertEquals(s[4], run(new FBetaScore().beta(2).threshold(0.25).average("macro"), w)[0], 1e-5);
    assertEquals(s[5], run(new FBetaScore().beta(2).threshold(0.25).average("weighted"), w)[0], 1e-5);
    double[] half = scores(ABOVE, null, 0.5);
    assertEquals(half[4], run(new FBetaScore().beta(0.5).threshold(0.25).average("macro"), null)[0], 1e-5);
  }

  @Test
  void anAllZeroRowPredictsNothing() {
    // one sample of class 0 scored 0 everywhere: a false negative, no positive -> F1 0 for class 0
    float[] r = new MetricRun(new F1Score(), Shape.of(1, 2)).batch(new float[] {1, 0}, new float[] {0, 0}).result();
    assertArrayEquals(new float[] {0, 0}, r, 1e-6f);
  }

  @Test
  void configsFollowKeras() {
    Map<String, Object> f1 = new F1Score().average("macro").threshold(0.5).getConfig();
    assertFalse(f1.containsKey("beta"));
    assertEquals("macro", f1.get("average"));
    assertEquals(0.5, f1.get("threshold"));
    FBetaScore back = FBetaScore.fromConfig(new FBetaScore().beta(2).average("weighted").getConfig());
    assertEquals(2.0, back.beta());
    assertEquals("weighted", back.average());
    assertEquals(null, back.threshold());
    assertEquals("fbeta_score", back.name());
    assertTrue(Metrics.get("f1_score") instanceof F1Score);
    assertTrue(Metrics.get("f_beta_score") instanceof FBetaScore);
  }

  @Test
  void badArgumentsAreRefusedWithTheReceivedValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new F1Score().average("sum"));
    assertTrue(e.getMessage().contains("average=sum"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new FBetaScore().beta(0));
    assertTrue(e.getMessage().contains("beta=0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new F1Score().threshold(0));
    assertTrue(e.getMessage().contains("threshold=0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new MetricRun(new F1Score(), Shape.of(4)).batch(new float[4], new float[4]).result());
    assertTrue(e.getMessage().contains("2D"), e.getMessage());
  }
}
