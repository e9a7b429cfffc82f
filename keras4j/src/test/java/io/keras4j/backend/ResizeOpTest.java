package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import org.junit.jupiter.api.Test;

/** {@code Ops.resize}: tf.image.resize's methods, by hand on one row, and gradients where TensorFlow has them. */
class ResizeOpTest {
  static final float[] ROW = {0, 4};
  static final Shape S = Shape.of(1, 1, 2, 1);

  static float[] resize(String method, boolean antialias, int width) {
    return GraphFixture.eval1(ROW, S, t -> Backend.ops().resize(t, 1, width, method, antialias));
  }

  @Test
  void upsamplesWithHalfPixelCentres() {
    // 2 -> 4: output centres at input x = -0.25, 0.25, 0.75, 1.25
    assertArrayEquals(new float[] {0, 1, 3, 4}, resize("bilinear", false, 4), 1e-6f);
    assertArrayEquals(new float[] {0, 0, 4, 4}, resize("nearest", false, 4));
    assertArrayEquals(new float[] {0, 0, 4, 4}, resize("area", false, 4), 1e-6f);
    // Keys' cubic (a = -0.5) at x = 0.25: with half-pixel centres TensorFlow drops the taps outside the image
    // (x = -1 and 2) and renormalises the two left: 4 w(0.75) / (w(0.25) + w(0.75))
    float[] cubic = resize("bicubic", false, 4);
    double expected = 4 * keys(0.75) / (keys(0.25) + keys(0.75));
    assertTrue(Math.abs(cubic[1] - expected) < 1e-5, "bicubic " + cubic[1] + ", expected " + expected);
    float[] lanczos = resize("lanczos3", false, 4);
    assertTrue(lanczos[0] < lanczos[1] && lanczos[1] < lanczos[2] && lanczos[2] < lanczos[3], "lanczos increases");
  }

  static double keys(double x) {
    double a = -0.5;
    x = Math.abs(x);
    return x <= 1 ? ((a + 2) * x - (a + 3)) * x * x + 1 : ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
  }

  @Test
  void antialiasAveragesWhenDownsampling() {
    float[] x = {0, 0, 8, 8};
    // a triangle filter twice as wide when halving: more smoothing than plain bilinear's pair averages
    float[] plain = GraphFixture.eval1(x, Shape.of(1, 1, 4, 1), t -> Backend.ops().resize(t, 1, 2, "bilinear", false));
    float[] aa = GraphFixture.eval1(x, Shape.of(1, 1, 4, 1), t -> Backend.ops().resize(t, 1, 2, "bilinear", true));
    assertArrayEquals(new float[] {0, 8}, plain, 1e-6f);
    assertTrue(aa[0] > 0 && aa[1] < 8, "antialiased " + java.util.Arrays.toString(aa));
  }

  @Test
  void gradientsFlowThroughTheSmoothMethods() {
    float[] x = {0.3f, -1.2f, 0.8f, 2.1f, -0.4f, 1.1f};
    for (String m : new String[] {"bilinear", "bicubic", "lanczos3"}) {
      double err = GraphFixture.gradientError(x, Shape.of(1, 2, 3, 1),
          t -> Backend.ops().resize(t, 3, 5, m, m.equals("lanczos3")), 1e-3);
      assertTrue(err < 3e-3, m + " gradient error " + err);
    }
  }

  @Test
  void anUnknownMethodIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> resize("cubic", false, 3));
  }
}
