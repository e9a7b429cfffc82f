package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Zero-pads 2 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.ZeroPadding2D(padding=1, data_format=None)}: one int for every side, one
 * int per axis (both sides), or a (before, after) pair per axis.
 * <pre>{@code model.add(new ZeroPadding2D(1));}</pre>
 */
public class ZeroPadding2D extends BaseZeroPadding<ZeroPadding2D> {
  /**
   * {@code padding}: none for Keras' default (1 on every side), one int for every side, or
   * one int per axis (both sides).
   */
  public ZeroPadding2D(int... padding) {
    super(SpatialPads.of("padding", 2, padding.length == 0 ? new int[] {1} : padding));
  }

  /** A (before, after) pair per spatial axis. */
  public ZeroPadding2D(int[][] padding) {
    super(SpatialPads.check("padding", padding));
  }

  /** The layer a Keras config describes (Keras' {@code ZeroPadding2D.from_config}). */
  public static ZeroPadding2D fromConfig(Map<String, Object> config) {
    Config c = new Config("ZeroPadding2D", config);
    return new ZeroPadding2D(SpatialPads.fromConfig(c, "padding", 2, 1)).applyConfig(c);
  }
}
