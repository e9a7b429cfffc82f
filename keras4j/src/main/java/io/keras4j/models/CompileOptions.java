package io.keras4j.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
  List<Object> metrics = new ArrayList<>();
  List<Object> weightedMetrics = new ArrayList<>();
  int stepsPerExecution = 1;

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
   * Sets the metrics, names or Metrics, applied to every output (Keras' {@code metrics=}); they are computed
   * without sample or class weights. Default none.
   */
  public CompileOptions metrics(Object... metrics) {
    this.metrics = new ArrayList<>(Arrays.asList(metrics));
    return this;
  }

  /**
   * Sets the metrics weighted by {@code sample_weight} or {@code class_weight} in fit, evaluate and validation,
   * names or Metrics, applied to every output (Keras' {@code weighted_metrics=}). A weighted metric whose name a
   * plain metric already has is logged as {@code "weighted_" + name}, as Keras logs it. Default none.
   * <pre>{@code new CompileOptions().loss("binary_crossentropy").metrics("accuracy").weightedMetrics("accuracy")}</pre>
   */
  public CompileOptions weightedMetrics(Object... metrics) {
    this.weightedMetrics = new ArrayList<>(Arrays.asList(metrics));
    return this;
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
