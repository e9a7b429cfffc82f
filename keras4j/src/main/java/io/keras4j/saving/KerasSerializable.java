package io.keras4j.saving;

import java.util.Map;

/**
 * An object Keras saves as {@code {"module", "class_name", "config", "registered_name"}}: a layer, initializer,
 * regularizer, constraint, loss, metric, optimizer or learning-rate schedule.
 *
 * <p>Keras equivalent: the {@code get_config()} / {@code from_config(config)} pair. Each class writes its config in
 * {@link #getConfig()} and reads it in a static {@code fromConfig(Map)} next to it; its family's registry (for
 * example {@code Layers}, {@code Initializers}) maps Keras' class name to that reader.
 */
public interface KerasSerializable {
  /** Keras' config: the constructor's keyword arguments in snake_case, with Keras' keys. */
  Map<String, Object> getConfig();

  /** Keras' module of the class, such as "keras.layers"; written as {@code module} when serialized. */
  String kerasModule();

  /** Keras' class name; by default the simple class name, which keras4j keeps equal to Keras'. */
  default String kerasClassName() {
    return getClass().getSimpleName();
  }
}
