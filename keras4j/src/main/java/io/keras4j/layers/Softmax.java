package io.keras4j.layers;

import io.keras4j.activations.Activations;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Softmax along {@code axis}, or jointly over several axes ({@code exp(x - logsumexp(x, axes))}).
 *
 * <p>Keras equivalent: {@code keras.layers.Softmax(axis=-1)}.
 * <pre>{@code model.add(new Softmax().axis(1));}</pre>
 */
public class Softmax extends BaseLayer<Softmax> {
  private int[] axes = {-1};

  /** A softmax over the last axis. */
  public Softmax() {}

  /** The same as {@code new Softmax().axis(axis)}. */
  public Softmax(int axis) {
    this.axes = new int[] {axis};
  }

  /**
   * Sets the normalised axis or axes (Keras' {@code axis=}, an int or a tuple), negative counting from the end.
   * Default -1.
   */
  public Softmax axis(int... axes) {
    checkNotBuilt("axis");
    if (axes == null || axes.length == 0) {
      throw new IllegalArgumentException("Softmax: `axis` needs at least one axis. Received: axis=[]");
    }
    this.axes = axes.clone();
    return this;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    if (axes.length == 1) {
      return Activations.softmax(input, axes[0]);
    }
    // Keras' Softmax over a tuple of axes: exp(x - logsumexp(x, axes, keepdims=True))
    io.keras4j.backend.Ops ops = ops();
    return ops.exp(ops.subtract(input, ops.logSumExp(input, axes, true)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axes.length == 1 ? (Object) axes[0] : java.util.Arrays.stream(axes).boxed().toList());
    return c;
  }

  /** A Softmax layer from its Keras config (Keras' {@code Softmax.from_config}). */
  public static Softmax fromConfig(Map<String, Object> config) {
    Config c = new Config("Softmax", config);
    return withBaseConfig(new Softmax().axis(c.ints("axis", new int[] {-1})), c);
  }
}
