package io.keras4j.losses;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Looks up losses by Keras' names and aliases.
 *
 * <p>Keras equivalent: {@code keras.losses.get}: "mse", "binary_crossentropy", "MeanSquaredError", ...
 * <pre>{@code Loss loss = Losses.get("sparse_categorical_crossentropy");}</pre>
 */
public final class Losses {
  private static final Map<String, Supplier<Loss>> BY_NAME = new LinkedHashMap<>();

  static {
    add(BinaryCrossentropy::new, "binary_crossentropy", "BinaryCrossentropy", "bce");
    add(BinaryFocalCrossentropy::new, "binary_focal_crossentropy", "BinaryFocalCrossentropy");
    add(CategoricalCrossentropy::new, "categorical_crossentropy", "CategoricalCrossentropy");
    add(SparseCategoricalCrossentropy::new, "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy");
    add(MeanSquaredError::new, "mean_squared_error", "MeanSquaredError", "mse");
    add(MeanAbsoluteError::new, "mean_absolute_error", "MeanAbsoluteError", "mae");
    add(MeanAbsolutePercentageError::new, "mean_absolute_percentage_error", "MeanAbsolutePercentageError", "mape");
    add(MeanSquaredLogarithmicError::new, "mean_squared_logarithmic_error", "MeanSquaredLogarithmicError", "msle");
    add(Hinge::new, "hinge", "Hinge");
    add(SquaredHinge::new, "squared_hinge", "SquaredHinge");
    add(CategoricalHinge::new, "categorical_hinge", "CategoricalHinge");
    add(Huber::new, "huber", "Huber", "huber_loss");
    add(LogCosh::new, "log_cosh", "LogCosh", "logcosh");
    add(KLDivergence::new, "kl_divergence", "KLDivergence", "kld", "kullback_leibler_divergence");
    add(Poisson::new, "poisson", "Poisson");
    add(CosineSimilarity::new, "cosine_similarity", "CosineSimilarity");
  }

  private Losses() {}

  private static void add(Supplier<Loss> s, String... names) {
    for (String n : names) {
      BY_NAME.put(n, s);
    }
  }

  /** The loss named {@code identifier}, or the Loss itself. */
  public static Loss get(Object identifier) {
    if (identifier instanceof Loss l) {
      return l;
    }
    if (identifier instanceof String s) {
      Supplier<Loss> f = BY_NAME.get(s);
      if (f == null) {
        f = BY_NAME.get(s.toLowerCase(Locale.ROOT));
      }
      if (f == null) {
        throw new IllegalArgumentException("Could not interpret loss identifier: '" + s + "'. Expected one of "
            + BY_NAME.keySet());
      }
      return f.get();
    }
    throw new IllegalArgumentException("Could not interpret loss identifier. Expected a String or a Loss. Received: "
        + identifier);
  }
}
