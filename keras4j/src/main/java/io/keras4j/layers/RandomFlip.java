package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Flips each image left-right and/or up-down with probability 1/2, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomFlip(mode="horizontal_and_vertical", seed=None)}; modes
 * "horizontal", "vertical", "horizontal_and_vertical".
 * <pre>{@code model.add(new RandomFlip("horizontal").seed(1));}</pre>
 */
public class RandomFlip extends RandomImageLayer<RandomFlip> {
  private String mode = "horizontal_and_vertical";

  /** Flips in both directions. */
  public RandomFlip() {}

  /** The same as {@code new RandomFlip().mode(mode)}. */
  public RandomFlip(String mode) {
    mode(mode);
  }

  /**
   * Sets "horizontal", "vertical" or "horizontal_and_vertical" (Keras' {@code mode=}). Default
   * "horizontal_and_vertical".
   */
  public RandomFlip mode(String mode) {
    checkNotBuilt("mode");
    if (!List.of("horizontal", "vertical", "horizontal_and_vertical").contains(mode)) {
      throw new IllegalArgumentException("RandomFlip layer " + name() + " received an unknown mode argument "
          + mode + ". Expected one of horizontal, vertical, horizontal_and_vertical");
    }
    this.mode = mode;
    return this;
  }

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    Tensor batch = ops.dimension(inputs.get(0), 0);
    Tensor h = mode.contains("horizontal") ? ops.less(uniform(ops, batch, 0, 1), ops.constant(0.5f)) : null;
    Tensor v = mode.contains("vertical") ? ops.less(uniform(ops, batch, 0, 1), ops.constant(0.5f)) : null;
    List<Tensor> out = new ArrayList<>();
    for (Tensor x : inputs) {
      Tensor y = x;
      if (h != null) {
        y = choose(ops, h, ops.flip(y, 2), y);
      }
      if (v != null) {
        y = choose(ops, v, ops.flip(y, 1), y);
      }
      out.add(y);
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("mode", mode);
    return c;
  }

  /** A RandomFlip layer from its Keras config (Keras' {@code RandomFlip.from_config}). */
  public static RandomFlip fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomFlip", config);
    return withImageConfig(new RandomFlip(c.string("mode", "horizontal_and_vertical")), c);
  }
}
