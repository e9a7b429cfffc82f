package io.keras4j.tuner;

/**
 * An error that ends the search at once instead of marking the trial invalid.
 *
 * <p>Keras equivalent: {@code keras_tuner.errors.FatalError}.
 */
public class FatalError extends RuntimeException {
  /** An error with a message. */
  public FatalError(String message) {
    super(message);
  }

  /** An error with a message and cause. */
  public FatalError(String message, Throwable cause) {
    super(message, cause);
  }
}
