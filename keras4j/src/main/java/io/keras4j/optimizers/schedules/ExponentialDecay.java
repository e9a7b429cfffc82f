package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code lr * decay_rate ^ (step / decay_steps)}, the exponent floored when {@code staircase}.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.ExponentialDecay(initial_learning_rate, decay_steps,
 * decay_rate, staircase=False)}.
 */
public class ExponentialDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double decayRate;
  private final boolean staircase;

  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
    this(initialLearningRate, decaySteps, decayRate, false);
  }

  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
    if (decaySteps <= 0) {
      throw new IllegalArgumentException("Argument `decay_steps` must be > 0. Received: decay_steps=" + decaySteps);
    }
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = decaySteps;
    this.decayRate = decayRate;
    this.staircase = staircase;
  }

  @Override
  public Tensor call(Tensor step) {
    Ops ops = Backend.ops();
    Tensor p = ops.multiply(step, (float) (1.0 / decaySteps));
    if (staircase) {
      p = ops.floor(p);
    }
    return ops.multiply(ops.pow(ops.constant((float) decayRate), p), (float) initialLearningRate);
  }

  @Override
  public double value(long step) {
    double p = (double) step / decaySteps;
    return initialLearningRate * Math.pow(decayRate, staircase ? Math.floor(p) : p);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("decay_rate", decayRate);
    c.put("staircase", staircase);
    return c;
  }
}
