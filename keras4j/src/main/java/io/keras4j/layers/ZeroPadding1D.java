package io.keras4j.layers;

/**
 * Zero-pads 1 spatial axis/axes.
 *
 * <p>Keras equivalent: {@code keras.layers.ZeroPadding1D(padding, data_format=None)}: one int for every side,
 * one int per axis (both sides), or a (before, after) pair per axis.
 */
public class ZeroPadding1D extends BaseZeroPadding {
  /** {@code padding}: one int, one per axis, or (for 1-D) (left, right). Default 1. */
  public ZeroPadding1D(int... padding) {
    super(SpatialPads.of("padding", 1, padding.length == 0 ? new int[] {1} : padding));
  }

  /** A (before, after) pair per spatial axis. */
  public ZeroPadding1D(int[][] padding) {
    super(SpatialPads.check("padding", padding));
  }
}
