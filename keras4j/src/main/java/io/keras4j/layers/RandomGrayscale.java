package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns each image grey with probability {@code factor}, keeping its channels, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomGrayscale(factor=0.5, seed=None)}: the luma
 * {@code 0.2989 R + 0.5870 G + 0.1140 B} copied to the 3 channels; 1-channel images are kept. As in Keras, the
 * config has no {@code seed} key.
 * <pre>{@code model.add(new RandomGrayscale().factor(0.2));}</pre>
 */
public class RandomGrayscale extends RandomImageLayer<RandomGrayscale> {
  private double factor = 0.5;

  /** Grayscale with probability 0.5. */
  public RandomGrayscale() {}

  /** Sets the probability, in [0, 1] (Keras' {@code factor=}). Default 0.5. */
  public RandomGrayscale factor(double factor) {
    checkNotBuilt("factor");
    if (!(factor >= 0 && factor <= 1)) {
      throw new IllegalArgumentException("`factor` should be between 0 and 1. Received: factor=" + factor);
    }
    this.factor = factor;
    return this;
  }

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    Tensor x = inputs.get(0);
    Tensor apply = ops.less(uniform(ops, ops.dimension(x, 0), 0, 1), ops.constant((float) factor));
    Tensor gray = ops.broadcastTo(ImageColors.grayscale(ops, x, name()), ops.shapeOf(x));
    List<Tensor> out = new ArrayList<>(inputs);
    out.set(0, ImageColors.select(ops, apply, gray, x));
    return out;
  }

  @Override
  protected boolean writesSeed() {
    return false;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", factor);
    return c;
  }

  /** A RandomGrayscale layer from its Keras config (Keras' {@code RandomGrayscale.from_config}). */
  public static RandomGrayscale fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomGrayscale", config);
    return withImageConfig(new RandomGrayscale().factor(c.number("factor", 0.5)), c);
  }
}
