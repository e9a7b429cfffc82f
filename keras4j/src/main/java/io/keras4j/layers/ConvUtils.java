package io.keras4j.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Argument checks and output lengths shared by the convolution, pooling and padding layers.
 *
 * <p>Keras equivalent: {@code keras.src.ops.operation_utils} ({@code compute_conv_output_shape}) and
 * {@code keras.src.utils.argument_validation.standardize_tuple}.
 */
final class ConvUtils {
  private ConvUtils() {}

  /** One value per spatial axis: a single int repeated, or exactly {@code n} ints (Keras' standardize_tuple). */
  static int[] tuple(String layer, String name, int n, int... values) {
    if (values == null) {
      throw new IllegalArgumentException("Layer '" + layer + "': the `" + name + "` argument is required: an int or "
          + "a tuple of " + n + " integers. Received " + name + "=null");
    }
    int[] out = values.length == 1 ? repeat(values[0], n) : values.clone();
    if (out.length != n) {
      throw new IllegalArgumentException("Layer '" + layer + "': the `" + name + "` argument must be a tuple of " + n
          + " integers. Received " + name + "=" + Arrays.toString(values));
    }
    for (int v : out) {
      if (v <= 0) {
        throw new IllegalArgumentException("Layer '" + layer + "': the `" + name + "` argument must be a tuple of "
            + n + " integers > 0. Received " + name + "=" + Arrays.toString(values));
      }
    }
    return out;
  }

  /** A tuple as Keras' config writes it: a list of ints. */
  static List<Integer> list(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  static int[] repeat(int v, int n) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }

  /** "valid" or "same" (and "causal" where allowed), lower case. */
  static String padding(String layer, String padding, boolean allowCausal) {
    String p = padding.toLowerCase(Locale.ROOT);
    if (!(p.equals("valid") || p.equals("same") || (allowCausal && p.equals("causal")))) {
      throw new IllegalArgumentException("Layer '" + layer + "': the `padding` argument must be one of \"valid\", "
          + "\"same\"" + (allowCausal ? " (or \"causal\")" : "") + ". Received: " + padding);
    }
    return p;
  }

  /** The output length of a convolution or pooling window: Keras' conv_output_length. */
  static long outputLength(long in, int kernel, String padding, int stride, int dilation) {
    if (in < 0) {
      return -1;
    }
    long dk = kernel + (long) (kernel - 1) * (dilation - 1);
    long len = padding.equals("valid") ? in - dk + 1 : in;
    return len <= 0 ? 0 : (len + stride - 1) / stride;
  }

  /**
   * The output length of a transposed convolution: Keras' deconv_output_length; {@code outputPadding} below 0 means
   * none (Keras' {@code output_padding=None}).
   */
  static long transposeLength(long in, int kernel, String padding, int stride, int dilation, int outputPadding) {
    if (in < 0) {
      return -1;
    }
    long dk = kernel + (long) (kernel - 1) * (dilation - 1);
    if (outputPadding < 0) {
      return padding.equals("valid") ? in * stride + Math.max(dk - stride, 0) : in * stride;
    }
    long pad = padding.equals("same") ? dk / 2 : 0;
    return (in - 1) * stride + dk - 2 * pad + outputPadding;
  }
}
