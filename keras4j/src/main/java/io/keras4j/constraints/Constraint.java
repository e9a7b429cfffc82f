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

  private static final io.keras4j.saving.Registry<Constraint> REGISTRY =
      new io.keras4j.saving.Registry<>("keras.constraints", "constraint", Constraint.class)
          .add("MaxNorm", MaxNorm::fromConfig, "max_norm")
          .add("MinMaxNorm", MinMaxNorm::fromConfig, "min_max_norm")
          .add("NonNeg", NonNeg::fromConfig, "non_neg")
          .add("UnitNorm", UnitNorm::fromConfig, "unit_norm");

  /**
   * The constraint {@code identifier} describes: a name ("max_norm", "non_neg", "unit_norm", "min_max_norm"),
   * Keras' serialized form, or a Constraint (returned as it is); null for null.
   * Keras equivalent: {@code keras.constraints.get}.
   */
  public static Constraint get(Object identifier) {
    return REGISTRY.get(identifier);
  }

  /** The registry of constraint classes, for tests and tools. */
  public static io.keras4j.saving.Registry<Constraint> registry() {
    return REGISTRY;
  }
}
