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
      .add("TruePositives", TruePositives::fromConfig, "true_positives")
      .add("FalsePositives", FalsePositives::fromConfig, "false_positives")
      .add("TrueNegatives", TrueNegatives::fromConfig, "true_negatives")
      .add("FalseNegatives", FalseNegatives::fromConfig, "false_negatives")
      .add("F1Score", F1Score::fromConfig, "f1_score")
      .add("FBetaScore", FBetaScore::fromConfig, "f_beta_score")
      .add("MeanSquaredError", MeanSquaredError::fromConfig, "mean_squared_error", "mse")
      .add("MeanAbsoluteError", MeanAbsoluteError::fromConfig, "mean_absolute_error", "mae")
      .add("RootMeanSquaredError", RootMeanSquaredError::fromConfig, "root_mean_squared_error")
      .add("R2Score", R2Score::fromConfig, "r2_score")
      .add("MeanAbsolutePercentageError", MeanAbsolutePercentageError::fromConfig, "mean_absolute_percentage_error",
          "mape")
      .add("MeanSquaredLogarithmicError", MeanSquaredLogarithmicError::fromConfig, "mean_squared_logarithmic_error",
          "msle")
      .add("CosineSimilarity", CosineSimilarity::fromConfig, "cosine_similarity")
      .add("LogCoshError", LogCoshError::fromConfig, "log_cosh_error")
      .add("KLDivergence", KLDivergence::fromConfig, "kl_divergence")
      .add("Poisson", Poisson::fromConfig, "poisson")
      .add("BinaryCrossentropy", BinaryCrossentropy::fromConfig, "binary_crossentropy", "bce")
      .add("CategoricalCrossentropy", CategoricalCrossentropy::fromConfig, "categorical_crossentropy")
      .add("SparseCategoricalCrossentropy", SparseCategoricalCrossentropy::fromConfig,
          "sparse_categorical_crossentropy")
      .add("Hinge", Hinge::fromConfig, "hinge")
      .add("SquaredHinge", SquaredHinge::fromConfig, "squared_hinge")
      .add("CategoricalHinge", CategoricalHinge::fromConfig, "categorical_hinge")
      .add("IoU", IoU::fromConfig, "io_u")
      .add("MeanIoU", MeanIoU::fromConfig, "mean_io_u")
      .add("BinaryIoU", BinaryIoU::fromConfig, "binary_io_u")
      .add("OneHotIoU", OneHotIoU::fromConfig, "one_hot_io_u")
      .add("OneHotMeanIoU", OneHotMeanIoU::fromConfig, "one_hot_mean_io_u")
      .add("PrecisionAtRecall", PrecisionAtRecall::fromConfig, "precision_at_recall")
      .add("RecallAtPrecision", RecallAtPrecision::fromConfig, "recall_at_precision")
      .add("SensitivityAtSpecificity", SensitivityAtSpecificity::fromConfig, "sensitivity_at_specificity")
      .add("SpecificityAtSensitivity", SpecificityAtSensitivity::fromConfig, "specificity_at_sensitivity")
      .add("PearsonCorrelation", PearsonCorrelation::fromConfig, "pearson_correlation")
      .add("ConcordanceCorrelation", ConcordanceCorrelation::fromConfig, "concordance_correlation")
      .add("MeanMetricWrapper", MeanMetricWrapper::fromConfig, "mean_metric_wrapper")
      .add("Mean", Mean::fromConfig, "mean")
      .add("Sum", Sum::fromConfig, "sum");

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
