package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Zero-pads 1 spatial axis/axes, channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.ZeroPadding1D(padding=1, data_format=None)}: one int for every side,
 * (left, right), or a (before, after) pair per axis.
 * <pre>{@code model.add(new ZeroPadding1D(1));}</pre>
 */
public class ZeroPadding1D extends BaseZeroPadding<ZeroPadding1D> {
  /**
   * {@code padding}: none for Keras' default (1 on every side), one int for every side, or
   * (left, right).
   */
  public ZeroPadding1D(int... padding) {
    super(SpatialPads.of("padding", 1, padding.length == 0 ? new int[] {1} : padding));
  }

  /** A (before, after) pair per spatial axis. */
  public ZeroPadding1D(int[][] padding) {
    super(SpatialPads.check("padding", padding));
  }

  /** The layer a Keras config describes (Keras' {@code ZeroPadding1D.from_config}). */
  public static ZeroPadding1D fromConfig(Map<String, Object> config) {
    Config c = new Config("ZeroPadding1D", config);
    return new ZeroPadding1D(SpatialPads.fromConfig(c, "padding", 1, 1)).applyConfig(c);
  }
}
