package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.losses.Loss;
import io.keras4j.losses.Losses;
import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The weighted mean over all samples of a per-sample function of (y_true, y_pred), for custom metrics.
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanMetricWrapper(fn, name=None, dtype=None)}, named
 * "mean_metric_wrapper" by default. {@code fn} is a Java function, or a Keras function by name: a loss function
 * ("mean_squared_error", "binary_crossentropy", ...) or "accuracy", "binary_accuracy", "categorical_accuracy",
 * "sparse_categorical_accuracy"; only a named one is written to the config (Keras' serialized function). keras4j's
 * own per-sample metrics (accuracies, errors) extend {@link BaseMean} directly.
 * <pre>{@code
 * new MeanMetricWrapper("max_error", (t, p) -> ops.max(ops.abs(ops.subtract(p, t)), new int[] {-1}, false))
 * new MeanMetricWrapper("mean_squared_error")
 * }</pre>
 */
public class MeanMetricWrapper extends BaseMean<MeanMetricWrapper> {
  private static final List<String> ACCURACIES =
      List.of("accuracy", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy");
  private final BiFunction<Tensor, Tensor, Tensor> fn;
  private final String fnName;

  /** The mean of {@code fn(y_true, y_pred)}, named {@code name}. */
  public MeanMetricWrapper(String name, BiFunction<Tensor, Tensor, Tensor> fn) {
    super(name);
    this.fn = fn;
    this.fnName = null;
  }

  /**
   * The mean of Keras' function {@code fn} ("mean_squared_error", "keras.losses.mean_squared_error", "accuracy",
   * ...), named "mean_metric_wrapper" (Keras' {@code MeanMetricWrapper(fn=keras.losses.mean_squared_error)}).
   *
   * @throws IllegalArgumentException for a name that is no Keras loss or accuracy function
   */
  public MeanMetricWrapper(String fn) {
    super("mean_metric_wrapper");
    this.fnName = fn.substring(fn.lastIndexOf('.') + 1);
    this.fn = function(fnName);
  }

  private static BiFunction<Tensor, Tensor, Tensor> function(String name) {
    switch (name) {
      case "accuracy":
        return MetricFunctions::accuracy;
      case "binary_accuracy":
        return (t, p) -> MetricFunctions.binaryAccuracy(t, p, 0.5);
      case "categorical_accuracy":
        return MetricFunctions::categoricalAccuracy;
      case "sparse_categorical_accuracy":
        return MetricFunctions::sparseCategoricalAccuracy;
      default:
        if (name.isEmpty() || !Character.isLowerCase(name.charAt(0)) || !Losses.registry().aliases().contains(name)) {
          throw new IllegalArgumentException("MeanMetricWrapper: fn should be a Keras loss function or one of "
              + ACCURACIES + ". Received: fn=" + name);
        }
        Loss loss = Losses.get(name);
        return (t, p) -> MetricFunctions.lossValues(loss, t, p);
    }
  }

  /** Keras' name of the function, or null for a Java function. */
  public String fnName() {
    return fnName;
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(fn.apply(yTrue, yPred), withMaskOf(yPred, sampleWeight));
  }

  /**
   * Keras' config: name, dtype and {@code fn} as Keras serializes a function. Porting note: a Java function has no
   * serialized form; its {@code fn} is null.
   */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    if (fnName == null) {
      c.put("fn", null);
      return c;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("module", "builtins");
    f.put("class_name", "function");
    f.put("config", fnName);
    f.put("registered_name", "function");
    c.put("fn", f);
    return c;
  }

  /** The metric of Keras' config: {@code fn} a serialized Keras function or its name. */
  public static MeanMetricWrapper fromConfig(Map<String, Object> config) {
    Config c = new Config("MeanMetricWrapper", config);
    Object fn = c.get("fn");
    if (fn instanceof Map<?, ?> m && m.get("config") instanceof String s) {
      fn = s;
    }
    if (!(fn instanceof String name)) {
      throw new IllegalArgumentException("MeanMetricWrapper config: `fn` should name a Keras function. Received: fn="
          + fn);
    }
    return withBaseConfig(new MeanMetricWrapper(name), c);
  }
}
