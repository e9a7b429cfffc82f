package io.keras4j.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@link Model#compile(CompileOptions)}, as fluent setters named after Keras' keyword arguments.
 *
 * <p>Keras equivalent: {@code model.compile(optimizer="rmsprop", loss=None, loss_weights=None, metrics=None,
 * weighted_metrics=None, steps_per_execution=1)}. As in Keras, {@code sample_weight} and {@code class_weight}
 * weight the loss and the {@code weightedMetrics}; the plain {@code metrics} ignore them.
 * <pre>{@code model.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("mse").metrics("mae"));}</pre>
 */
public final class CompileOptions {
  Object optimizer = "rmsprop";
  List<Object> losses = new ArrayList<>();
  double[] lossWeights;
  /** A flat List, a List with one entry per output, or a Map by output name (see {@link CompileMetrics}). */
  Object metrics = new ArrayList<>();
  Object weightedMetrics = new ArrayList<>();
  int stepsPerExecution = 1;
  boolean autoScaleLoss = true;

  /** Sets the optimizer by Keras name, such as "adam" (Keras' {@code optimizer=}). Default "rmsprop". */
  public CompileOptions optimizer(String optimizer) {
    this.optimizer = io.keras4j.optimizers.Optimizers.get(optimizer);
    return this;
  }

  /** Sets the optimizer (Keras' {@code optimizer=}). Default {@code RMSprop}. */
  public CompileOptions optimizer(io.keras4j.optimizers.Optimizer optimizer) {
    this.optimizer = optimizer;
    return this;
  }

  /**
   * Sets whether a model of the "mixed_float16" policy wraps its optimizer in a {@code LossScaleOptimizer}
   * (Keras' {@code auto_scale_loss=}). Default true.
   */
  public CompileOptions autoScaleLoss(boolean autoScaleLoss) {
    this.autoScaleLoss = autoScaleLoss;
    return this;
  }

  /** Sets the loss, or one per output in output order (Keras' {@code loss=}); names, Losses or null. */
  public CompileOptions loss(Object... losses) {
    this.losses = new ArrayList<>(Arrays.asList(losses));
    return this;
  }

  /** Sets each output's loss weight (Keras' {@code loss_weights=}). Default 1 each. */
  public CompileOptions lossWeights(double... weights) {
    this.lossWeights = weights.clone();
    return this;
  }

  /**
   * Sets the metrics, names or Metrics (Keras' {@code metrics=["mae", "accuracy"]}); they are computed without
   * sample or class weights. On a model of one output they all apply to it. On a model of several outputs, as in
   * Keras, a list as long as the outputs gives one metric per output ({@code metrics("mae", "accuracy")} on two
   * outputs is {@code out_a_mae} and {@code out_b_accuracy}); porting note: a list of another length applies every
   * metric to every output (Keras refuses it), and only names can serve several outputs. One List argument is
   * taken as the list itself ({@code metrics(List.of("mae", "accuracy"))}). Default none.
   */
  public CompileOptions metrics(Object... metrics) {
    this.metrics = flat(metrics);
    return this;
  }

  /**
   * Sets one list of metrics per output, in output order (Keras' {@code metrics=[["mae"], ["accuracy", "mse"]]});
   * an output's entry may be null or empty for none. Logged as {@code <output layer>_<metric>}, such as
   * {@code out_a_mae}.
   * <pre>{@code new CompileOptions().metrics(Arrays.asList(List.of("mae"), List.of("accuracy", "mse")))}</pre>
   */
  public CompileOptions metrics(List<? extends List<?>> perOutput) {
    this.metrics = perOutput(perOutput, "metrics");
    return this;
  }

  /**
   * Sets the metrics by output name (Keras' {@code metrics={"out_a": ["mae"], "out_b": ["accuracy"]}}); an output
   * left out has none. Each value is a list of metrics, or one name or Metric.
   * <pre>{@code new CompileOptions().metrics(Map.of("out_a", List.of("mae"), "out_b", List.of("accuracy")))}</pre>
   */
  public CompileOptions metrics(Map<String, ?> byOutputName) {
    this.metrics = byName(byOutputName, "metrics");
    return this;
  }

  /**
   * Sets the metrics weighted by {@code sample_weight} or {@code class_weight} in fit, evaluate and validation,
   * names or Metrics (Keras' {@code weighted_metrics=}), spread over the outputs as {@link #metrics(Object...)}. A
   * weighted metric whose name a plain metric already has is logged as {@code "weighted_" + name}, as Keras logs
   * it. Default none.
   * <pre>{@code new CompileOptions().loss("binary_crossentropy").metrics("accuracy").weightedMetrics("accuracy")}</pre>
   */
  public CompileOptions weightedMetrics(Object... metrics) {
    this.weightedMetrics = flat(metrics);
    return this;
  }

  /** Sets one list of weighted metrics per output (Keras' {@code weighted_metrics=[None, ["accuracy"]]}). */
  public CompileOptions weightedMetrics(List<? extends List<?>> perOutput) {
    this.weightedMetrics = perOutput(perOutput, "weighted_metrics");
    return this;
  }

  /** Sets the weighted metrics by output name (Keras' {@code weighted_metrics={"out_b": ["mse"]}}). */
  public CompileOptions weightedMetrics(Map<String, ?> byOutputName) {
    this.weightedMetrics = byName(byOutputName, "weighted_metrics");
    return this;
  }

  private static List<Object> flat(Object... metrics) {
    if (metrics == null) {
      return new ArrayList<>();
    }
    if (metrics.length == 1 && metrics[0] instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    return new ArrayList<>(Arrays.asList(metrics));
  }

  private static List<Object> perOutput(List<? extends List<?>> perOutput, String argument) {
    if (perOutput == null) {
      throw new IllegalArgumentException(argument + ": expected one list of metrics per output. Received: null");
    }
    List<Object> out = new ArrayList<>();
    for (List<?> metrics : perOutput) {
      out.add(metrics == null ? null : new ArrayList<>(metrics));
    }
    return out;
  }

  private static Map<String, Object> byName(Map<String, ?> byOutputName, String argument) {
    if (byOutputName == null) {
      throw new IllegalArgumentException(argument + ": expected metrics by output name. Received: null");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    byOutputName.forEach((name, metrics) -> {
      if (name == null) {
        throw new IllegalArgumentException(argument + ": expected output names as keys. Received: a null key");
      }
      out.put(name, metrics instanceof List<?> l ? new ArrayList<>(l) : metrics);
    });
    return out;
  }

  /** Sets how many batches run per execution (Keras' {@code steps_per_execution=}). Default 1. */
  public CompileOptions stepsPerExecution(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps_per_execution must be >= 1. Received: " + steps);
    }
    this.stepsPerExecution = steps;
    return this;
  }
}
