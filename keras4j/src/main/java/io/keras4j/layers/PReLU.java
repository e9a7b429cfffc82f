package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.Map;

/**
 * Leaky ReLU with a learned slope per feature: {@code max(x, 0) + alpha * min(x, 0)}.
 *
 * <p>Keras equivalent: {@code keras.layers.PReLU(alpha_initializer="zeros", alpha_regularizer=None,
 * alpha_constraint=None, shared_axes=None)}; alpha has the input's shape without the batch axis.
 */
public class PReLU extends Layer {
  private Object alphaInitializer = "zeros";
  private Object alphaRegularizer;
  private Object alphaConstraint;
  private Variable alpha;

  /** Sets alpha's initializer (Keras' {@code alpha_initializer=}). Default "zeros". */
  public PReLU alphaInitializer(Object init) {
    checkNotBuilt("alpha_initializer");
    this.alphaInitializer = init;
    return this;
  }

  /** Sets alpha's regularizer (Keras' {@code alpha_regularizer=}). Default none. */
  public PReLU alphaRegularizer(Object reg) {
    checkNotBuilt("alpha_regularizer");
    this.alphaRegularizer = reg;
    return this;
  }

  /** Sets alpha's constraint (Keras' {@code alpha_constraint=}). Default none. */
  public PReLU alphaConstraint(Object c) {
    checkNotBuilt("alpha_constraint");
    this.alphaConstraint = c;
    return this;
  }

  @Override
  protected void build(Shape inputShape) {
    Shape s = inputShape.withoutBatch();
    if (!s.isFullyDefined()) {
      throw new IllegalArgumentException("Layer '" + name() + "' needs known dimensions after the batch axis. Received: "
          + inputShape);
    }
    alpha = addWeight("alpha", s, alphaInitializer, alphaRegularizer, alphaConstraint, true);
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor neg = ops.multiply(ops.read(alpha), ops.minimum(input, 0f));
    return ops.add(ops.relu(input), neg);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("shared_axes", null);
    return c;
  }
}
