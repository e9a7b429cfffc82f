package io.keras4j.saving;

import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.losses.Loss;
import io.keras4j.metrics.Metric;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.regularizers.Regularizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras 3's serialized form of objects: {@code {"module", "class_name", "config", "registered_name"}}.
 *
 * <p>Keras equivalent: {@code keras.saving.serialize_keras_object} for initializers, regularizers, constraints,
 * losses, metrics and optimizers, with Keras' module names.
 */
public final class KerasObjects {
  private KerasObjects() {}

  /** The serialized form of {@code o}; strings and null stay as they are. */
  public static Object serialize(Object o) {
    if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean) {
      return o;
    }
    String module;
    Map<String, Object> config;
    if (o instanceof Initializer i) {
      module = "keras.initializers";
      config = i.getConfig();
    } else if (o instanceof Regularizer r) {
      module = "keras.regularizers";
      config = r.getConfig();
    } else if (o instanceof Constraint c) {
      module = "keras.constraints";
      config = c.getConfig();
    } else if (o instanceof Loss l) {
      module = "keras.losses";
      config = l.getConfig();
    } else if (o instanceof Optimizer opt) {
      module = "keras.optimizers";
      config = opt.getConfig();
    } else if (o instanceof Metric m) {
      module = "keras.metrics";
      config = m.getConfig();
    } else {
      throw new IllegalArgumentException("Cannot serialize " + o.getClass().getName() + " to a Keras config");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("module", module);
    out.put("class_name", o.getClass().getSimpleName());
    out.put("config", config);
    out.put("registered_name", null);
    return out;
  }
}
