package io.keras4j.saving;

import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.MaxNorm;
import io.keras4j.constraints.MinMaxNorm;
import io.keras4j.constraints.NonNeg;
import io.keras4j.constraints.UnitNorm;
import io.keras4j.initializers.Constant;
import io.keras4j.initializers.GlorotNormal;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.HeNormal;
import io.keras4j.initializers.HeUniform;
import io.keras4j.initializers.Identity;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.initializers.LecunNormal;
import io.keras4j.initializers.LecunUniform;
import io.keras4j.initializers.Orthogonal;
import io.keras4j.initializers.RandomNormal;
import io.keras4j.initializers.RandomUniform;
import io.keras4j.initializers.TruncatedNormal;
import io.keras4j.initializers.VarianceScaling;
import io.keras4j.regularizers.L1;
import io.keras4j.regularizers.L1L2;
import io.keras4j.regularizers.L2;
import io.keras4j.regularizers.Regularizer;
import java.util.Map;

/**
 * Rebuilds initializers, regularizers and constraints from Keras' serialized form
 * ({@code {"class_name": "GlorotUniform", "config": {"seed": null}}}) or their string names.
 *
 * <p>Keras equivalent: {@code keras.initializers.deserialize}, {@code keras.regularizers.deserialize},
 * {@code keras.constraints.deserialize}.
 */
public final class KerasObjectConfigs {
  private KerasObjectConfigs() {}

  private static double num(Map<String, Object> c, String key, double fallback) {
    return c.get(key) instanceof Number n ? n.doubleValue() : fallback;
  }

  private static Long seed(Map<String, Object> c) {
    return c.get("seed") instanceof Number n ? n.longValue() : null;
  }

  private static String cls(Map<?, ?> m) {
    return String.valueOf(m.get("class_name"));
  }

  /** An initializer of {@code spec} (a name, a serialized map, or null). */
  public static Initializer initializer(Object spec) {
    if (!(spec instanceof Map<?, ?> m)) {
      return spec == null ? null : Initializers.get(spec);
    }
    Map<String, Object> c = m.get("config") instanceof Map<?, ?> cm ? Config.asStringMap(cm) : Map.of();
    return switch (cls(m)) {
      case "GlorotUniform" -> new GlorotUniform(seed(c));
      case "GlorotNormal" -> new GlorotNormal(seed(c));
      case "HeUniform" -> new HeUniform(seed(c));
      case "HeNormal" -> new HeNormal(seed(c));
      case "LecunUniform" -> new LecunUniform(seed(c));
      case "LecunNormal" -> new LecunNormal(seed(c));
      case "RandomNormal" -> new RandomNormal(num(c, "mean", 0), num(c, "stddev", 0.05), seed(c));
      case "RandomUniform" -> new RandomUniform(num(c, "minval", -0.05), num(c, "maxval", 0.05), seed(c));
      case "TruncatedNormal" -> new TruncatedNormal(num(c, "mean", 0), num(c, "stddev", 0.05), seed(c));
      case "VarianceScaling" -> new VarianceScaling(num(c, "scale", 1), String.valueOf(c.getOrDefault("mode", "fan_in")),
          String.valueOf(c.getOrDefault("distribution", "truncated_normal")), seed(c));
      case "Orthogonal" -> new Orthogonal(num(c, "gain", 1), seed(c));
      case "Identity" -> new Identity(num(c, "gain", 1));
      case "Constant" -> new Constant(num(c, "value", 0));
      default -> Initializers.get(io.keras4j.utils.Names.toSnakeCase(cls(m)));
    };
  }

  /** A regularizer of {@code spec} (a name, a serialized map, or null). */
  public static Regularizer regularizer(Object spec) {
    if (!(spec instanceof Map<?, ?> m)) {
      return Regularizer.get(spec);
    }
    Map<String, Object> c = m.get("config") instanceof Map<?, ?> cm ? Config.asStringMap(cm) : Map.of();
    return switch (cls(m)) {
      case "L1" -> new L1(num(c, "l1", 0.01));
      case "L2" -> new L2(num(c, "l2", 0.01));
      case "L1L2" -> new L1L2(num(c, "l1", 0), num(c, "l2", 0));
      default -> throw new KerasFileException("Unknown regularizer: " + cls(m) + ". Expected L1, L2 or L1L2");
    };
  }

  /** A constraint of {@code spec} (a name, a serialized map, or null). */
  public static Constraint constraint(Object spec) {
    if (!(spec instanceof Map<?, ?> m)) {
      return Constraint.get(spec);
    }
    Map<String, Object> c = m.get("config") instanceof Map<?, ?> cm ? Config.asStringMap(cm) : Map.of();
    int axis = c.get("axis") instanceof Number n ? n.intValue() : 0;
    return switch (cls(m)) {
      case "MaxNorm" -> new MaxNorm(num(c, "max_value", 2), axis);
      case "NonNeg" -> new NonNeg();
      case "UnitNorm" -> new UnitNorm(axis);
      case "MinMaxNorm" -> new MinMaxNorm(num(c, "min_value", 0), num(c, "max_value", 1), num(c, "rate", 1), axis);
      default -> throw new KerasFileException("Unknown constraint: " + cls(m)
          + ". Expected MaxNorm, NonNeg, UnitNorm or MinMaxNorm");
    };
  }
}
