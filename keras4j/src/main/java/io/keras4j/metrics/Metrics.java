package io.keras4j.metrics;

import io.keras4j.backend.Shape;
import io.keras4j.saving.Registry;
import java.util.Locale;

/**
 * Looks up metrics by Keras' names and reads their configs, resolving "accuracy" from the loss and shapes as
 * Keras' compile does.
 *
 * <p>Keras equivalent: {@code keras.metrics.get}, {@code keras.metrics.deserialize} and
 * {@code compile_utils.get_metric}. A metric given by name is named by it in the logs ("mse" logs as "mse").
 * <pre>{@code Metric m = Metrics.get("auc");}</pre>
 */
public final class Metrics {
  private static final Registry<Metric> REGISTRY = new Registry<>("keras.metrics", "metric", Metric.class)
      .add("Accuracy", Accuracy::fromConfig, "accuracy", "acc")
      .add("BinaryAccuracy", BinaryAccuracy::fromConfig, "binary_accuracy")
      .add("CategoricalAccuracy", CategoricalAccuracy::fromConfig, "categorical_accuracy")
      .add("SparseCategoricalAccuracy", SparseCategoricalAccuracy::fromConfig, "sparse_categorical_accuracy")
      .add("TopKCategoricalAccuracy", TopKCategoricalAccuracy::fromConfig, "top_k_categorical_accuracy")
      .add("SparseTopKCategoricalAccuracy", SparseTopKCategoricalAccuracy::fromConfig,
          "sparse_top_k_categorical_accuracy")
      .add("AUC", AUC::fromConfig, "auc")
      .add("Precision", Precision::fromConfig, "precision")
      .add("Recall", Recall::fromConfig, "recall")
      .add("MeanSquaredError", MeanSquaredError::fromConfig, "mean_squared_error", "mse")
      .add("MeanAbsoluteError", MeanAbsoluteError::fromConfig, "mean_absolute_error", "mae")
      .add("Mean", Mean::fromConfig, "mean");

  private Metrics() {}

  /**
   * The metric {@code identifier} describes: a name ("auc", "AUC", "mse"), Keras' serialized form, or a Metric
   * (returned as it is). "accuracy" here is Keras' exact-match {@link Accuracy}; compile picks the right accuracy
   * with {@link #get(Object, Shape, Shape)}.
   *
   * @throws IllegalArgumentException for null or an unknown name, listing the known ones
   */
  public static Metric get(Object identifier) {
    if (identifier == null) {
      throw new IllegalArgumentException("Could not interpret metric identifier. Expected a name such as "
          + REGISTRY.aliases() + ", a Metric or a serialized config. Received: null");
    }
    Metric m = REGISTRY.get(identifier);
    return identifier instanceof String s && !REGISTRY.classNames().contains(s) ? m.name(s) : m;
  }

  /**
   * The metric {@code identifier} describes for compile; "accuracy" (or "acc") becomes binary, sparse categorical
   * or categorical accuracy from the shapes of y_true and y_pred (batch included), as Keras decides.
   */
  public static Metric get(Object identifier, Shape yTrue, Shape yPred) {
    if (identifier instanceof String s) {
      String n = s.toLowerCase(Locale.ROOT);
      if (n.equals("accuracy") || n.equals("acc")) {
        return accuracy(yTrue, yPred).name(s);
      }
    }
    return get(identifier);
  }

  private static Metric accuracy(Shape yTrue, Shape yPred) {
    boolean binary = yPred.get(-1) == 1;
    boolean sparse = yTrue.rank() < yPred.rank() || (yTrue.get(-1) == 1 && yPred.get(-1) > 1);
    return binary ? new BinaryAccuracy() : sparse ? new SparseCategoricalAccuracy() : new CategoricalAccuracy();
  }

  /** The registry of metric classes, for tests and tools. */
  public static Registry<Metric> registry() {
    return REGISTRY;
  }
}
