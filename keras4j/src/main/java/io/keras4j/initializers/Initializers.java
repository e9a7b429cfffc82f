package io.keras4j.initializers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Looks up initializers by Keras' string identifiers.
 *
 * <p>Keras equivalent: {@code keras.initializers.get}.
 * <pre>{@code Initializer init = Initializers.get("he_normal");}</pre>
 */
public final class Initializers {
  private static final Map<String, Supplier<Initializer>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("zeros", Zeros::new);
    BY_NAME.put("ones", Ones::new);
    BY_NAME.put("constant", () -> new Constant(0));
    BY_NAME.put("random_normal", RandomNormal::new);
    BY_NAME.put("random_uniform", RandomUniform::new);
    BY_NAME.put("truncated_normal", TruncatedNormal::new);
    BY_NAME.put("variance_scaling", VarianceScaling::new);
    BY_NAME.put("glorot_normal", GlorotNormal::new);
    BY_NAME.put("glorot_uniform", GlorotUniform::new);
    BY_NAME.put("he_normal", HeNormal::new);
    BY_NAME.put("he_uniform", HeUniform::new);
    BY_NAME.put("lecun_normal", LecunNormal::new);
    BY_NAME.put("lecun_uniform", LecunUniform::new);
    BY_NAME.put("orthogonal", Orthogonal::new);
    BY_NAME.put("identity", Identity::new);
    // Keras' aliases
    BY_NAME.put("normal", RandomNormal::new);
    BY_NAME.put("uniform", RandomUniform::new);
  }

  private Initializers() {}

  /** The initializer named {@code identifier}, or {@code identifier} itself when it is an Initializer. */
  public static Initializer get(Object identifier) {
    if (identifier == null) {
      return null;
    }
    if (identifier instanceof Initializer i) {
      return i;
    }
    if (identifier instanceof Map<?, ?>) {
      return io.keras4j.saving.KerasObjectConfigs.initializer(identifier);
    }
    if (identifier instanceof String s) {
      Supplier<Initializer> f = BY_NAME.get(s.toLowerCase(java.util.Locale.ROOT));
      if (f == null) {
        throw new IllegalArgumentException("Could not interpret initializer identifier: '" + s + "'. Expected one of "
            + BY_NAME.keySet());
      }
      return f.get();
    }
    throw new IllegalArgumentException("Could not interpret initializer identifier. Expected a String or an "
        + "Initializer. Received: " + identifier);
  }

  /** Keras' registered name of an initializer class, e.g. "glorot_uniform". */
  public static String nameOf(Initializer init) {
    return io.keras4j.utils.Names.toSnakeCase(init.getClass().getSimpleName());
  }
}
