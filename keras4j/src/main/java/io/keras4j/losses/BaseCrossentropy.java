package io.keras4j.losses;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The keyword arguments of Keras' binary and categorical cross-entropies: {@code from_logits},
 * {@code label_smoothing} and {@code axis}.
 *
 * <p>Keras equivalent: the shared arguments of {@code keras.losses.BinaryCrossentropy},
 * {@code CategoricalCrossentropy} and {@code BinaryFocalCrossentropy}.
 *
 * @param <T> the concrete loss
 */
public abstract class BaseCrossentropy<T extends BaseCrossentropy<T>> extends BaseLoss<T> {
  private boolean fromLogits;
  private double labelSmoothing;
  private int axis = -1;

  /** A cross-entropy named {@code name}. */
  protected BaseCrossentropy(String name) {
    super(name);
  }

  /** Sets whether y_pred are logits rather than probabilities (Keras' {@code from_logits=}). Default false. */
  public T fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return self();
  }

  /** Sets label smoothing, in [0, 1] (Keras' {@code label_smoothing=}). Default 0. */
  public T labelSmoothing(double labelSmoothing) {
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": label_smoothing must be in [0, 1]. "
          + "Received: label_smoothing=" + labelSmoothing);
    }
    this.labelSmoothing = labelSmoothing;
    return self();
  }

  /** Sets the axis the loss is computed along (Keras' {@code axis=}). Default -1. */
  public T axis(int axis) {
    this.axis = axis;
    return self();
  }

  public boolean fromLogits() {
    return fromLogits;
  }

  public double labelSmoothing() {
    return labelSmoothing;
  }

  public int axis() {
    return axis;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("label_smoothing", labelSmoothing);
    c.put("axis", axis);
    return c;
  }

  /** Reads the shared keys into {@code l}, then the base ones. */
  protected static <T extends BaseCrossentropy<T>> T withCrossentropyConfig(T l, Config c) {
    return withBaseConfig(l.fromLogits(c.bool("from_logits", false)).labelSmoothing(c.number("label_smoothing", 0))
        .axis(c.integer("axis", -1)), c);
  }
}
