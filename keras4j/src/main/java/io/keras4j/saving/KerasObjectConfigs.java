package io.keras4j.saving;

import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.regularizers.Regularizer;

/**
 * Transitional: the families' own lookups ({@code Initializers.get}, {@code Regularizer.get},
 * {@code Constraint.get}) read Keras' serialized forms; this class only forwards to them.
 */
public final class KerasObjectConfigs {
  private KerasObjectConfigs() {}

  /** {@link Initializers#get}. */
  public static Initializer initializer(Object spec) {
    return Initializers.get(spec);
  }

  /** {@link Regularizer#get}. */
  public static Regularizer regularizer(Object spec) {
    return Regularizer.get(spec);
  }

  /** {@link Constraint#get}. */
  public static Constraint constraint(Object spec) {
    return Constraint.get(spec);
  }
}
