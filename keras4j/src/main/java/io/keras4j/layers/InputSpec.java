package io.keras4j.layers;

import io.keras4j.backend.Shape;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a layer accepts: rank bounds and fixed axis sizes, checked at each call with Keras' error message.
 *
 * <p>Keras equivalent: {@code keras.layers.InputSpec(ndim=None, min_ndim=None, max_ndim=None, axes=None)}.
 */
public final class InputSpec {
  private Integer ndim;
  private Integer minNdim;
  private Integer maxNdim;
  private final Map<Integer, Long> axes = new TreeMap<>();

  public InputSpec ndim(int ndim) {
    this.ndim = ndim;
    return this;
  }

  public InputSpec minNdim(int minNdim) {
    this.minNdim = minNdim;
    return this;
  }

  public InputSpec maxNdim(int maxNdim) {
    this.maxNdim = maxNdim;
    return this;
  }

  /** Axis {@code axis} (negative counts from the end) must have size {@code size}. */
  public InputSpec axis(int axis, long size) {
    axes.put(axis, size);
    return this;
  }

  /** Throws Keras' "incompatible with the layer" error when {@code shape} does not meet this spec. */
  void check(String layerName, int index, Shape shape) {
    String prefix = "Input " + index + " of layer \"" + layerName + "\" is incompatible with the layer: ";
    if (ndim != null && shape.rank() != ndim) {
      throw new IllegalArgumentException(prefix + "expected ndim=" + ndim + ", found ndim=" + shape.rank()
          + ". Full shape received: " + shape);
    }
    if (minNdim != null && shape.rank() < minNdim) {
      throw new IllegalArgumentException(prefix + "expected min_ndim=" + minNdim + ", found ndim=" + shape.rank()
          + ". Full shape received: " + shape);
    }
    if (maxNdim != null && shape.rank() > maxNdim) {
      throw new IllegalArgumentException(prefix + "expected max_ndim=" + maxNdim + ", found ndim=" + shape.rank()
          + ". Full shape received: " + shape);
    }
    for (Map.Entry<Integer, Long> e : axes.entrySet()) {
      int a = e.getKey() < 0 ? e.getKey() + shape.rank() : e.getKey();
      long d = a >= 0 && a < shape.rank() ? shape.get(a) : Shape.UNKNOWN;
      if (d >= 0 && d != e.getValue()) {
        throw new IllegalArgumentException(prefix + "expected axis " + e.getKey() + " of input shape to have value "
            + e.getValue() + ", but received input with shape " + shape);
      }
    }
  }
}
