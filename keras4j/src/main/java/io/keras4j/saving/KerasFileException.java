package io.keras4j.saving;

/**
 * A model or weights file that cannot be read: corrupt, truncated, of an unknown layout, or not matching the model.
 *
 * <p>Keras equivalent: the ValueError and OSError Keras raises from {@code load_model} and {@code load_weights}.
 */
public class KerasFileException extends RuntimeException {
  public KerasFileException(String message) {
    super(message);
  }

  public KerasFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
