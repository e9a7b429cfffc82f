package io.keras4j.constraints;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/**
 * Caps each weight vector's norm (along {@code axis}) at {@code maxValue}.
 * Keras equivalent: {@code keras.constraints.MaxNorm(max_value=2, axis=0)}.
 */
public class MaxNorm extends Constraint {
  private double maxValue;
  private int axis;

  public MaxNorm() {
    this(2.0, 0);
  }

  public MaxNorm(double maxValue) {
    this(maxValue, 0);
  }

  public MaxNorm(double maxValue, int axis) {
    this.maxValue = maxValue;
    this.axis = axis;
  }

  @Override
  public Tensor call(Tensor w) {
    Ops ops = Backend.ops();
    Tensor norms = MinMaxNorm.norms(ops, w, axis);
    Tensor desired = ops.clip(norms, 0f, (float) maxValue);
    return ops.multiply(w, ops.divide(desired, ops.add(norms, Backend.epsilon())));
  }

  /** Sets Keras' {@code max_value=}. Default 2.0. */
  public MaxNorm maxValue(double maxValue) {
    this.maxValue = maxValue;
    return this;
  }
  /** Sets Keras' {@code axis=}. Default 0. */
  public MaxNorm axis(int axis) {
    this.axis = axis;
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("max_value", maxValue);
    c.put("axis", axis);
    return c;
  }

  /** A MaxNorm constraint from its Keras config ({@code max_value} 2, {@code axis} 0). */
  public static MaxNorm fromConfig(Map<String, Object> config) {
    io.keras4j.saving.Config c = new io.keras4j.saving.Config("MaxNorm", config);
    return new MaxNorm(c.number("max_value", 2.0), c.integer("axis", 0));
  }
}
