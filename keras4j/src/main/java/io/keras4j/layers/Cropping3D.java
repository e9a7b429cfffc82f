package io.keras4j.layers;

/**
 * Crops 3 spatial axis/axes.
 *
 * <p>Keras equivalent: {@code keras.layers.Cropping3D(cropping, data_format=None)}: one int for every side,
 * one int per axis (both sides), or a (before, after) pair per axis.
 */
public class Cropping3D extends BaseCropping {
  /** {@code cropping}: one int, one per axis, or (for 1-D) (left, right). */
  public Cropping3D(int... cropping) {
    super(SpatialPads.of("cropping", 3, cropping.length == 0 ? new int[] {1} : cropping));
  }

  /** A (before, after) pair per spatial axis. */
  public Cropping3D(int[][] cropping) {
    super(SpatialPads.check("cropping", cropping));
  }
}
