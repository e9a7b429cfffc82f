package io.keras4j.losses;

import io.keras4j.saving.Registry;

/**
 * Looks up losses by Keras' class names and function names, and reads their configs.
 *
 * <p>Keras equivalent: {@code keras.losses.get} and {@code keras.losses.deserialize}: "mse",
 * "binary_crossentropy", "MeanSquaredError", {@code {"class_name": "Huber", "config": {...}}}, ... A name gives
 * the loss class with Keras' defaults. Keras 2's names "huber_loss", "logcosh" and "kullback_leibler_divergence"
 * are read too.
 * <pre>{@code Loss loss = Losses.get("sparse_categorical_crossentropy");}</pre>
 */
public final class Losses {
  private static final Registry<Loss> REGISTRY = new Registry<>("keras.losses", "loss", Loss.class)
      .add("BinaryCrossentropy", BinaryCrossentropy::fromConfig, "binary_crossentropy", "bce")
      .add("BinaryFocalCrossentropy", BinaryFocalCrossentropy::fromConfig, "binary_focal_crossentropy")
      .add("CategoricalCrossentropy", CategoricalCrossentropy::fromConfig, "categorical_crossentropy")
      .add("SparseCategoricalCrossentropy", SparseCategoricalCrossentropy::fromConfig,
          "sparse_categorical_crossentropy")
      .add("MeanSquaredError", MeanSquaredError::fromConfig, "mean_squared_error", "mse")
      .add("MeanAbsoluteError", MeanAbsoluteError::fromConfig, "mean_absolute_error", "mae")
      .add("MeanAbsolutePercentageError", MeanAbsolutePercentageError::fromConfig, "mean_absolute_percentage_error",
          "mape")
      .add("MeanSquaredLogarithmicError", MeanSquaredLogarithmicError::fromConfig, "mean_squared_logarithmic_error",
          "msle")
      .add("Hinge", Hinge::fromConfig, "hinge")
      .add("SquaredHinge", SquaredHinge::fromConfig, "squared_hinge")
      .add("CategoricalHinge", CategoricalHinge::fromConfig, "categorical_hinge")
      .add("Huber", Huber::fromConfig, "huber", "huber_loss")
      .add("LogCosh", LogCosh::fromConfig, "log_cosh", "logcosh")
      .add("KLDivergence", KLDivergence::fromConfig, "kl_divergence", "kld", "kullback_leibler_divergence")
      .add("Poisson", Poisson::fromConfig, "poisson")
      .add("CosineSimilarity", CosineSimilarity::fromConfig, "cosine_similarity");

  private Losses() {}

  /**
   * The loss {@code identifier} describes: a name ("mse", "MeanSquaredError"), Keras' serialized form, or a Loss
   * (returned as it is). Custom classes registered with {@code KerasObjects} are found too.
   *
   * @throws IllegalArgumentException for null or an unknown name, listing the known ones
   */
  public static Loss get(Object identifier) {
    if (identifier == null) {
      throw new IllegalArgumentException("Could not interpret loss identifier. Expected a name such as "
          + REGISTRY.aliases() + ", a Loss or a serialized config. Received: null");
    }
    return REGISTRY.get(identifier);
  }

  /** The registry of loss classes, for tests and tools. */
  public static Registry<Loss> registry() {
    return REGISTRY;
  }
}
