package io.keras4j.optimizers.schedules;

import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base of keras4j's schedules: the {@code name} keyword every Keras schedule takes and writes.
 *
 * <p>Keras equivalent: the {@code name=} argument of the schedules in {@code keras.optimizers.schedules}.
 *
 * @param <T> the concrete schedule
 */
public abstract class BaseSchedule<T extends BaseSchedule<T>> implements LearningRateSchedule {
  private String name;

  /** A schedule named {@code name} (Keras' default name of the class). */
  protected BaseSchedule(String name) {
    this.name = name;
  }

  /** The schedule's name. */
  public String name() {
    return name;
  }

  /** Sets the name (Keras' {@code name=}). Default: the class' Keras name, such as "ExponentialDecay". */
  @SuppressWarnings("unchecked")
  public T name(String name) {
    this.name = name;
    return (T) this;
  }

  /** A config starting with {@code name}'s key, for the subclass' keys to follow. */
  protected Map<String, Object> baseConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    return c;
  }

  /** Reads {@code name} into {@code s} (the end of each subclass' {@code fromConfig}). */
  protected static <T extends BaseSchedule<T>> T withBaseConfig(T s, Config c) {
    return c.has("name") ? s.name(c.string("name", s.name())) : s;
  }

  /** The required number {@code key} of {@code c}. */
  protected static double requiredNumber(Config c, String key) {
    if (!c.has(key)) {
      throw new IllegalArgumentException(c.className() + " config lacks the required `" + key + "`. Received: "
          + c.asMap());
    }
    return c.number(key, 0);
  }

  /** Keras' check of {@code decay_steps}. */
  static long checkDecaySteps(long decaySteps) {
    if (decaySteps <= 0) {
      throw new IllegalArgumentException("Argument `decay_steps` must be > 0. Received: decay_steps=" + decaySteps);
    }
    return decaySteps;
  }
}
