package io.keras4j.initializers;

import io.keras4j.backend.Shape;
import java.util.Map;
import java.util.Random;

/**
 * A (semi-)orthogonal matrix: the Q of a QR decomposition of a normal matrix, times {@code gain}.
 *
 * <p>Keras equivalent: {@code keras.initializers.Orthogonal(gain=1.0, seed=None)}. Shapes of rank above 2 are
 * flattened to (prod(shape[:-1]), shape[-1]).
 */
public class Orthogonal extends RandomInitializer {
  private double gain;

  /** Keras' defaults: gain 1.0, unseeded. */
  public Orthogonal() {
    this(1.0, null);
  }

  /** Unseeded, times {@code gain}. */
  public Orthogonal(double gain) {
    this(gain, null);
  }

  /** Times {@code gain}, seeded with {@code seed}. */
  public Orthogonal(double gain, long seed) {
    this(gain, Long.valueOf(seed));
  }

  private Orthogonal(double gain, Long seed) {
    super(seed);
    this.gain = gain;
  }

  /** Made now, so that a shape it cannot fill fails when the weight is added. */
  @Override
  public java.util.function.Supplier<float[]> bind(Shape shape) {
    return madeNow(shape);
  }

  @Override
  public float[] call(Shape shape) {
    if (shape.rank() < 2) {
      throw new IllegalArgumentException("The tensor to initialize must be at least two-dimensional. Received: shape="
          + shape);
    }
    int cols = (int) shape.get(-1);
    int rows = (int) (shape.size() / cols);
    boolean transpose = rows < cols;
    int n = transpose ? cols : rows;
    int m = transpose ? rows : cols;
    Random r = random();
    double[][] a = new double[m][n]; // m column vectors of length n, Gram-Schmidt gives Q's columns
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < n; i++) {
        a[j][i] = r.nextGaussian();
      }
    }
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < j; k++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += a[j][i] * a[k][i];
        }
        for (int i = 0; i < n; i++) {
          a[j][i] -= dot * a[k][i];
        }
      }
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += a[j][i] * a[j][i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        a[j][i] /= norm;
      }
    }
    float[] v = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        v[i * cols + j] = (float) (gain * (transpose ? a[i][j] : a[j][i]));
      }
    }
    return v;
  }

  /** Sets Keras' {@code gain=}. Default 1.0. */
  public Orthogonal gain(double gain) {
    this.gain = gain;
    return this;
  }
  /** Sets the seed (Keras' {@code seed=}): the same seed gives the same values. Default: none, fresh values at each call. */
  public Orthogonal seed(long seed) {
    setSeed(seed);
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("gain", gain);
    return c;
  }

  /** An Orthogonal initializer from its Keras config. */
  public static Orthogonal fromConfig(Map<String, Object> config) {
    io.keras4j.saving.Config c = new io.keras4j.saving.Config("Orthogonal", config);
    return new Orthogonal(c.number("gain", 1.0), c.optionalLong("seed"));
  }
}
