package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code (lr - end) * (1 - min(step, decay_steps) / decay_steps)^power + end}.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.PolynomialDecay(initial_learning_rate, decay_steps,
 * end_learning_rate=0.0001, power=1.0, cycle=False)}; with {@code cycle} the horizon grows to the next multiple of
 * decay_steps.
 */
public class PolynomialDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double endLearningRate;
  private final double power;
  private final boolean cycle;

  public PolynomialDecay(double initialLearningRate, long decaySteps) {
    this(initialLearningRate, decaySteps, 0.0001, 1.0, false);
  }

  public PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate, double power,
      boolean cycle) {
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = decaySteps;
    this.endLearningRate = endLearningRate;
    this.power = power;
    this.cycle = cycle;
  }

  @Override
  public Tensor call(Tensor step) {
    Ops ops = Backend.ops();
    Tensor horizon;
    Tensor s = step;
    if (cycle) {
      Tensor k = ops.maximum(ops.negative(ops.floor(ops.multiply(ops.negative(step), (float) (1.0 / decaySteps)))), 1f);
      horizon = ops.multiply(k, (float) decaySteps);
    } else {
      horizon = ops.constant((float) decaySteps);
      s = ops.minimum(step, (float) decaySteps);
    }
    Tensor frac = ops.add(ops.negative(ops.divide(s, horizon)), 1f);
    return ops.add(ops.multiply(ops.pow(frac, (float) power), (float) (initialLearningRate - endLearningRate)),
        (float) endLearningRate);
  }

  @Override
  public double value(long step) {
    double horizon = decaySteps;
    double s = step;
    if (cycle) {
      horizon = decaySteps * Math.max(1, Math.ceil((double) step / decaySteps));
    } else {
      s = Math.min(step, decaySteps);
    }
    return (initialLearningRate - endLearningRate) * Math.pow(1 - s / horizon, power) + endLearningRate;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("end_learning_rate", endLearningRate);
    c.put("power", power);
    c.put("cycle", cycle);
    return c;
  }
}
