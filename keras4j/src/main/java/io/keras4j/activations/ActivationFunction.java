package io.keras4j.activations;

import io.keras4j.backend.Tensor;

/**
 * An elementwise activation, named as Keras names it.
 *
 * <p>Keras equivalent: a function of {@code keras.activations}; {@link Activations#get} resolves the names.
 */
public interface ActivationFunction extends io.keras4j.saving.SerializableFunction {
  /** The activation of {@code x}, built with {@code Backend.ops()}. */
  Tensor apply(Tensor x);

  /** Keras' name of this activation ("relu"), or "custom". */
  @Override
  default String name() {
    return "custom";
  }

  /** A named activation from a function. */
  static ActivationFunction of(String name, java.util.function.UnaryOperator<Tensor> fn) {
    return new ActivationFunction() {
      @Override
      public Tensor apply(Tensor x) {
        return fn.apply(x);
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
