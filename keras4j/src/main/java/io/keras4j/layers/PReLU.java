package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Leaky ReLU with a learned slope per feature: {@code max(x, 0) + alpha * min(x, 0)}.
 *
 * <p>Keras equivalent: {@code keras.layers.PReLU(alpha_initializer="zeros", alpha_regularizer=None,
 * alpha_constraint=None, shared_axes=None)}; alpha has the input's shape without the batch axis, with size 1 on the
 * shared axes.
 * <pre>{@code model.add(new PReLU().sharedAxes(1, 2));  // one slope per channel of (batch, h, w, c) images}</pre>
 */
public class PReLU extends BaseLayer<PReLU> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private Initializer alphaInitializer = new Zeros();
  private Regularizer alphaRegularizer;
  private Constraint alphaConstraint;
  private int[] sharedAxes;
  private Variable alpha;

  /** Sets alpha's initializer (Keras' {@code alpha_initializer=}). Default {@code Zeros}. */
  public PReLU alphaInitializer(Initializer initializer) {
    checkNotBuilt("alpha_initializer");
    this.alphaInitializer = require(initializer, "alpha_initializer");
    return this;
  }

  /** Sets alpha's initializer by name, such as "constant". Default "zeros". */
  public PReLU alphaInitializer(String initializer) {
    return alphaInitializer(Initializers.get(initializer));
  }

  /** Sets alpha's regularizer (Keras' {@code alpha_regularizer=}); null for none. Default none. */
  public PReLU alphaRegularizer(Regularizer regularizer) {
    checkNotBuilt("alpha_regularizer");
    this.alphaRegularizer = regularizer;
    return this;
  }

  /** Sets alpha's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public PReLU alphaRegularizer(String regularizer) {
    return alphaRegularizer(Regularizer.get(regularizer));
  }

  /** Sets alpha's constraint (Keras' {@code alpha_constraint=}); null for none. Default none. */
  public PReLU alphaConstraint(Constraint constraint) {
    checkNotBuilt("alpha_constraint");
    this.alphaConstraint = constraint;
    return this;
  }

  /** Sets alpha's constraint by name ("non_neg", "max_norm", ...). Default none. */
  public PReLU alphaConstraint(String constraint) {
    return alphaConstraint(Constraint.get(constraint));
  }

  /**
   * Sets the axes (1-based, batch excluded as in Keras) along which one slope is shared (Keras'
   * {@code shared_axes=}). Default none: a slope per input element.
   */
  public PReLU sharedAxes(int... axes) {
    checkNotBuilt("shared_axes");
    for (int a : axes) {
      if (a < 1) {
        throw new IllegalArgumentException("Layer '" + name() + "': shared_axes are 1-based axes after the batch axis."
            + " Received: shared_axes=" + java.util.Arrays.toString(axes));
      }
    }
    this.sharedAxes = axes.length == 0 ? null : axes.clone();
    return this;
  }

  @Override
  protected void build(Shape inputShape) {
    long[] dims = inputShape.withoutBatch().dims();
    if (sharedAxes != null) {
      for (int a : sharedAxes) {
        if (a > dims.length) {
          throw new IllegalArgumentException("Layer '" + name() + "': shared axis " + a + " is beyond the input's "
              + "rank. Received: input_shape=" + inputShape);
        }
        dims[a - 1] = 1;
      }
    }
    Shape s = Shape.of(dims);
    if (!s.isFullyDefined()) {
      throw new IllegalArgumentException("Layer '" + name() + "' needs known dimensions after the batch axis (or "
          + "shared_axes over the unknown ones). Received: input_shape=" + inputShape);
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
    c.put("alpha_initializer", ser(alphaInitializer));
    c.put("alpha_regularizer", ser(alphaRegularizer));
    c.put("alpha_constraint", ser(alphaConstraint));
    c.put("shared_axes", sharedAxes == null ? null : ConfigLists.of(sharedAxes));
    return c;
  }

  /** A PReLU layer from its Keras config (Keras' {@code PReLU.from_config}). */
  public static PReLU fromConfig(Map<String, Object> config) {
    Config c = new Config("PReLU", config);
    PReLU p = new PReLU().alphaRegularizer(Regularizer.get(c.get("alpha_regularizer")))
        .alphaConstraint(Constraint.get(c.get("alpha_constraint")));
    if (c.has("alpha_initializer")) {
      p.alphaInitializer(Initializers.get(c.get("alpha_initializer")));
    }
    int[] shared = c.ints("shared_axes", null);
    if (shared != null) {
      p.sharedAxes(shared);
    }
    return withBaseConfig(p, c);
  }
}
