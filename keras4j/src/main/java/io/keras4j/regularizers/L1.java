package io.keras4j.regularizers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/** {@code l1 * sum(|x|)}. Keras equivalent: {@code keras.regularizers.L1(l1=0.01)}. */
public class L1 extends Regularizer {
  private double l1;

  public L1() {
    this(0.01);
  }

  public L1(double l1) {
    checkFactor("l1", l1);
    this.l1 = l1;
  }

  @Override
  public Tensor call(Tensor x) {
    Ops ops = Backend.ops();
    return ops.multiply(ops.sum(ops.abs(x), null, false), (float) l1);
  }

  /** Sets Keras' {@code l1=}. Default 0.01. */
  public L1 l1(double l1) {
    checkFactor("l1", l1);
    this.l1 = l1;
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("l1", l1);
    return c;
  }

  /** An L1 regularizer from its Keras config ({@code l1}, default 0.01). */
  public static L1 fromConfig(Map<String, Object> config) {
    return new L1(new io.keras4j.saving.Config("L1", config).number("l1", 0.01));
  }
}
