package io.keras4j.saving.formats;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.saving.KerasFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * The array conversions that turn recurrent weights saved by Keras 1, Keras 2 and tf.keras into the fused layouts of
 * Keras 3's LSTM, GRU, SimpleRNN and ConvLSTM2D.
 *
 * <p>Keras equivalent: the weight half of Keras 2's {@code keras.engine.saving.preprocess_weights_for_loading} and
 * {@code _convert_rnn_weights} (Keras 3 dropped both). The facts they encode:
 * <ul>
 *   <li>Keras 1 saved an LSTM as 12 arrays, per gate {@code W, U, b} in the order i, c, f, o; Keras 2 and 3 fuse them
 *       as {@code kernel (in, 4u)}, {@code recurrent_kernel (u, 4u)}, {@code bias (4u,)} in the order i, f, c, o.
 *       ConvLSTM2D the same, with 4-D kernels. Keras 1's GRU: 9 arrays, gates z, r, h, fused in that order.
 *   <li>CuDNNLSTM keeps {@code bias (8u,)}: input biases then recurrent biases (cuDNN adds both); an LSTM's bias is
 *       their sum. CuDNNGRU keeps {@code bias (6u,)}, which is GRU(reset_after=True)'s {@code (2, 3u)} flattened.
 *   <li>A CuDNN kernel's gate block is cuDNN's {@code (u, in)} matrix written row-major into the {@code (in, u)}
 *       variable: Keras' block is that matrix transposed, read from the same flat values. A recurrent gate block is
 *       the transpose of Keras'.
 *   <li>Keras 1/2 and tf.keras computed {@code hard_sigmoid(x)} as {@code clip(0.2 x + 0.5, 0, 1)}; Keras 3 as
 *       {@code clip(x / 6 + 0.5, 0, 1)}, which is the old one at {@code 1.2 x}.
 * </ul>
 *
 * <p>Arrays are float32 {@link HostArray}s, row-major; a gate's block is a slice of the last axis.
 */
final class LegacyRecurrentWeights {
  /** Keras 3's hard_sigmoid at {@code HARD_SIGMOID_SCALE * x} equals Keras 1/2's hard_sigmoid at {@code x}. */
  static final float HARD_SIGMOID_SCALE = 1.2f;

  private LegacyRecurrentWeights() {}

  /**
   * Keras 1's per-gate arrays ({@code W_g, U_g, b_g} for each gate in the file's order) fused along the last axis in
   * the order {@code order} gives: {@code order[k]} is the file position of Keras 3's gate {@code k}. Returns
   * {@code [kernel, recurrent_kernel, bias]}.
   */
  static List<HostArray> fuseGates(List<HostArray> perGate, int[] order, String layer) {
    int gates = order.length;
    if (perGate.size() != 3 * gates) {
      throw new KerasFileException("Layer '" + layer + "': expected " + 3 * gates + " Keras 1 per-gate weights (W, U, b"
          + " for each gate). Received " + perGate.size());
    }
    List<HostArray> fused = new ArrayList<>();
    for (int part = 0; part < 3; part++) {
      List<HostArray> blocks = new ArrayList<>();
      for (int g : order) {
        blocks.add(perGate.get(3 * g + part));
      }
      fused.add(concatLast(blocks, layer));
    }
    return fused;
  }

  /** Keras 1's LSTM gate order (i, c, f, o) as positions of Keras 3's gates i, f, c, o. */
  static final int[] KERAS1_LSTM = {0, 2, 1, 3};

  /** Keras 1's GRU gate order (z, r, h) is Keras 3's. */
  static final int[] KERAS1_GRU = {0, 1, 2};

  /** Arrays of equal leading dimensions concatenated along their last axis. */
  static HostArray concatLast(List<HostArray> arrays, String layer) {
    long[] first = arrays.get(0).shape().dims();
    int rank = first.length;
    long rows = 1;
    for (int i = 0; i < rank - 1; i++) {
      rows *= first[i];
    }
    long cols = 0;
    for (HostArray a : arrays) {
      long[] d = a.shape().dims();
      if (d.length != rank || !java.util.Arrays.equals(d, 0, rank - 1, first, 0, rank - 1)) {
        throw new KerasFileException("Layer '" + layer + "': per-gate weights of shapes " + Shape.of(first) + " and "
            + a.shape() + " cannot be fused");
      }
      cols += d[rank - 1];
    }
    float[] out = new float[Math.toIntExact(rows * cols)];
    int offset = 0;
    for (HostArray a : arrays) {
      int w = (int) a.shape().get(rank - 1);
      float[] v = a.values();
      for (int r = 0; r < rows; r++) {
        System.arraycopy(v, r * w, out, (int) (r * cols) + offset, w);
      }
      offset += w;
    }
    long[] shape = first.clone();
    shape[rank - 1] = cols;
    return new HostArray(out, Shape.of(shape));
  }

