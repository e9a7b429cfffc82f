package io.keras4j.metrics;

import io.keras4j.losses.BaseCrossentropy;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The keyword arguments of Keras' binary and categorical cross-entropy metrics, {@code from_logits} and
 * {@code label_smoothing}, passed on to the loss whose values are averaged.
 *
 * <p>Keras equivalent: the shared arguments of {@code keras.metrics.BinaryCrossentropy} and
 * {@code keras.metrics.CategoricalCrossentropy}.
 *
 * @param <T> the concrete metric
 * @param <L> the loss computing the per-sample values
 */
public abstract class CrossentropyMean<T extends CrossentropyMean<T, L>, L extends BaseCrossentropy<L>>
    extends LossMean<T, L> {
  /** The mean of {@code loss}' values, named {@code name}. */
  protected CrossentropyMean(String name, L loss) {
    super(name, loss);
  }

  /** Sets whether y_pred are logits rather than probabilities (Keras' {@code from_logits=}). Default false. */
  public T fromLogits(boolean fromLogits) {
    loss().fromLogits(fromLogits);
    return self();
  }

  /**
   * Sets label smoothing, in [0, 1]: binary labels become {@code t(1-s) + s/2}, one-hot ones
   * {@code t(1-s) + s/num_classes} (Keras' {@code label_smoothing=}). Default 0.
   */
  public T labelSmoothing(double labelSmoothing) {
    loss().labelSmoothing(labelSmoothing);
    return self();
  }

  public boolean fromLogits() {
    return loss().fromLogits();
  }

  public double labelSmoothing() {
    return loss().labelSmoothing();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits());
    c.put("label_smoothing", labelSmoothing());
    return c;
  }

  /** Reads the shared keys into {@code m}, then the base ones. */
  protected static <T extends CrossentropyMean<T, ?>> T withCrossentropyConfig(T m, Config c) {
    return withBaseConfig(m.fromLogits(c.bool("from_logits", false)).labelSmoothing(c.number("label_smoothing", 0)),
        c);
  }
}
