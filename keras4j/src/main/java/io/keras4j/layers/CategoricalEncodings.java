package io.keras4j.layers;

// Follows keras/src/utils/numerical_utils.py encode_categorical_inputs (and tf_utils' bincount fast path).

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * Keras' categorical output modes of the preprocessing layers: {@code "int"}, {@code "one_hot"},
 * {@code "multi_hot"} and {@code "count"}, and their output shapes.
 */
final class CategoricalEncodings {
  private CategoricalEncodings() {}

  /** {@code mode} if it is one of {@code allowed}, else Keras' error naming the layer. */
  static String check(String layer, String mode, List<String> allowed) {
    if (!allowed.contains(mode)) {
      throw new IllegalArgumentException(layer + ": invalid value for argument `output_mode`. Expected one of "
          + allowed + ". Received: output_mode=" + mode);
    }
    return mode;
  }

  /**
   * Encodes integer {@code indices} (any numeric dtype; floats are truncated) as Keras does: "int" casts to
   * {@code dtype}; "one_hot" one-hot encodes each value, dropping a last axis of 1; "multi_hot" and "count" reduce
   * the one-hot encoding over axis 1 (axis 0 for a vector) by max and by sum ({@code countWeights} weighing each
   * value when given). Scalars are encoded as one sample.
   */
  static Tensor encode(Ops ops, Tensor indices, String mode, int depth, String dtype, Tensor countWeights) {
    if (mode.equals("int")) {
      return ops.cast(indices, dtype);
    }
    Tensor x = indices;
    if (x.rank() == 0) {
      x = ops.expandDims(x, -1);
    }
    if (!x.dtype().startsWith("int")) {
      x = ops.cast(x, "int64");
    }
    if (mode.equals("one_hot")) {
      if (x.rank() > 1 && x.shape().get(-1) == 1) {
        x = ops.squeeze(x, -1);
      }
      return ops.cast(ops.oneHot(x, depth), dtype);
    }
    int axis = x.rank() > 1 ? 1 : 0;
    Tensor oneHot = ops.oneHot(x, depth);
    if (mode.equals("multi_hot")) {
      return ops.cast(ops.max(oneHot, new int[] {axis}, false), dtype);
    }
    if (countWeights != null) {
      oneHot = ops.multiply(oneHot, ops.expandDims(ops.cast(countWeights, "float32"), -1));
    }
    return ops.cast(ops.sum(oneHot, new int[] {axis}, false), dtype);
  }

  /** The output shape of {@link #encode} for inputs of {@code in}. */
  static Shape outputShape(Shape in, String mode, long depth) {
    if (mode.equals("int")) {
      return in;
    }
    long[] d = in.dims();
    if (d.length == 0) {
      return Shape.of(depth);
    }
    if (mode.equals("one_hot")) {
      if (d.length > 1 && d[d.length - 1] == 1) {
        d[d.length - 1] = depth;
        return Shape.of(d);
      }
      long[] out = java.util.Arrays.copyOf(d, d.length + 1);
      out[d.length] = depth;
      return Shape.of(out);
    }
    if (d.length == 1) {
      return Shape.of(depth);
    }
    // the reduction runs over axis 1: (batch, n, rest...) -> (batch, rest..., depth)
    long[] out = new long[d.length];
    out[0] = d[0];
    System.arraycopy(d, 2, out, 1, d.length - 2);
    out[d.length - 1] = depth;
    return Shape.of(out);
  }
}
