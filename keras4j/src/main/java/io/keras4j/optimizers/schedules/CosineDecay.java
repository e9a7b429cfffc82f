package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cosine decay from {@code lr} to {@code alpha * lr} over {@code decay_steps}, after an optional linear warmup.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.CosineDecay(initial_learning_rate, decay_steps,
 * alpha=0.0, warmup_target=None, warmup_steps=0)}: {@code lr * ((1-alpha) * 0.5 (1 + cos(pi s/decay_steps)) + alpha)}.
 */
public class CosineDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double alpha;
  private final Double warmupTarget;
  private final long warmupSteps;

  public CosineDecay(double initialLearningRate, long decaySteps) {
    this(initialLearningRate, decaySteps, 0.0, null, 0);
  }

  public CosineDecay(double initialLearningRate, long decaySteps, double alpha, Double warmupTarget, long warmupSteps) {
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = decaySteps;
    this.alpha = alpha;
    this.warmupTarget = warmupTarget;
    this.warmupSteps = warmupSteps;
  }

  @Override
  public Tensor call(Tensor step) {
    Ops ops = Backend.ops();
    double peak = warmupTarget == null ? initialLearningRate : warmupTarget;
    Tensor s = ops.minimum(ops.maximum(ops.add(step, (float) -warmupSteps), 0f), (float) decaySteps);
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
    double s = Math.min(Math.max(step - warmupSteps, 0), decaySteps);
    double cosine = 0.5 * (1 + Math.cos(Math.PI * s / decaySteps));
    return peak * ((1 - alpha) * cosine + alpha);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("alpha", alpha);
    c.put("warmup_target", warmupTarget);
    c.put("warmup_steps", warmupSteps);
    return c;
  }
}
