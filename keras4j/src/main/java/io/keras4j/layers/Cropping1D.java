package io.keras4j.layers;

/**
 * Crops 1 spatial axis/axes.
 *
 * <p>Keras equivalent: {@code keras.layers.Cropping1D(cropping, data_format=None)}: one int for every side,
 * one int per axis (both sides), or a (before, after) pair per axis.
 */
public class Cropping1D extends BaseCropping {
  /** {@code cropping}: one int, one per axis, or (for 1-D) (left, right). */
  public Cropping1D(int... cropping) {
    super(SpatialPads.of("cropping", 1, cropping.length == 0 ? new int[] {1} : cropping));
  }

  /** A (before, after) pair per spatial axis. */
  public Cropping1D(int[][] cropping) {
    super(SpatialPads.check("cropping", cropping));
  }
}
