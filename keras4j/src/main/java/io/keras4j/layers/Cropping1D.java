package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Crops 1 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.Cropping1D(cropping=(1, 1))}: one int for every side, (left, right), or a
 * (before, after) pair per axis.
 * <pre>{@code model.add(new Cropping1D(1));}</pre>
 */
public class Cropping1D extends BaseCropping<Cropping1D> {
  /**
   * {@code cropping}: none for Keras' default (1 on every side), one int for every side, or
   * (left, right).
   */
  public Cropping1D(int... cropping) {
    super(SpatialPads.of("cropping", 1, cropping.length == 0 ? new int[] {1} : cropping));
  }

  /** A (before, after) pair per spatial axis. */
  public Cropping1D(int[][] cropping) {
    super(SpatialPads.check("cropping", cropping));
  }

  /** The layer a Keras config describes (Keras' {@code Cropping1D.from_config}). */
  public static Cropping1D fromConfig(Map<String, Object> config) {
    Config c = new Config("Cropping1D", config);
    return new Cropping1D(SpatialPads.fromConfig(c, "cropping", 1, 1)).applyConfig(c);
  }
}
