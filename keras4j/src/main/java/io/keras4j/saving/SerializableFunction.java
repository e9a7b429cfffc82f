package io.keras4j.saving;

/**
 * A function that Keras serializes by its name rather than by a config, such as an activation: Keras writes
 * {@code {"module": "builtins", "class_name": "function", "config": name, "registered_name": "function"}} for a
 * registered one.
 */
public interface SerializableFunction {
  /** The function's name in files. */
  String name();
}
