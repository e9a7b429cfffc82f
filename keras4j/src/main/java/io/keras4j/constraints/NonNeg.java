package io.keras4j.constraints;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;

/** Zeroes negative weights. Keras equivalent: {@code keras.constraints.NonNeg()}. */
public class NonNeg extends Constraint {
  @Override
  public Tensor call(Tensor w) {
    Ops ops = Backend.ops();
    return ops.multiply(w, ops.cast(ops.greaterEqual(w, ops.constant(0f)), w.dtype()));
  }

  /** A NonNeg constraint from its (empty) Keras config. */
  public static NonNeg fromConfig(java.util.Map<String, Object> config) {
    return new NonNeg();
  }
}
