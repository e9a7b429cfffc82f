package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code lr / (1 + decay_rate * step / decay_steps)}, the ratio floored when {@code staircase}.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.InverseTimeDecay(initial_learning_rate, decay_steps,
 * decay_rate, staircase=False, name="InverseTimeDecay")}.
 * <pre>{@code new SGD(new InverseTimeDecay(0.1, 1, 0.5))}</pre>
 */
public class InverseTimeDecay extends BaseSchedule<InverseTimeDecay> {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double decayRate;
  private boolean staircase;

  /** Divides {@code initialLearningRate} by {@code 1 + decayRate * step / decaySteps}. */
  public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate) {
    super("InverseTimeDecay");
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = checkDecaySteps(decaySteps);
    this.decayRate = decayRate;
  }

  /** Sets decay in whole steps of {@code decay_steps} (Keras' {@code staircase=}). Default false. */
  public InverseTimeDecay staircase(boolean staircase) {
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
    return ops.divide(ops.constant((float) initialLearningRate), ops.add(ops.multiply(p, (float) decayRate), 1f));
  }

  @Override
  public double value(long step) {
    double p = (double) step / decaySteps;
    return initialLearningRate / (1 + decayRate * (staircase ? Math.floor(p) : p));
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

  /** The schedule of Keras' config (Keras' {@code InverseTimeDecay.from_config}). */
  public static InverseTimeDecay fromConfig(Map<String, Object> config) {
    Config c = new Config("InverseTimeDecay", config);
    return withBaseConfig(new InverseTimeDecay(requiredNumber(c, "initial_learning_rate"), c.integer("decay_steps"),
        requiredNumber(c, "decay_rate")).staircase(c.bool("staircase", false)), c);
  }
}
