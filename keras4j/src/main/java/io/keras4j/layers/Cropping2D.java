package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Crops 2 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.Cropping2D(cropping=((0, 0), (0, 0)), data_format=None)}: one int for
 * every side, one int per axis (both sides), or a (before, after) pair per axis.
 * <pre>{@code model.add(new Cropping2D(0));}</pre>
 */
public class Cropping2D extends BaseCropping<Cropping2D> {
  /**
   * {@code cropping}: none for Keras' default (0 on every side), one int for every side, or
   * one int per axis (both sides).
   */
  public Cropping2D(int... cropping) {
    super(SpatialPads.of("cropping", 2, cropping.length == 0 ? new int[] {0} : cropping));
  }

  /** A (before, after) pair per spatial axis. */
  public Cropping2D(int[][] cropping) {
    super(SpatialPads.check("cropping", cropping));
  }

  /** Sets the data format; keras4j is channels-last only (Keras' {@code data_format=}). Default "channels_last". */
  @Override
  public Cropping2D dataFormat(String dataFormat) {
    return super.dataFormat(dataFormat);
  }

  /** The layer a Keras config describes (Keras' {@code Cropping2D.from_config}). */
  public static Cropping2D fromConfig(Map<String, Object> config) {
    Config c = new Config("Cropping2D", config);
    return new Cropping2D(SpatialPads.fromConfig(c, "cropping", 2, 0)).applyConfig(c);
  }
}
