package io.keras4j.layers;

/**
 * Crops 2 spatial axis/axes.
 *
 * <p>Keras equivalent: {@code keras.layers.Cropping2D(cropping, data_format=None)}: one int for every side,
 * one int per axis (both sides), or a (before, after) pair per axis.
 */
public class Cropping2D extends BaseCropping {
  /** {@code cropping}: one int, one per axis, or (for 1-D) (left, right). */
  public Cropping2D(int... cropping) {
    super(SpatialPads.of("cropping", 2, cropping.length == 0 ? new int[] {1} : cropping));
  }

  /** A (before, after) pair per spatial axis. */
  public Cropping2D(int[][] cropping) {
    super(SpatialPads.check("cropping", cropping));
  }
}
