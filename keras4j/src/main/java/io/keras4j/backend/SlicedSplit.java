package io.keras4j.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Ops#split} as one slice per part, written with any engine's {@link Ops}: the default for an engine without
 * a split op of its own.
 *
 * <p>Keras equivalent: {@code keras.ops.split(x, indices_or_sections, axis)} with a number of sections (NumPy's
 * {@code np.split}); Keras' TensorFlow backend runs one {@code tf.split} instead.
 */
final class SlicedSplit {
  private SlicedSplit() {}

  /**
   * {@code x} cut into {@code sections} equal parts along {@code axis}, each a slice of {@code ops}.
   *
   * @throws IllegalArgumentException when the axis' static size is unknown or not a multiple of {@code sections}
   */
  static List<Tensor> run(Ops ops, Tensor x, int sections, int axis) {
    int rank = x.rank();
    int a = axis < 0 ? axis + rank : axis;
    long n = x.shape().get(a);
    if (sections <= 0 || n < 0 || n % sections != 0) {
      throw new IllegalArgumentException("split needs a known axis size that is a multiple of the number of sections."
          + " Received: shape " + x.shape() + ", sections=" + sections + ", axis=" + axis);
    }
    int part = (int) (n / sections);
    List<Tensor> out = new ArrayList<>();
    for (int k = 0; k < sections; k++) {
      int[] begin = new int[rank];
      int[] size = new int[rank];
      Arrays.fill(size, -1);
      begin[a] = k * part;
      size[a] = part;
      out.add(ops.slice(x, begin, size));
    }
    return out;
  }
}
