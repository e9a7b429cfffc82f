package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The input gradient of a stride-1 "SAME" convolution as a forward convolution with the flipped kernel
 * ({@link ConvInputGradients}): by finite differences, against TensorFlow's Conv2DBackpropInput, and which ops the
 * gradient is made of.
 */
class ConvInputGradientsTest {
  private static final float[] K = new float[3 * 3 * 2 * 3];
  private static final float[] X = new float[2 * 5 * 4 * 2];

  static {
    for (int i = 0; i < K.length; i++) {
      K[i] = ((i * 7 % 13) - 6) * 0.05f;
    }
    for (int i = 0; i < X.length; i++) {
      X[i] = ((i * 5 % 11) - 5) * 0.2f;
    }
  }

  @Test
  void theGradientMatchesFiniteDifferences() {
    double err = GraphFixture.gradientError(X, Shape.of(2, 5, 4, 2), t -> conv(t, 1), 1e-3);
    assertTrue(err < 2e-3, "gradient error " + err);
  }

  @Test
  void theGradientEqualsConv2DBackpropInputsAndIsAConv2D() {
    Traced asConv = dx(1, null);
    Traced backprop = dx(1, "backprop");
    assertEquals("Conv2D", asConv.producer);
    assertEquals("Conv2DBackpropInput", backprop.producer);
    for (int i = 0; i < X.length; i++) {
      assertEquals(backprop.values[i], asConv.values[i], 1e-5, "dx[" + i + "]");
    }
  }

  @Test
  void aStridedConvolutionKeepsConv2DBackpropInput() {
    assertEquals("Conv2DBackpropInput", dx(2, null).producer);
  }

  private static Tensor conv(Tensor x, int stride) {
    Ops ops = Backend.ops();
    return ops.conv(x, ops.constant(K, Shape.of(3, 3, 2, 3)), new int[] {stride, stride}, "same", new int[] {1, 1});
  }

  private record Traced(float[] values, String producer) {}

  /** d(sum(conv(x) * w))/dx and the type of the op that computes it, with keras4j.convInputGradient set. */
  private static Traced dx(int stride, String property) {
    String saved = System.getProperty("keras4j.convInputGradient");
    if (property != null) {
      System.setProperty("keras4j.convInputGradient", property);
    }
    String[] producer = new String[1];
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction f = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor in = ops.placeholder("float32", Shape.of(2, 5, 4, 2));
        Tensor y = conv(in, stride);
        float[] w = new float[(int) y.shape().size()];
        for (int i = 0; i < w.length; i++) {
          w[i] = 0.5f + 0.25f * (i % 5);
        }
        Tensor dx = ops.gradients(ops.sum(ops.multiply(y, ops.constant(w, y.shape())), null, false), List.of(in))
            .get(0);
        producer[0] = TFMathOps.o(dx).op().type();
        return List.of(dx);
      });
      try (NativeArray x = Backend.array(X, Shape.of(2, 5, 4, 2))) {
        List<NativeArray> out = f.call(List.of(x));
        float[] v = out.get(0).toFloatArray();
        out.forEach(NativeArray::close);
        return new Traced(v, producer[0]);
      }
    } finally {
      if (saved == null) {
        System.clearProperty("keras4j.convInputGradient");
      } else {
        System.setProperty("keras4j.convInputGradient", saved);
      }
    }
  }
}