  /**
   * A CuDNN input kernel {@code (in, gates*u)} in Keras' layout: each gate block is cuDNN's {@code (u, in)} matrix
   * (the block's values read row-major), transposed.
   */
  static HostArray cudnnKernel(HostArray kernel, int gates) {
    int in = (int) kernel.shape().get(0);
    int width = (int) kernel.shape().get(1);
    int u = width / gates;
    float[] v = kernel.values();
    float[] out = new float[v.length];
    for (int g = 0; g < gates; g++) {
      for (int k = 0; k < in * u; k++) { // k: row-major position within the (in, u) block
        float value = v[(k / u) * width + g * u + k % u];
        int unit = k / in; // the same position read as cuDNN's (u, in) matrix
        int input = k % in;
        out[input * width + g * u + unit] = value;
      }
    }
    return new HostArray(out, kernel.shape());
  }

  /** A CuDNN recurrent kernel {@code (u, gates*u)} in Keras' layout: each square gate block transposed. */
  static HostArray cudnnRecurrentKernel(HostArray kernel, int gates) {
    int u = (int) kernel.shape().get(0);
    int width = (int) kernel.shape().get(1);
    float[] v = kernel.values();
    float[] out = new float[v.length];
    for (int g = 0; g < gates; g++) {
      for (int r = 0; r < u; r++) {
        for (int c = 0; c < u; c++) {
          out[c * width + g * u + r] = v[r * width + g * u + c];
        }
      }
    }
    return new HostArray(out, kernel.shape());
  }

  /** CuDNNLSTM's {@code (8u,)} bias (input biases, then recurrent biases) as an LSTM's {@code (4u,)}: their sum. */
  static HostArray cudnnLstmBias(HostArray bias) {
    float[] v = bias.values();
    int half = v.length / 2;
    float[] out = new float[half];
    for (int i = 0; i < half; i++) {
      out[i] = v[i] + v[half + i];
    }
    return new HostArray(out, Shape.of(half));
  }

  /** CuDNNGRU's {@code (6u,)} bias as GRU(reset_after=True)'s {@code (2, 3u)}: input biases, recurrent biases. */
  static HostArray cudnnGruBias(HostArray bias) {
    float[] v = bias.values();
    return new HostArray(v.clone(), Shape.of(2, v.length / 2));
  }

  /**
   * {@code array} with the gate blocks {@code scaled} (of {@code gates} equal blocks along the last axis) multiplied
   * by {@code factor}.
   */
  static HostArray scaleGates(HostArray array, int gates, boolean[] scaled, float factor) {
    int width = (int) array.shape().get(array.shape().rank() - 1);
    int u = width / gates;
    float[] out = array.values().clone();
    for (int i = 0; i < out.length; i++) {
      if (scaled[(i % width) / u]) {
        out[i] *= factor;
      }
    }
    return new HostArray(out, array.shape());
  }

  /**
   * A convolution kernel with every axis but the last two reversed: Keras 2's {@code convert_kernel}, between Theano's
   * convolution and TensorFlow's correlation.
   */
  static HostArray flipSpatial(HostArray kernel) {
    long[] d = kernel.shape().dims();
    int rank = d.length;
    int inner = (int) (d[rank - 2] * d[rank - 1]);
    int spatial = kernel.values().length / inner;
    float[] v = kernel.values();
    float[] out = new float[v.length];
    for (int s = 0; s < spatial; s++) {
      // reversing each spatial axis reverses the row-major spatial index when all axes are reversed together
      int[] idx = new int[rank - 2];
      int rest = s;
      for (int a = rank - 3; a >= 0; a--) {
        idx[a] = rest % (int) d[a];
        rest /= (int) d[a];
      }
      int target = 0;
      for (int a = 0; a < rank - 2; a++) {
        target = target * (int) d[a] + ((int) d[a] - 1 - idx[a]);
      }
      System.arraycopy(v, s * inner, out, target * inner, inner);
    }
    return new HostArray(out, kernel.shape());
  }

  /** A Keras 1 "th" kernel {@code (filters, in, rows, cols)} as {@code (rows, cols, in, filters)}. */
  static HostArray thKernelToTf(HostArray kernel) {
    long[] d = kernel.shape().dims();
    int f = (int) d[0];
    int in = (int) d[1];
    int rows = (int) d[2];
    int cols = (int) d[3];
    float[] v = kernel.values();
    float[] out = new float[v.length];
    for (int a = 0; a < f; a++) {
      for (int b = 0; b < in; b++) {
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < cols; c++) {
            out[((r * cols + c) * in + b) * f + a] = v[((a * in + b) * rows + r) * cols + c];
          }
        }
      }
    }
    return new HostArray(out, Shape.of(rows, cols, in, f));
  }
}
