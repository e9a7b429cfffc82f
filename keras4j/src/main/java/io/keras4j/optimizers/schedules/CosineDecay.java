package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Cosine decay from {@code lr} to {@code alpha * lr} over {@code decay_steps}, after an optional linear warmup.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.CosineDecay(initial_learning_rate, decay_steps,
 * alpha=0.0, name="CosineDecay", warmup_target=None, warmup_steps=0)}:
 * {@code lr * ((1-alpha) * 0.5 (1 + cos(pi s/decay_steps)) + alpha)}.
 * <pre>{@code new AdamW(new CosineDecay(0.0, 1000).warmupTarget(1e-3).warmupSteps(100))}</pre>
 */
public class CosineDecay extends BaseSchedule<CosineDecay> {
  private final double initialLearningRate;
  private final long decaySteps;
  private double alpha;
  private Double warmupTarget;
  private long warmupSteps;

  /** Decays {@code initialLearningRate} along a half cosine over {@code decaySteps} steps. */
  public CosineDecay(double initialLearningRate, long decaySteps) {
    super("CosineDecay");
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = checkDecaySteps(decaySteps);
  }

  /** Sets the final learning rate as a fraction of the peak (Keras' {@code alpha=}). Default 0. */
  public CosineDecay alpha(double alpha) {
    this.alpha = alpha;
    return this;
  }

  /** Sets the learning rate reached at the end of the warmup (Keras' {@code warmup_target=}). Default none. */
  public CosineDecay warmupTarget(double warmupTarget) {
    this.warmupTarget = warmupTarget;
    return this;
  }

  /** Sets the number of linear warmup steps (Keras' {@code warmup_steps=}). Default 0. */
  public CosineDecay warmupSteps(long warmupSteps) {
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("Argument `warmup_steps` must be >= 0. Received: warmup_steps=" + warmupSteps);
    }
    this.warmupSteps = warmupSteps;
    return this;
  }

  /** The steps before the decay starts: the warmup's, which Keras ignores when no warmup target is set. */
  private long shift() {
    return warmupTarget == null ? 0 : warmupSteps;
  }

  @Override
  public Tensor call(Tensor step) {
    Ops ops = Backend.ops();
    double peak = warmupTarget == null ? initialLearningRate : warmupTarget;
    Tensor s = ops.minimum(ops.maximum(ops.add(step, (float) -shift()), 0f), (float) decaySteps);
    Tensor cosine = ops.multiply(ops.add(ops.cos(ops.multiply(s, (float) (Math.PI / decaySteps))), 1f), 0.5f);
    Tensor decayed = ops.multiply(ops.add(ops.multiply(cosine, (float) (1 - alpha)), (float) alpha), (float) peak);
    if (warmupTarget == null || warmupSteps == 0) {
      return decayed;
    }
    Tensor warm = ops.add(ops.multiply(step, (float) ((peak - initialLearningRate) / warmupSteps)),
        (float) initialLearningRate);
    return ops.where(ops.less(step, ops.constant((float) warmupSteps)), warm, decayed);
  }

  @Override
  public double value(long step) {
    double peak = warmupTarget == null ? initialLearningRate : warmupTarget;
    if (warmupTarget != null && warmupSteps > 0 && step < warmupSteps) {
      return initialLearningRate + (peak - initialLearningRate) * step / warmupSteps;
    }
    double s = Math.min(Math.max(step - shift(), 0), decaySteps);
    double cosine = 0.5 * (1 + Math.cos(Math.PI * s / decaySteps));
    return peak * ((1 - alpha) * cosine + alpha);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = baseConfig();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("alpha", alpha);
    c.put("warmup_target", warmupTarget);
    c.put("warmup_steps", warmupSteps);
    return c;
  }

  /** The schedule of Keras' config (Keras' {@code CosineDecay.from_config}). */
  public static CosineDecay fromConfig(Map<String, Object> config) {
    Config c = new Config("CosineDecay", config);
    CosineDecay s = new CosineDecay(requiredNumber(c, "initial_learning_rate"), c.integer("decay_steps"))
        .alpha(c.number("alpha", 0)).warmupSteps(c.integer("warmup_steps", 0));
    if (c.has("warmup_target")) {
      s.warmupTarget(c.number("warmup_target", 0));
    }
    return withBaseConfig(s, c);
  }
}
