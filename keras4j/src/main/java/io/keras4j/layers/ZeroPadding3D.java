package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Zero-pads 3 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.ZeroPadding3D(padding=1, data_format=None)}: one int for every side, one
 * int per axis (both sides), or a (before, after) pair per axis.
 * <pre>{@code model.add(new ZeroPadding3D(1));}</pre>
 */
public class ZeroPadding3D extends BaseZeroPadding<ZeroPadding3D> {
  /**
   * {@code padding}: none for Keras' default (1 on every side), one int for every side, or
   * one int per axis (both sides).
   */
  public ZeroPadding3D(int... padding) {
    super(SpatialPads.of("padding", 3, padding.length == 0 ? new int[] {1} : padding));
  }

  /** A (before, after) pair per spatial axis. */
  public ZeroPadding3D(int[][] padding) {
    super(SpatialPads.check("padding", padding));
  }

  /** The layer a Keras config describes (Keras' {@code ZeroPadding3D.from_config}). */
  public static ZeroPadding3D fromConfig(Map<String, Object> config) {
    Config c = new Config("ZeroPadding3D", config);
    return new ZeroPadding3D(SpatialPads.fromConfig(c, "padding", 3, 1)).applyConfig(c);
  }
}
