package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code lr * decay_rate ^ (step / decay_steps)}, the exponent floored when {@code staircase}.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.ExponentialDecay(initial_learning_rate, decay_steps,
 * decay_rate, staircase=False, name="ExponentialDecay")}.
 * <pre>{@code new Adam(new ExponentialDecay(1e-3, 1000, 0.96).staircase(true))}</pre>
 */
public class ExponentialDecay extends BaseSchedule<ExponentialDecay> {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double decayRate;
  private boolean staircase;

  /** Decays {@code initialLearningRate} by {@code decayRate} every {@code decaySteps} steps (> 0). */
  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
    super("ExponentialDecay");
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = checkDecaySteps(decaySteps);
    this.decayRate = decayRate;
  }

  /** Sets decay in whole steps of {@code decay_steps} (Keras' {@code staircase=}). Default false. */
  public ExponentialDecay staircase(boolean staircase) {
    this.staircase = staircase;
    return this;
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
    Map<String, Object> c = baseConfig();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("decay_rate", decayRate);
    c.put("staircase", staircase);
    return c;
  }

  /** The schedule of Keras' config (Keras' {@code ExponentialDecay.from_config}). */
  public static ExponentialDecay fromConfig(Map<String, Object> config) {
    Config c = new Config("ExponentialDecay", config);
    return withBaseConfig(new ExponentialDecay(requiredNumber(c, "initial_learning_rate"), c.integer("decay_steps"),
        requiredNumber(c, "decay_rate")).staircase(c.bool("staircase", false)), c);
  }
}
