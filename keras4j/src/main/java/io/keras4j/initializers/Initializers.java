package io.keras4j.initializers;

import io.keras4j.saving.Registry;
import java.util.Map;

/**
 * Looks up initializers by Keras' string identifiers, class names and serialized configs.
 *
 * <p>Keras equivalent: {@code keras.initializers.get} and {@code keras.initializers.deserialize}.
 * <pre>{@code Initializer init = Initializers.get("he_normal");}</pre>
 */
public final class Initializers {
  private static final Registry<Initializer> REGISTRY =
      new Registry<>("keras.initializers", "initializer", Initializer.class)
          .add("Zeros", Zeros::fromConfig, "zeros", "zero")
          .add("Ones", Ones::fromConfig, "ones", "one")
          .add("Constant", Constant::fromConfig, "constant")
          .add("RandomNormal", RandomNormal::fromConfig, "random_normal", "normal")
          .add("RandomUniform", RandomUniform::fromConfig, "random_uniform", "uniform")
          .add("TruncatedNormal", TruncatedNormal::fromConfig, "truncated_normal")
          .add("VarianceScaling", VarianceScaling::fromConfig, "variance_scaling")
          .add("GlorotNormal", GlorotNormal::fromConfig, "glorot_normal")
          .add("GlorotUniform", GlorotUniform::fromConfig, "glorot_uniform")
          .add("HeNormal", HeNormal::fromConfig, "he_normal")
          .add("HeUniform", HeUniform::fromConfig, "he_uniform")
          .add("LecunNormal", LecunNormal::fromConfig, "lecun_normal")
          .add("LecunUniform", LecunUniform::fromConfig, "lecun_uniform")
          .add("Orthogonal", Orthogonal::fromConfig, "orthogonal", "OrthogonalInitializer")
          .add("Identity", Identity::fromConfig, "identity", "IdentityInitializer");

  private Initializers() {}

  /**
   * The initializer {@code identifier} describes: a name ("he_normal", "HeNormal"), Keras' serialized form
   * {@code {"class_name": "HeNormal", "config": {"seed": 1}}}, or an Initializer (returned as it is); null for null.
   */
  public static Initializer get(Object identifier) {
    return REGISTRY.get(identifier);
  }

  /** An initializer of Keras class {@code className} configured by {@code config} (Keras' {@code from_config}). */
  public static Initializer fromConfig(String className, Map<String, Object> config) {
    return REGISTRY.fromConfig(className, config);
  }

  /** The registry of initializer classes, for tests and tools. */
  public static Registry<Initializer> registry() {
    return REGISTRY;
  }

  /** Keras' registered name of an initializer class, e.g. "glorot_uniform". */
  public static String nameOf(Initializer init) {
    return io.keras4j.utils.Names.toSnakeCase(init.getClass().getSimpleName());
  }
}
