package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code (lr - end) * (1 - min(step, decay_steps) / decay_steps)^power + end}.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.PolynomialDecay(initial_learning_rate, decay_steps,
 * end_learning_rate=0.0001, power=1.0, cycle=False, name="PolynomialDecay")}; with {@code cycle} the horizon grows
 * to the next multiple of decay_steps.
 * <pre>{@code new SGD(new PolynomialDecay(0.1, 1000).endLearningRate(0.01).power(0.5))}</pre>
 */
public class PolynomialDecay extends BaseSchedule<PolynomialDecay> {
  private final double initialLearningRate;
  private final long decaySteps;
  private double endLearningRate = 0.0001;
  private double power = 1.0;
  private boolean cycle;

  /** Decays {@code initialLearningRate} polynomially over {@code decaySteps} steps. */
  public PolynomialDecay(double initialLearningRate, long decaySteps) {
    super("PolynomialDecay");
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = checkDecaySteps(decaySteps);
  }

  /** Sets the final learning rate (Keras' {@code end_learning_rate=}). Default 0.0001. */
  public PolynomialDecay endLearningRate(double endLearningRate) {
    this.endLearningRate = endLearningRate;
    return this;
  }

  /** Sets the polynomial's power (Keras' {@code power=}). Default 1.0. */
  public PolynomialDecay power(double power) {
    this.power = power;
    return this;
  }

  /** Sets whether the decay restarts after {@code decay_steps} (Keras' {@code cycle=}). Default false. */
  public PolynomialDecay cycle(boolean cycle) {
    this.cycle = cycle;
    return this;
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
    Map<String, Object> c = baseConfig();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("end_learning_rate", endLearningRate);
    c.put("power", power);
    c.put("cycle", cycle);
    return c;
  }

  /** The schedule of Keras' config (Keras' {@code PolynomialDecay.from_config}). */
  public static PolynomialDecay fromConfig(Map<String, Object> config) {
    Config c = new Config("PolynomialDecay", config);
    return withBaseConfig(new PolynomialDecay(requiredNumber(c, "initial_learning_rate"), c.integer("decay_steps"))
        .endLearningRate(c.number("end_learning_rate", 0.0001)).power(c.number("power", 1.0))
        .cycle(c.bool("cycle", false)), c);
  }
}
