package io.keras4j.regularizers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/** {@code l2 * sum(x^2)}. Keras equivalent: {@code keras.regularizers.L2(l2=0.01)}. */
public class L2 extends Regularizer {
  private double l2;

  public L2() {
    this(0.01);
  }

  public L2(double l2) {
    checkFactor("l2", l2);
    this.l2 = l2;
  }

  @Override
  public Tensor call(Tensor x) {
    Ops ops = Backend.ops();
    return ops.multiply(ops.sum(ops.square(x), null, false), (float) l2);
  }

  /** Sets Keras' {@code l2=}. Default 0.01. */
  public L2 l2(double l2) {
    checkFactor("l2", l2);
    this.l2 = l2;
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("l2", l2);
    return c;
  }

  /** An L2 regularizer from its Keras config ({@code l2}, default 0.01). */
  public static L2 fromConfig(Map<String, Object> config) {
    return new L2(new io.keras4j.saving.Config("L2", config).number("l2", 0.01));
  }
}
