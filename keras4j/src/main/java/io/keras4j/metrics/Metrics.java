package io.keras4j.metrics;

import io.keras4j.backend.Shape;
import java.util.List;
import java.util.Locale;

/**
 * Looks up metrics by Keras' names, resolving "accuracy" from the loss and shapes as Keras' compile does.
 *
 * <p>Keras equivalent: {@code keras.metrics.get} and {@code compile_utils.get_metric}.
 */
public final class Metrics {
  private static final List<String> NAMES = List.of("accuracy", "acc", "binary_accuracy", "categorical_accuracy",
      "sparse_categorical_accuracy", "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy", "auc",
      "precision", "recall", "mse", "mean_squared_error", "mae", "mean_absolute_error");

  private Metrics() {}

  /**
   * The metric named {@code identifier}; "accuracy" becomes binary, sparse categorical or categorical accuracy
   * from the shapes of y_true and y_pred (batch included), as Keras decides.
   */
  public static Metric get(Object identifier, Shape yTrue, Shape yPred) {
    if (identifier instanceof Metric m) {
      return m;
    }
    if (!(identifier instanceof String s)) {
      throw new IllegalArgumentException("Could not interpret metric identifier. Expected a String or a Metric. "
          + "Received: " + identifier);
    }
    String n = s.toLowerCase(Locale.ROOT);
    return switch (n) {
      case "accuracy", "acc" -> accuracy(s, yTrue, yPred);
      case "binary_accuracy" -> new BinaryAccuracy();
      case "categorical_accuracy" -> new CategoricalAccuracy();
      case "sparse_categorical_accuracy" -> new SparseCategoricalAccuracy();
      case "top_k_categorical_accuracy" -> new TopKCategoricalAccuracy();
      case "sparse_top_k_categorical_accuracy" -> new SparseTopKCategoricalAccuracy();
      case "auc" -> new AUC();
      case "precision" -> new Precision();
      case "recall" -> new Recall();
      case "mse", "mean_squared_error" -> new MeanSquaredError(s);
      case "mae", "mean_absolute_error" -> new MeanAbsoluteError(s);
      default -> throw new IllegalArgumentException("Could not interpret metric identifier: '" + s
          + "'. Expected one of " + NAMES);
    };
  }

  private static Metric accuracy(String name, Shape yTrue, Shape yPred) {
    boolean binary = yPred.get(-1) == 1;
    boolean sparse = yTrue.rank() < yPred.rank() || (yTrue.get(-1) == 1 && yPred.get(-1) > 1);
    Metric m = binary ? new BinaryAccuracy() : sparse ? new SparseCategoricalAccuracy() : new CategoricalAccuracy();
    return m.name(name);
  }
}
