package io.keras4j.layers;

import io.keras4j.activations.Activations;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Softmax along {@code axis}.
 *
 * <p>Keras equivalent: {@code keras.layers.Softmax(axis=-1)}.
 * <pre>{@code model.add(new Softmax().axis(1));}</pre>
 */
public class Softmax extends BaseLayer<Softmax> {
  private int axis = -1;

  /** A softmax over the last axis. */
  public Softmax() {}

  /** The same as {@code new Softmax().axis(axis)}. */
  public Softmax(int axis) {
    this.axis = axis;
  }

  /** Sets the normalised axis (Keras' {@code axis=}), negative counting from the end. Default -1. */
  public Softmax axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
    return this;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return Activations.softmax(input, axis);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }

  /** A Softmax layer from its Keras config (Keras' {@code Softmax.from_config}). */
  public static Softmax fromConfig(Map<String, Object> config) {
    Config c = new Config("Softmax", config);
    return withBaseConfig(new Softmax(c.integer("axis", -1)), c);
  }
}
