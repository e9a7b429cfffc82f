package io.keras4j.initializers;

import io.keras4j.backend.Shape;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Values scaled to the weight's fan-in, fan-out or their average.
 *
 * <p>Keras equivalent: {@code keras.initializers.VarianceScaling(scale=1.0, mode="fan_in",
 * distribution="truncated_normal", seed=None)}: the variance is {@code scale / n}, n the chosen fan.
 */
public class VarianceScaling extends RandomInitializer {
  private double scale;
  private String mode;
  private String distribution;
  private int[] inputAxes;
  private int[] outputAxes;

  /** Keras' defaults: scale 1.0, mode "fan_in", distribution "truncated_normal", unseeded. */
  public VarianceScaling() {
    this(1.0, "fan_in", "truncated_normal", null);
  }

  /** Unseeded variance scaling. */
  public VarianceScaling(double scale, String mode, String distribution) {
    this(scale, mode, distribution, null);
  }

  /** Variance scaling seeded with {@code seed}. */
  public VarianceScaling(double scale, String mode, String distribution, long seed) {
    this(scale, mode, distribution, Long.valueOf(seed));
  }

  /** Variance scaling with an optional seed, for subclasses and configs. */
  protected VarianceScaling(double scale, String mode, String distribution, Long seed) {
    super(seed);
    this.scale = checkScale(scale);
    this.mode = checkMode(mode);
    this.distribution = checkDistribution(distribution);
  }

  /** Sets the scaling factor, positive (Keras' {@code scale=}). Default 1.0. */
  public VarianceScaling scale(double scale) {
    this.scale = checkScale(scale);
    return this;
  }

  /** Sets "fan_in", "fan_out" or "fan_avg" (Keras' {@code mode=}). Default "fan_in". */
  public VarianceScaling mode(String mode) {
    this.mode = checkMode(mode);
    return this;
  }

  /**
   * Sets "truncated_normal", "untruncated_normal" or "uniform" (Keras' {@code distribution=}). Default
   * "truncated_normal".
   */
  public VarianceScaling distribution(String distribution) {
    this.distribution = checkDistribution(distribution);
    return this;
  }

  /** Sets the seed (Keras' {@code seed=}): the same seed gives the same values. Default: none, fresh values at each call. */
  public VarianceScaling seed(long seed) {
    setSeed(seed);
    return this;
  }

  private static double checkScale(double scale) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("Argument `scale` must be positive float. Received: scale=" + scale);
    }
    return scale;
  }

  private static String checkMode(String mode) {
    if (!List.of("fan_in", "fan_out", "fan_avg").contains(mode)) {
      throw new IllegalArgumentException("Invalid `mode` argument: expected one of {fan_in, fan_out, fan_avg}. "
          + "Received: mode=" + mode);
    }
    return mode;
  }

  private static String checkDistribution(String distribution) {
    String d = distribution == null ? "" : distribution.toLowerCase(java.util.Locale.ROOT);
    if (!List.of("truncated_normal", "untruncated_normal", "normal", "uniform").contains(d)) {
      throw new IllegalArgumentException("Invalid `distribution` argument: expected one of {truncated_normal, "
          + "untruncated_normal, uniform}. Received: distribution=" + distribution);
    }
    return d.equals("normal") ? "truncated_normal" : d;
  }

  /**
   * Sets the axes whose sizes multiply to the fan-in (Keras' {@code input_axes=}, for kernels whose input units are
   * not the second-last axis); used together with {@link #outputAxes}. Default: none, fans as for a dense or
   * convolution kernel.
   */
  public VarianceScaling inputAxes(int... axes) {
    this.inputAxes = axes == null ? null : axes.clone();
    return this;
  }

  /** Sets the axes whose sizes multiply to the fan-out (Keras' {@code output_axes=}). Default: none. */
  public VarianceScaling outputAxes(int... axes) {
    this.outputAxes = axes == null ? null : axes.clone();
    return this;
  }

  /** (fan_in, fan_out): from the axes when both are set, as Keras' {@code compute_fans} does, else by the shape. */
  private double[] fansOf(Shape shape) {
    if (inputAxes == null || outputAxes == null) {
      return fans(shape);
    }
    return new double[] {product(shape, inputAxes), product(shape, outputAxes)};
  }

  private static double product(Shape shape, int[] axes) {
    double n = 1;
    for (int axis : axes) {
      n *= shape.get(axis);
    }
    return n;
  }

  @Override
  public float[] call(Shape shape) {
    double[] f = fansOf(shape);
    double n = switch (mode) {
      case "fan_in" -> f[0];
      case "fan_out" -> f[1];
      default -> (f[0] + f[1]) / 2;
    };
    double s = scale / Math.max(1.0, n);
    Random r = random();
    float[] v = new float[size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = switch (distribution) {
        // 0.8796... is the stddev of a unit normal truncated at two standard deviations
        case "truncated_normal" -> truncated(r, 0, Math.sqrt(s) / 0.87962566103423978);
        case "untruncated_normal" -> (float) (Math.sqrt(s) * r.nextGaussian());
        default -> (float) ((2 * r.nextDouble() - 1) * Math.sqrt(3 * s));
      };
    }
    return v;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("scale", scale);
    c.put("mode", mode);
    c.put("distribution", distribution);
    return axesConfig(c);
  }

  /** Adds Keras' {@code input_axes} and {@code output_axes} (null when unset) to {@code config}. */
  protected final Map<String, Object> axesConfig(Map<String, Object> config) {
    config.put("input_axes", inputAxes == null ? null : toList(inputAxes));
    config.put("output_axes", outputAxes == null ? null : toList(outputAxes));
    return config;
  }

  private static List<Integer> toList(int[] axes) {
    return java.util.Arrays.stream(axes).boxed().toList();
  }

  /** Reads {@code input_axes} and {@code output_axes} of {@code c} into {@code init}. */
  protected static <T extends VarianceScaling> T withAxes(T init, io.keras4j.saving.Config c) {
    init.inputAxes(c.ints("input_axes", null));
    init.outputAxes(c.ints("output_axes", null));
    return init;
  }

  /** A VarianceScaling from its Keras config. */
  public static VarianceScaling fromConfig(Map<String, Object> config) {
    io.keras4j.saving.Config c = new io.keras4j.saving.Config("VarianceScaling", config);
    return withAxes(new VarianceScaling(c.number("scale", 1.0), c.string("mode", "fan_in"),
        c.string("distribution", "truncated_normal"), c.optionalLong("seed")), c);
  }
}
