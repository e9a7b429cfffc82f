package io.keras4j.regularizers;

import io.keras4j.backend.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A penalty on a weight or an activation, added to the training loss.
 *
 * <p>Keras equivalent: {@code keras.regularizers.Regularizer}.
 * <pre>{@code new Dense(64).kernelRegularizer(new L2(0.01))}</pre>
 */
public abstract class Regularizer implements io.keras4j.saving.KerasSerializable {
  /** Keras' module, {@code "keras.regularizers"}. */
  @Override
  public String kerasModule() {
    return "keras.regularizers";
  }

  /** The penalty of {@code x}, a scalar tensor (built with {@code Backend.ops()}). */
  public abstract Tensor call(Tensor x);

  /** Keras' config: the constructor's keyword arguments. */
  public Map<String, Object> getConfig() {
    return new LinkedHashMap<>();
  }

  /** The regularizer named "l1", "l2" or "l1_l2" (Keras' defaults), or the Regularizer itself. */
  public static Regularizer get(Object identifier) {
    if (identifier == null || identifier instanceof Regularizer) {
      return (Regularizer) identifier;
    }
    if (identifier instanceof Map<?, ?>) {
      return io.keras4j.saving.KerasObjectConfigs.regularizer(identifier);
    }
    if (identifier instanceof String s) {
      return switch (s) {
        case "l1" -> new L1();
        case "l2" -> new L2();
        case "l1_l2" -> new L1L2(0.0, 0.0);
        default -> throw new IllegalArgumentException("Could not interpret regularizer identifier: '" + s
            + "'. Expected one of [l1, l2, l1_l2]");
      };
    }
    throw new IllegalArgumentException("Could not interpret regularizer identifier: " + identifier);
  }

  static void checkFactor(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Value for argument " + name + " must be a non-negative finite number. "
          + "Received: " + name + "=" + value);
    }
  }
}
