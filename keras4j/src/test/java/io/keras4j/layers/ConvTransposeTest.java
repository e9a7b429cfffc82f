package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.data.NDArray;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transposed convolutions against a plain-Java scatter: each input pixel adds the kernel, scaled by its value, at
 * its strided position. Single-channel cases with strides above 1 are the ones oneDNN's Conv2DBackpropInput and
 * Conv3DBackpropInputV2 got wrong on some CPUs; all inputs are fed, so no constant folding hides a wrong kernel.
 */
class ConvTransposeTest {
  /** Scatter reference, channels-last: x [b, h, w, c], kernel [kh, kw, o, c], output cropped by padTop/padLeft. */
  static float[] scatter(float[] x, int b, int h, int w, int c, float[] k, int kh, int kw, int o, int stride,
      int outH, int outW, int padTop, int padLeft) {
    float[] y = new float[b * outH * outW * o];
    for (int n = 0; n < b; n++) {
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          for (int ci = 0; ci < c; ci++) {
            float v = x[((n * h + i) * w + j) * c + ci];
            for (int p = 0; p < kh; p++) {
              for (int q = 0; q < kw; q++) {
                int r = i * stride + p - padTop;
                int s = j * stride + q - padLeft;
                if (r < 0 || s < 0 || r >= outH || s >= outW) {
                  continue;
                }
                for (int co = 0; co < o; co++) {
                  y[((n * outH + r) * outW + s) * o + co] += v * k[((p * kw + q) * o + co) * c + ci];
                }
              }
            }
          }
        }
      }
    }
    return y;
  }

  private static float[] ramp(int n, int start) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = start + i % 5 - (i % 3) * 0.5f;
    }
    return a;
  }

  static Stream<Arguments> cases() {
    // batch, size, in channels, kernel, filters, stride, padding
    return Stream.of(
        Arguments.of(1, 2, 1, 2, 1, 2, "valid"),
        Arguments.of(2, 3, 1, 2, 1, 2, "valid"),
        Arguments.of(1, 3, 1, 3, 1, 2, "valid"),
        Arguments.of(2, 3, 1, 3, 1, 2, "same"),
        Arguments.of(1, 4, 1, 2, 1, 2, "same"),
        Arguments.of(1, 2, 1, 2, 1, 3, "valid"),
        Arguments.of(1, 3, 1, 3, 1, 1, "valid"),
        Arguments.of(2, 3, 2, 3, 1, 2, "same"),
        Arguments.of(2, 3, 1, 2, 2, 2, "valid"),
        Arguments.of(2, 3, 2, 3, 3, 2, "valid"));
  }

  @ParameterizedTest(name = "batch {0}, {1}x{1}x{2}, kernel {3}, filters {4}, stride {5}, {6}")
  @MethodSource("cases")
  void conv2DTransposeMatchesTheScatter(int batch, int size, int channels, int kernel, int filters, int stride,
      String padding) {
    Conv2DTranspose t = new Conv2DTranspose(filters, kernel).strides(stride).padding(padding).useBias(false);
    t.apply(Input.of(size, size, channels));
    float[] k = ramp(kernel * kernel * filters * channels, 1);
    t.setWeights(List.of(NDArray.of(k, kernel, kernel, filters, channels)));
    float[] x = ramp(batch * size * size * channels, -2);
    boolean same = padding.equals("same");
    int out = same ? size * stride : size * stride + Math.max(kernel - stride, 0);  // Keras' deconv length
    int pad = same ? Math.max(0, (size - 1) * stride + kernel - out) / 2 : 0;
    float[] want = scatter(x, batch, size, size, channels, k, kernel, kernel, filters, stride, out, out, pad, pad);
    float[] got = GraphFixture.eval1(x, Shape.of(batch, size, size, channels), in -> t.apply(in, false));
    assertArrayEquals(want, got, 1e-5f);
  }

  @Test
  void conv1DTransposeOverlapsNeighbouringKernels() {
    // input [1, 2, 3], kernel [1, 10, 100], stride 2: output positions 2 and 4 receive two kernel taps each
    Conv1DTranspose t = new Conv1DTranspose(1, 3).strides(2).useBias(false);
    t.apply(Input.of(3, 1));
    t.setWeights(List.of(NDArray.of(new float[] {1, 10, 100}, 3, 1, 1)));
    float[] y = GraphFixture.eval1(new float[] {1, 2, 3, 0, 1, 0}, Shape.of(2, 3, 1), x -> t.apply(x, false));
    assertArrayEquals(new float[] {1, 10, 102, 20, 203, 30, 300, 0, 0, 1, 10, 100, 0, 0}, y);
  }

  @Test
  void conv1DTransposeSameCropsTheFullOutput() {
    // stride 2, kernel 2, 'same': output length 4, no overlap, no crop; each input writes [v, 10 v]
    Conv1DTranspose t = new Conv1DTranspose(1, 2).strides(2).padding("same").useBias(false);
    t.apply(Input.of(2, 1));
    t.setWeights(List.of(NDArray.of(new float[] {1, 10}, 2, 1, 1)));
    float[] y = GraphFixture.eval1(new float[] {3, -1}, Shape.of(1, 2, 1), x -> t.apply(x, false));
    assertArrayEquals(new float[] {3, 30, -1, -10}, y);
  }

  @Test
  void conv3DTransposeOfOneChannelScattersTheKernel() {
    // input depth 1, height 1, width 2 holding [1, 2]; kernel 2x2x2 of 1..8, stride 2: output [2, 2, 4]
    float[] kernel = {1, 2, 3, 4, 5, 6, 7, 8};
    float[] y = GraphFixture.eval(List.of(new float[] {1, 2}, kernel),
        List.of(Shape.of(1, 1, 1, 2, 1), Shape.of(2, 2, 2, 1, 1)),
        in -> List.of(Backend.ops().convTranspose(in.get(0), in.get(1), new int[] {2, 2, 4}, new int[] {2, 2, 2},
            "valid", new int[] {1, 1, 1}))).get(0);
    assertArrayEquals(new float[] {1, 2, 2, 4, 3, 4, 6, 8, 5, 6, 10, 12, 7, 8, 14, 16}, y);
  }

  @Test
  void kernelGradientOfASingleChannelTransposeMatchesFiniteDifferences() {
    float[] x = {1, -2, 0.5f, 3};
    double err = GraphFixture.gradientError(ramp(9, 0), Shape.of(3, 3, 1, 1), k -> {
      Ops ops = Backend.ops();
      Tensor in = ops.constant(x, Shape.of(1, 2, 2, 1));
      return ops.convTranspose(in, k, new int[] {5, 5}, new int[] {2, 2}, "valid", new int[] {1, 1});
    }, 1e-3);
    assertTrue(err < 1e-2, "kernel gradient error " + err);
  }

  @Test
  void inputGradientOfASingleChannelStridedConvMatchesFiniteDifferences() {
    // Conv2D's input gradient is Conv2DBackpropInput, the op behind the transposed convolution
    float[] kernel = ramp(9, 1);
    double err = GraphFixture.gradientError(ramp(2 * 25, -1), Shape.of(2, 5, 5, 1), x -> {
      Ops ops = Backend.ops();
      Tensor k = ops.constant(kernel, Shape.of(3, 3, 1, 1));
      return ops.conv(x, k, new int[] {2, 2}, "valid", new int[] {1, 1});
    }, 1e-3);
    assertTrue(err < 1e-2, "input gradient error " + err);
  }

  static Stream<Arguments> harness() {
    return Stream.of(
        Arguments.of("Conv1DTranspose one channel", LayerHarness.of(() -> new Conv1DTranspose(1, 3).strides(2))
            .input(4, 1).output(-1, 9, 1).weights(2, 0)),
        Arguments.of("Conv2DTranspose one channel", LayerHarness.of(() -> new Conv2DTranspose(1, 2).strides(2))
            .input(3, 3, 1).output(-1, 6, 6, 1).weights(2, 0)),
        Arguments.of("Conv2DTranspose one channel same", LayerHarness.of(
            () -> new Conv2DTranspose(1, 3).strides(2).padding("same")).input(3, 3, 1).output(-1, 6, 6, 1)
            .weights(2, 0)),
        // a strided convolution's input gradient is Conv2DBackpropInput, wrong here as well without the zero channel
        Arguments.of("Conv2D one channel strided", LayerHarness.of(() -> new Conv2D(1, 3).strides(2))
            .input(5, 5, 1).output(-1, 2, 2, 1).weights(2, 0)),
        Arguments.of("Conv3D one channel strided", LayerHarness.of(() -> new Conv3D(1, 2).strides(2))
            .input(4, 4, 4, 1).output(-1, 2, 2, 2, 1).weights(2, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("harness")
  void singleChannelLayersPassTheHarness(String name, LayerHarness h) {
    h.run();
  }
}
