package io.keras4j.backend;

import java.util.function.Supplier;

/**
 * The batch size that the functions traced on this thread will run with, where the caller knows it: {@code fit},
 * {@code evaluate} and {@code predict} of arrays give their {@code batch_size} (at most the number of samples), of a
 * data set the rows of its first batch, and the {@code *_on_batch} methods their rows. Everything traced inside
 * (validation in {@code fit}, a callback's {@code predict} of its own sets its own) inherits it. A traced function's
 * batch axis stays unknown (one function serves every batch size); the hint only lets the backend choose a form that
 * pays at that size (TensorFlow: a recurrence over a wide batch runs as two independent loops over its halves, one
 * per core).
 * <pre>{@code TracedFunction fn = BatchHint.with(64, () -> graph.trace(body));}</pre>
 *
 * <p>Porting note: Keras has no such hint. Like the choices a {@code tf.function} makes while tracing, the form is
 * fixed when the function is traced: a later call with another batch size runs the same function, with the same
 * results up to rounding.
 */
public final class BatchHint {
  private static final ThreadLocal<Integer> ROWS = new ThreadLocal<>();

  private BatchHint() {}

  /** Runs {@code body} with {@code rows} as the hint (0: unknown), restoring the previous hint afterwards. */
  public static <T> T with(int rows, Supplier<T> body) {
    Integer before = ROWS.get();
    ROWS.set(rows);
    try {
      return body.get();
    } finally {
      if (before == null) {
        ROWS.remove();
      } else {
        ROWS.set(before);
      }
    }
  }

  /** The hinted batch size on this thread, or 0 when none is known. */
  public static int rows() {
    Integer rows = ROWS.get();
    return rows == null ? 0 : rows;
  }
}
