package io.keras4j.backend.tensorflow;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import org.tensorflow.ndarray.NdArray;

/** Converts TensorFlow Java NdArrays to {@link HostArray}s. */
public final class NdArrays {
  private NdArrays() {}

  /** The values of a numeric NdArray as float32. */
  public static HostArray toHost(Object ndArray) {
    if (!(ndArray instanceof NdArray<?> nd)) {
      throw new IllegalArgumentException("Expected an NdArray. Received: " + ndArray.getClass().getName());
    }
    long[] dims = nd.shape().asArray();
    float[] out = new float[(int) nd.shape().size()];
    int[] i = {0};
    nd.scalars().forEach(s -> {
      Object v = s.getObject();
      if (!(v instanceof Number n)) {
        throw new IllegalArgumentException("Expected a numeric NdArray. Received elements of "
            + (v == null ? "null" : v.getClass().getSimpleName()));
      }
      out[i[0]++] = n.floatValue();
    });
    return new HostArray(out, Shape.of(dims));
  }
}
