package io.keras4j.initializers;

import io.keras4j.backend.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes a weight's initial value on the host.
 *
 * <p>Keras equivalent: {@code keras.initializers.Initializer}. Subclasses implement {@link #call(Shape)}; a custom
 * initializer is a subclass or a lambda through {@link #of}.
 * <pre>{@code float[] w = new GlorotUniform(42L).call(Shape.of(3, 2));}</pre>
 */
public abstract class Initializer implements io.keras4j.saving.KerasSerializable {
  /** Keras' module, {@code "keras.initializers"}. */
  @Override
  public String kerasModule() {
    return "keras.initializers";
  }

  /** The initial values of a weight of {@code shape}, row-major. */
  public abstract float[] call(Shape shape);

  /** Keras' config: the constructor's keyword arguments. */
  public Map<String, Object> getConfig() {
    return new LinkedHashMap<>();
  }

  /** An initializer from a function of the shape. */
  public static Initializer of(java.util.function.Function<Shape, float[]> fn) {
    return new Initializer() {
      @Override
      public float[] call(Shape shape) {
        return fn.apply(shape);
      }
    };
  }

  /** (fan_in, fan_out) as Keras' {@code compute_fans} defines them. */
  static double[] fans(Shape shape) {
    long[] d = shape.dims();
    if (d.length == 0) {
      return new double[] {1, 1};
    }
    if (d.length == 1) {
      return new double[] {d[0], d[0]};
    }
    if (d.length == 2) {
      return new double[] {d[0], d[1]};
    }
    double receptive = 1;
    for (int i = 0; i < d.length - 2; i++) {
      receptive *= d[i];
    }
    return new double[] {d[d.length - 2] * receptive, d[d.length - 1] * receptive};
  }

  static int size(Shape shape) {
    return Math.toIntExact(shape.size());
  }
}
