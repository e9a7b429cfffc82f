package io.keras4j.constraints;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/** Scales each weight vector (along {@code axis}) to norm 1. Keras equivalent: {@code keras.constraints.UnitNorm(axis=0)}. */
public class UnitNorm extends Constraint {
  private int axis;

  public UnitNorm() {
    this(0);
  }

  public UnitNorm(int axis) {
    this.axis = axis;
  }

  @Override
  public Tensor call(Tensor w) {
    Ops ops = Backend.ops();
    return ops.divide(w, ops.add(MinMaxNorm.norms(ops, w, axis), Backend.epsilon()));
  }

  /** Sets Keras' {@code axis=}. Default 0. */
  public UnitNorm axis(int axis) {
    this.axis = axis;
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }

  /** A UnitNorm constraint from its Keras config ({@code axis} 0). */
  public static UnitNorm fromConfig(Map<String, Object> config) {
    return new UnitNorm(new io.keras4j.saving.Config("UnitNorm", config).integer("axis", 0));
  }
}
