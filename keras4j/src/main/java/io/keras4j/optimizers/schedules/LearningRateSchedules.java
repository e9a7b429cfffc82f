package io.keras4j.optimizers.schedules;

import io.keras4j.saving.Registry;

/**
 * Reads learning-rate schedules from Keras' serialized form.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.deserialize}; an optimizer's config holds its schedule as
 * {@code {"module": "keras.optimizers.schedules", "class_name": "ExponentialDecay", "config": {...}}}.
 */
public final class LearningRateSchedules {
  private static final Registry<LearningRateSchedule> REGISTRY = new Registry<>("keras.optimizers.schedules",
      "learning rate schedule", LearningRateSchedule.class)
      .add("ExponentialDecay", ExponentialDecay::fromConfig)
      .add("InverseTimeDecay", InverseTimeDecay::fromConfig)
      .add("CosineDecay", CosineDecay::fromConfig)
      .add("PolynomialDecay", PolynomialDecay::fromConfig)
      .add("PiecewiseConstantDecay", PiecewiseConstantDecay::fromConfig);

  private LearningRateSchedules() {}

  /** The schedule {@code identifier} describes: Keras' serialized form, or a schedule (returned as it is). */
  public static LearningRateSchedule get(Object identifier) {
    return REGISTRY.get(identifier);
  }

  /** The registry of schedule classes, for tests and tools. */
  public static Registry<LearningRateSchedule> registry() {
    return REGISTRY;
  }
}
