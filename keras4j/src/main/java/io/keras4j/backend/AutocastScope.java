package io.keras4j.backend;

import java.util.function.Supplier;

/**
 * The dtype that float32 variables are cast to when a layer's {@code call} reads them.
 *
 * <p>Keras equivalent: {@code keras.src.backend.AutocastScope(dtype)}, entered by {@code Layer.__call__} for the
 * layer's compute dtype. Reads of variables made with {@code autocast=False} (BatchNormalization's and
 * LayerNormalization's) stay float32.
 */
public final class AutocastScope {
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private AutocastScope() {}

  /** Runs {@code body} with reads cast to {@code dtype}; null means no casting. The outer scope comes back after. */
  public static <T> T run(String dtype, Supplier<T> body) {
    String outer = CURRENT.get();
    CURRENT.set(dtype);
    try {
      return body.get();
    } finally {
      CURRENT.set(outer);
    }
  }

  /** The current scope's dtype, or null outside any (Keras' {@code get_autocast_scope().dtype}). */
  public static String current() {
    return CURRENT.get();
  }

  /** {@code value}, the read of {@code v}, cast to the scope's dtype when {@code v} is a float autocast variable. */
  public static Tensor maybeCast(Variable v, Tensor value, Ops ops) {
    String dtype = CURRENT.get();
    if (dtype == null || !v.autocast() || !"float32".equals(v.dtype()) || dtype.equals(value.dtype())) {
      return value;
    }
    return ops.cast(value, dtype);
  }
}
