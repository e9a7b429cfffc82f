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

  /**
   * The initial values of a weight of {@code shape} as a variable takes them ({@link io.keras4j.layers.Layer#addWeight}):
   * made when the variable's value is first used, and the same values {@link #call} would make now. Default: made
   * now; a random initializer draws its seed now and its values only when they are used, so that weights loaded from
   * a file are never drawn.
   */
  public java.util.function.Supplier<float[]> bind(Shape shape) {
    return madeNow(shape);
  }

  /** {@link #bind} with the values made now. */
  protected final java.util.function.Supplier<float[]> madeNow(Shape shape) {
    float[] values = call(shape);
    return () -> values.clone();
  }

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

  /** The most elements one weight may hold: a Java array's limit. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  /**
   * The number of elements of {@code shape}, checked before anything is allocated.
   *
   * @throws IllegalArgumentException when the shape has an unknown dimension, more than {@link #MAX_ELEMENTS}
   *     elements, or more float32 bytes than the JVM's maximum heap (a config describing a huge layer, such as
   *     {@code Dense(units=2000000000)})
   */
  public static int checkedSize(Shape shape) {
    long n = 1;
    boolean overflow = false;
    for (int i = 0; i < shape.rank(); i++) {
      long d = shape.get(i);
      if (d < 0) {
        throw new IllegalArgumentException("A weight needs a fully known shape. Received: shape=" + shape);
      }
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        overflow = true;
      }
    }
    if (overflow || n > MAX_ELEMENTS) {
      throw new IllegalArgumentException("A weight of shape " + shape + " has " + (overflow ? "more than 2^63" : n)
          + " elements; expected at most " + MAX_ELEMENTS + " (a Java array's limit). Received: shape=" + shape);
    }
    long heap = Runtime.getRuntime().maxMemory();
    if (heap != Long.MAX_VALUE && 4 * n > heap) {
      throw new IllegalArgumentException("A weight of shape " + shape + " needs " + 4 * n + " bytes of float32, "
          + "more than this JVM's whole heap (-Xmx, " + heap + " bytes); expected a weight that fits. Received: shape="
          + shape);
    }
    return (int) n;
  }

  static int size(Shape shape) {
    return checkedSize(shape);
  }
}
