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

  private static final io.keras4j.saving.Registry<Regularizer> REGISTRY =
      new io.keras4j.saving.Registry<>("keras.regularizers", "regularizer", Regularizer.class)
          .add("L1", L1::fromConfig, "l1")
          .add("L2", L2::fromConfig, "l2")
          .add("L1L2", L1L2::fromConfig, "l1_l2");

  /**
   * The regularizer {@code identifier} describes: a name ("l1", "l2", "l1_l2" with Keras' defaults, or "L2"),
   * Keras' serialized form, or a Regularizer (returned as it is); null for null.
   * Keras equivalent: {@code keras.regularizers.get}.
   */
  public static Regularizer get(Object identifier) {
    return REGISTRY.get(identifier);
  }

  /** The registry of regularizer classes, for tests and tools. */
  public static io.keras4j.saving.Registry<Regularizer> registry() {
    return REGISTRY;
  }

  static void checkFactor(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Value for argument " + name + " must be a non-negative finite number. "
          + "Received: " + name + "=" + value);
    }
  }
}
