package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Binary cross-entropy down-weighting easy examples by {@code (1 - p_t)^gamma}.
 *
 * <p>Keras equivalent: {@code keras.losses.BinaryFocalCrossentropy(apply_class_balancing=False, alpha=0.25,
 * gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1, reduction="sum_over_batch_size",
 * name="binary_focal_crossentropy")}.
 * <pre>{@code new BinaryFocalCrossentropy().applyClassBalancing(true).alpha(0.5).gamma(3)}</pre>
 */
public class BinaryFocalCrossentropy extends BaseCrossentropy<BinaryFocalCrossentropy> {
  private boolean applyClassBalancing;
  private double alpha = 0.25;
  private double gamma = 2.0;

  /** Binary focal cross-entropy with Keras' defaults. */
  public BinaryFocalCrossentropy() {
    super("binary_focal_crossentropy");
  }

  /** Sets class balancing by {@code alpha} (Keras' {@code apply_class_balancing=}). Default false. */
  public BinaryFocalCrossentropy applyClassBalancing(boolean v) {
    this.applyClassBalancing = v;
    return this;
  }

  /** Sets the positive-class weight used with class balancing (Keras' {@code alpha=}). Default 0.25. */
  public BinaryFocalCrossentropy alpha(double alpha) {
    this.alpha = alpha;
    return this;
  }

  /** Sets the focusing exponent, >= 0 (Keras' {@code gamma=}). Default 2.0. */
  public BinaryFocalCrossentropy gamma(double gamma) {
    if (!(gamma >= 0)) {
      throw new IllegalArgumentException("BinaryFocalCrossentropy: gamma must be >= 0. Received: gamma=" + gamma);
    }
    this.gamma = gamma;
    return this;
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor t = BinaryCrossentropy.smooth(yTrue, labelSmoothing());
    // as Keras: the probabilities first, whose cross-entropy then comes from their logits (a sigmoid's output)
    Tensor p = fromLogits() ? ops.sigmoid(yPred) : yPred;
    Tensor bce = BinaryCrossentropy.elementwise(t, p, false);
    Tensor pt = ops.add(ops.multiply(t, p), ops.multiply(ops.add(ops.negative(t), 1f), ops.add(ops.negative(p), 1f)));
    Tensor focal = ops.multiply(ops.pow(ops.add(ops.negative(pt), 1f), (float) gamma), bce);
    if (applyClassBalancing) {
      Tensor w = ops.add(ops.multiply(t, (float) alpha),
          ops.multiply(ops.add(ops.negative(t), 1f), (float) (1 - alpha)));
      focal = ops.multiply(w, focal);
    }
    return ops.mean(focal, new int[] {axis()}, false);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("apply_class_balancing", applyClassBalancing);
    c.put("alpha", alpha);
    c.put("gamma", gamma);
    return c;
  }

  /** The loss of Keras' config (Keras' {@code BinaryFocalCrossentropy.from_config}). */
  public static BinaryFocalCrossentropy fromConfig(Map<String, Object> config) {
    Config c = new Config("BinaryFocalCrossentropy", config);
    return withCrossentropyConfig(new BinaryFocalCrossentropy().applyClassBalancing(c.bool("apply_class_balancing",
        false)).alpha(c.number("alpha", 0.25)).gamma(c.number("gamma", 2.0)), c);
  }
}
