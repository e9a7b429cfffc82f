package io.keras4j.optimizers;

import io.keras4j.saving.Registry;

/**
 * Looks up optimizers by Keras' class names and lower-case names, and reads their configs.
 *
 * <p>Keras equivalent: {@code keras.optimizers.get} and {@code keras.optimizers.deserialize}: "sgd", "rmsprop",
 * "adam", "Adam", {@code {"class_name": "Adam", "config": {...}}}, ...
 * <pre>{@code Optimizer opt = Optimizers.get("adam");}</pre>
 */
public final class Optimizers {
  private static final Registry<Optimizer> REGISTRY = new Registry<>("keras.optimizers", "optimizer", Optimizer.class)
      .add("SGD", SGD::fromConfig, "sgd")
      .add("RMSprop", RMSprop::fromConfig, "rmsprop")
      .add("Adam", Adam::fromConfig, "adam")
      .add("AdamW", AdamW::fromConfig, "adamw")
      .add("Adagrad", Adagrad::fromConfig, "adagrad")
      .add("Adadelta", Adadelta::fromConfig, "adadelta")
      .add("Adamax", Adamax::fromConfig, "adamax")
      .add("Nadam", Nadam::fromConfig, "nadam")
      .add("Lion", Lion::fromConfig, "lion")
      .add("Ftrl", Ftrl::fromConfig, "ftrl")
      .add("Adafactor", Adafactor::fromConfig, "adafactor")
      .add("Lamb", Lamb::fromConfig, "lamb")
      .add("LossScaleOptimizer", LossScaleOptimizer::fromConfig, "lossscaleoptimizer");

  private Optimizers() {}

  /**
   * The optimizer {@code identifier} describes: a name with Keras' defaults ("adam", "Adam"), Keras' serialized
   * form, or an Optimizer (returned as it is). Custom classes registered with {@code KerasObjects} are found too.
   *
   * @throws IllegalArgumentException for null or an unknown name, listing the known ones
   */
  public static Optimizer get(Object identifier) {
    if (identifier == null) {
      throw new IllegalArgumentException("Could not interpret optimizer identifier. Expected a name such as "
          + REGISTRY.aliases() + ", an Optimizer or a serialized config. Received: null");
    }
    return REGISTRY.get(identifier);
  }

  /** The registry of optimizer classes, for tests and tools. */
  public static Registry<Optimizer> registry() {
    return REGISTRY;
  }
}
