package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Crops 3 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.Cropping3D(cropping=((1, 1), (1, 1), (1, 1)), data_format=None)}: one int
 * for every side, one int per axis (both sides), or a (before, after) pair per axis.
 * <pre>{@code model.add(new Cropping3D(1));}</pre>
 */
public class Cropping3D extends BaseCropping<Cropping3D> {
  /**
   * {@code cropping}: none for Keras' default (1 on every side), one int for every side, or
   * one int per axis (both sides).
   */
  public Cropping3D(int... cropping) {
    super(SpatialPads.of("cropping", 3, cropping.length == 0 ? new int[] {1} : cropping));
  }

  /** A (before, after) pair per spatial axis. */
  public Cropping3D(int[][] cropping) {
    super(SpatialPads.check("cropping", cropping));
  }

  /** Sets the data format; keras4j is channels-last only (Keras' {@code data_format=}). Default "channels_last". */
  @Override
  public Cropping3D dataFormat(String dataFormat) {
    return super.dataFormat(dataFormat);
  }

  /** The layer a Keras config describes (Keras' {@code Cropping3D.from_config}). */
  public static Cropping3D fromConfig(Map<String, Object> config) {
    Config c = new Config("Cropping3D", config);
    return new Cropping3D(SpatialPads.fromConfig(c, "cropping", 3, 1)).applyConfig(c);
  }
}
