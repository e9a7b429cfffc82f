package io.keras4j.constraints;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/**
 * Rescales each weight vector's norm (along {@code axis}) towards [minValue, maxValue].
 *
 * <p>Keras equivalent: {@code keras.constraints.MinMaxNorm(min_value=0.0, max_value=1.0, rate=1.0, axis=0)}: the
 * new norm is {@code rate * clip(norm, min, max) + (1 - rate) * norm}.
 */
public class MinMaxNorm extends Constraint {
  private double minValue;
  private double maxValue;
  private double rate;
  private int axis;

  public MinMaxNorm() {
    this(0.0, 1.0, 1.0, 0);
  }

  public MinMaxNorm(double minValue, double maxValue, double rate, int axis) {
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.rate = rate;
    this.axis = axis;
  }

  /** sqrt(sum(w^2, axis, keepdims)). */
  static Tensor norms(Ops ops, Tensor w, int axis) {
    return ops.sqrt(ops.sum(ops.square(w), new int[] {axis}, true));
  }

  @Override
  public Tensor call(Tensor w) {
    Ops ops = Backend.ops();
    Tensor norms = norms(ops, w, axis);
    Tensor desired = ops.add(ops.multiply(ops.clip(norms, (float) minValue, (float) maxValue), (float) rate),
        ops.multiply(norms, (float) (1 - rate)));
    return ops.multiply(w, ops.divide(desired, ops.add(norms, Backend.epsilon())));
  }

  /** Sets Keras' {@code min_value=}. Default 0.0. */
  public MinMaxNorm minValue(double minValue) {
    this.minValue = minValue;
    return this;
  }
  /** Sets Keras' {@code max_value=}. Default 1.0. */
  public MinMaxNorm maxValue(double maxValue) {
    this.maxValue = maxValue;
    return this;
  }
  /** Sets Keras' {@code rate=}. Default 1.0. */
  public MinMaxNorm rate(double rate) {
    this.rate = rate;
    return this;
  }
  /** Sets Keras' {@code axis=}. Default 0. */
  public MinMaxNorm axis(int axis) {
    this.axis = axis;
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("min_value", minValue);
    c.put("max_value", maxValue);
    c.put("rate", rate);
    c.put("axis", axis);
    return c;
  }

  /** A MinMaxNorm constraint from its Keras config. */
  public static MinMaxNorm fromConfig(Map<String, Object> config) {
    io.keras4j.saving.Config c = new io.keras4j.saving.Config("MinMaxNorm", config);
    return new MinMaxNorm(c.number("min_value", 0.0), c.number("max_value", 1.0), c.number("rate", 1.0),
        c.integer("axis", 0));
  }
}
