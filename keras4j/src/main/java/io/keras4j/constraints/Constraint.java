package io.keras4j.constraints;

import io.keras4j.backend.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A projection applied to a weight after each optimizer update.
 *
 * <p>Keras equivalent: {@code keras.constraints.Constraint}.
 * <pre>{@code new Dense(64).kernelConstraint(new MaxNorm(2.0))}</pre>
 */
public abstract class Constraint implements UnaryOperator<Tensor>, io.keras4j.saving.KerasSerializable {
  /** Keras' module, {@code "keras.constraints"}. */
  @Override
  public String kerasModule() {
    return "keras.constraints";
  }

  /** The constrained value of {@code w} (built with {@code Backend.ops()}). */
  public abstract Tensor call(Tensor w);

  @Override
  public Tensor apply(Tensor w) {
    return call(w);
  }

  public Map<String, Object> getConfig() {
    return new LinkedHashMap<>();
  }

  /** The constraint named "max_norm", "non_neg", "unit_norm" or "min_max_norm", or the Constraint itself. */
  public static Constraint get(Object identifier) {
    if (identifier == null || identifier instanceof Constraint) {
      return (Constraint) identifier;
    }
    if (identifier instanceof java.util.Map<?, ?>) {
      return io.keras4j.saving.KerasObjectConfigs.constraint(identifier);
    }
    if (identifier instanceof String s) {
      return switch (s) {
        case "max_norm" -> new MaxNorm();
        case "non_neg" -> new NonNeg();
        case "unit_norm" -> new UnitNorm();
        case "min_max_norm" -> new MinMaxNorm();
        default -> throw new IllegalArgumentException("Could not interpret constraint identifier: '" + s
            + "'. Expected one of [max_norm, non_neg, unit_norm, min_max_norm]");
      };
    }
    throw new IllegalArgumentException("Could not interpret constraint identifier: " + identifier);
  }
}
