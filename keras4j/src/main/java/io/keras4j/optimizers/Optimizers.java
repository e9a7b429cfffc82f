package io.keras4j.optimizers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Looks up optimizers by Keras' names, with Keras' defaults.
 *
 * <p>Keras equivalent: {@code keras.optimizers.get}: "sgd", "rmsprop", "adam", ...
 */
public final class Optimizers {
  private static final Map<String, Supplier<Optimizer>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("sgd", SGD::new);
    BY_NAME.put("rmsprop", RMSprop::new);
    BY_NAME.put("adam", Adam::new);
    BY_NAME.put("adamw", AdamW::new);
    BY_NAME.put("adagrad", Adagrad::new);
    BY_NAME.put("adadelta", Adadelta::new);
    BY_NAME.put("adamax", Adamax::new);
    BY_NAME.put("nadam", Nadam::new);
    BY_NAME.put("lion", Lion::new);
  }

  private Optimizers() {}

  /** The optimizer named {@code identifier} with Keras' defaults, or the Optimizer itself. */
  public static Optimizer get(Object identifier) {
    if (identifier instanceof Optimizer o) {
      return o;
    }
    if (identifier instanceof String s) {
      Supplier<Optimizer> f = BY_NAME.get(s.toLowerCase(Locale.ROOT));
      if (f == null) {
        throw new IllegalArgumentException("Could not interpret optimizer identifier: '" + s + "'. Expected one of "
            + BY_NAME.keySet());
      }
      return f.get();
    }
    throw new IllegalArgumentException("Could not interpret optimizer identifier. Expected a String or an "
        + "Optimizer. Received: " + identifier);
  }
}
