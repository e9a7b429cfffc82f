package io.keras4j.regularizers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/**
 * {@code l1 * sum(|x|) + l2 * sum(x^2)}: the elastic net.
 * Keras equivalent: {@code keras.regularizers.L1L2(l1=0.0, l2=0.0)}.
 */
public class L1L2 extends Regularizer {
  private double l1;
  private double l2;

  /** No penalty: Keras' defaults {@code l1=0.0, l2=0.0}. */
  public L1L2() {
    this(0.0, 0.0);
  }

  /** The penalty {@code l1 * sum(|x|) + l2 * sum(x^2)}. */
  public L1L2(double l1, double l2) {
    checkFactor("l1", l1);
    checkFactor("l2", l2);
    this.l1 = l1;
    this.l2 = l2;
  }

  @Override
  public Tensor call(Tensor x) {
    Ops ops = Backend.ops();
    Tensor r = ops.constant(0f);
    if (l1 > 0) {
      r = ops.add(r, ops.multiply(ops.sum(ops.abs(x), null, false), (float) l1));
    }
    if (l2 > 0) {
      r = ops.add(r, ops.multiply(ops.sum(ops.square(x), null, false), (float) l2));
    }
    return r;
  }

  /** Sets Keras' {@code l1=}. Default 0.0. */
  public L1L2 l1(double l1) {
    checkFactor("l1", l1);
    this.l1 = l1;
    return this;
  }
  /** Sets Keras' {@code l2=}. Default 0.0. */
  public L1L2 l2(double l2) {
    checkFactor("l2", l2);
    this.l2 = l2;
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("l1", l1);
    c.put("l2", l2);
    return c;
  }

  /** An L1L2 regularizer from its Keras config ({@code l1}, {@code l2}, defaults 0.0). */
  public static L1L2 fromConfig(Map<String, Object> config) {
    io.keras4j.saving.Config c = new io.keras4j.saving.Config("L1L2", config);
    return new L1L2(c.number("l1", 0.0), c.number("l2", 0.0));
  }
}
