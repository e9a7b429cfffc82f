package io.keras4j.utils;

/** Keras' naming helpers. */
public final class Names {
  private Names() {}

  /** Keras' {@code to_snake_case}: "Conv2DTranspose" becomes "conv2d_transpose", "ReLU" becomes "re_lu". */
  public static String toSnakeCase(String name) {
    String s = name.replaceAll("\\W+", "").replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    s = s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    return s.startsWith("_") ? "private" + s : s;
  }
}
