package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code lr / (1 + decay_rate * step / decay_steps)}, the ratio floored when {@code staircase}.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.InverseTimeDecay(initial_learning_rate, decay_steps,
 * decay_rate, staircase=False)}.
 */
public class InverseTimeDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double decayRate;
  private final boolean staircase;

  public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
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
    return ops.divide(ops.constant((float) initialLearningRate), ops.add(ops.multiply(p, (float) decayRate), 1f));
  }

  @Override
  public double value(long step) {
    double p = (double) step / decaySteps;
    return initialLearningRate / (1 + decayRate * (staircase ? Math.floor(p) : p));
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
