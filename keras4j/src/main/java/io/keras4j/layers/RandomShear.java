package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Shears each image along x and y by random amounts, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomShear(x_factor=0.0, y_factor=0.0, interpolation="bilinear",
 * fill_mode="reflect", fill_value=0.0, seed=None)}: per image shears are drawn in {@code x_factor} and
 * {@code y_factor} (one number f means (-f, f); each bound in [0, 1]) and both get one random sign; an output pixel
 * (x, y) reads the input at {@code (x + sx y, sy x + y)}. Porting note: Keras writes {@code x_factor=f} as
 * {@code [-f, f]} and then refuses to read that back (a negative bound); keras4j reads it.
 * <pre>{@code model.add(new RandomShear().xFactor(0.2).yFactor(0.2));}</pre>
 */
public class RandomShear extends RandomAffine<RandomShear> {
  private double[] xFactor = {-0.0, 0.0};
  private double[] yFactor = {-0.0, 0.0};

  /** No shear until a factor is set. */
  public RandomShear() {}

  /** Sets the x shear range (-f, f), f in [0, 1] (Keras' {@code x_factor=f}). Default 0. */
  public RandomShear xFactor(double f) {
    checkNotBuilt("x_factor");
    this.xFactor = factor(new double[] {f}, "x_factor");
    return this;
  }

  /** Sets the x shear range (lower, upper), each in [0, 1] (Keras' {@code x_factor=(lower, upper)}). */
  public RandomShear xFactor(double lower, double upper) {
    checkNotBuilt("x_factor");
    this.xFactor = factor(new double[] {lower, upper}, "x_factor");
    return this;
  }

  /** Sets the y shear range (-f, f), f in [0, 1] (Keras' {@code y_factor=f}). Default 0. */
  public RandomShear yFactor(double f) {
    checkNotBuilt("y_factor");
    this.yFactor = factor(new double[] {f}, "y_factor");
    return this;
  }

  /** Sets the y shear range (lower, upper), each in [0, 1] (Keras' {@code y_factor=(lower, upper)}). */
  public RandomShear yFactor(double lower, double upper) {
    checkNotBuilt("y_factor");
    this.yFactor = factor(new double[] {lower, upper}, "y_factor");
    return this;
  }

  private static double[] factor(double[] f, String name) {
    for (double v : f) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException("The `factor` argument should be a number (or a list of two numbers) in "
            + "the range [0, 1.0]. Received: " + name + "=" + (f.length == 1 ? f[0] : List.of(f[0], f[1])));
      }
    }
    if (f.length == 1) {
      return new double[] {-f[0], f[0]};
    }
    return new double[] {Math.min(f[0], f[1]), Math.max(f[0], f[1])};
  }

  @Override
  protected List<Tensor> coefficients(Ops ops, Tensor batch, float h, float w) {
    Tensor sign = ops.add(ops.multiply(ops.cast(ops.greater(uniform(ops, batch, 0, 1), ops.constant(0.5f)),
        "float32"), -2f), 1f);
    Tensor sy = ops.multiply(uniform(ops, batch, (float) yFactor[0], (float) yFactor[1]), sign);
    Tensor sx = ops.multiply(uniform(ops, batch, (float) xFactor[0], (float) xFactor[1]), sign);
    Tensor zero = full(ops, batch, 0f);
    Tensor one = full(ops, batch, 1f);
    return List.of(one, sx, zero, sy, one, zero, zero, zero);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("x_factor", ConfigLists.of(xFactor));
    c.put("y_factor", ConfigLists.of(yFactor));
    return c;
  }

  /** A RandomShear layer from its Keras config (Keras' {@code RandomShear.from_config}). */
  public static RandomShear fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomShear", config);
    RandomShear s = new RandomShear();
    double[] x = c.numbers("x_factor", new double[] {0});
    double[] y = c.numbers("y_factor", new double[] {0});
    s.xFactor = x.length == 2 && x[0] <= 0 && x[0] == -x[1] ? new double[] {x[0], x[1]} : factor(x, "x_factor");
    s.yFactor = y.length == 2 && y[0] <= 0 && y[0] == -y[1] ? new double[] {y[0], y[1]} : factor(y, "y_factor");
    return withAffineConfig(s, c);
  }
}
