package io.keras4j.tuner.hyperparameters;

import java.util.Locale;

/** Hyperparameter values as Python sees them: standardized on int, float, str and bool (Integer, Double, ...). */
public final class Values {
  private Values() {}

  /** Integer, Double, String or Boolean: other numbers widen (Long, Short to Integer; java.lang.Float to Double). */
  public static Object standardize(Object v) {
    if (v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).intValue();
    }
    if (v instanceof java.lang.Float f) {
      return f.doubleValue();
    }
    if (v instanceof Integer || v instanceof Double || v instanceof String || v instanceof java.lang.Boolean) {
      return v;
    }
    throw new IllegalArgumentException("A hyperparameter value must be an int, float, str or bool. Received: " + v
        + (v == null ? "" : " of type " + v.getClass().getSimpleName()));
  }

  /** Python equality of two values: 3 == 3.0, and a JSON-read value equals its original. */
  public static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a != null && a.equals(b);
  }

  /** Python's {@code str(value)}: True/False for booleans, "0.001" and "1e-05" for floats. */
  public static String pyStr(Object v) {
    if (v instanceof java.lang.Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double d) {
      return pyFloat(d);
    }
    return String.valueOf(v);
  }

  private static String pyFloat(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    double a = Math.abs(d);
    if (a >= 1e-4 && a < 1e16) {
      return new java.math.BigDecimal(Double.toString(d)).toPlainString();
    }
    String s = Double.toString(d).replace("E", "e");
    int e = s.indexOf('e');
    String mant = s.substring(0, e).replaceAll("\\.0$", "");
    int exp = Integer.parseInt(s.substring(e + 1));
    return mant + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
  }
}
