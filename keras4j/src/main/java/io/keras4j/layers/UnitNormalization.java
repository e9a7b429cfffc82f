package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Scales each sample to unit L2 norm along {@code axis} (one or several axes): {@code x / sqrt(max(sum(x^2),
 * 1e-12))}.
 *
 * <p>Keras equivalent: {@code keras.layers.UnitNormalization(axis=-1)}.
 * <pre>{@code model.add(new UnitNormalization());}</pre>
 */
public class UnitNormalization extends BaseLayer<UnitNormalization> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private int[] axes = {-1};

  /** Normalisation along the last axis. */
  public UnitNormalization() {}

  /** The same as {@code new UnitNormalization().axis(axis)}. */
  public UnitNormalization(int axis) {
    this.axes = new int[] {axis};
  }

  /**
   * Sets the normalised axis or axes (Keras' {@code axis=}, an int or a list), negative counting from the end.
   * Default -1.
   */
  public UnitNormalization axis(int... axes) {
    checkNotBuilt("axis");
    if (axes == null || axes.length == 0) {
      throw new IllegalArgumentException("UnitNormalization: `axis` needs at least one axis. Received: axis=[]");
    }
    this.axes = axes.clone();
    return this;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    return ops.multiply(input, ops.rsqrt(ops.maximum(ops.sum(ops.square(input), axes, true), 1e-12f)));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axes.length == 1 ? (Object) axes[0] : java.util.Arrays.stream(axes).boxed().toList());
    return c;
  }

  /** A UnitNormalization layer from its Keras config (Keras' {@code UnitNormalization.from_config}). */
  public static UnitNormalization fromConfig(Map<String, Object> config) {
    Config c = new Config("UnitNormalization", config);
    return withBaseConfig(new UnitNormalization().axis(c.ints("axis", new int[] {-1})), c);
  }
}
