package io.keras4j.models;

import io.keras4j.backend.Backend;
import io.keras4j.backend.GradientTape;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.Metric;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a compiled model's steps do unless the model overrides them: the default train and test steps, the loss and
 * metrics computation, the loss trackers and the metrics' results, for {@link StepFunctions} to trace.
 *
 * <p>Keras equivalent: {@code train_step} and {@code test_step} of keras/src/backend/tensorflow/trainer.py, and
 * {@code compute_loss}, {@code compute_metrics}, {@code get_metrics_result} and the {@code metrics} property of
 * keras/src/trainers/trainer.py; the per-output loss trackers are those of Keras' {@code CompileLoss}
 * (keras/src/trainers/compile_utils.py).
 */
final class DefaultSteps {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DefaultSteps.class);
  private final Model model;
  private final Optimizer optimizer;
  private final CompileLoss loss;
  private final CompileMetrics metrics;
  private final Mean lossTracker = new Mean("loss");
  /** Keras' per-output loss trackers ({@code <output>_loss}) when there are several losses; null entries skipped. */
  private List<Mean> outputLossTrackers;

  DefaultSteps(Model model, Optimizer optimizer, CompileLoss loss, CompileMetrics metrics) {
    this.model = model;
    this.optimizer = optimizer;
    this.loss = loss;
    this.metrics = metrics;
  }

  /** The names of the per-output loss trackers made so far (none before the first step or with one loss). */
  List<String> outputLossNames() {
    List<String> names = new ArrayList<>();
    if (outputLossTrackers != null) {
      for (Mean m : outputLossTrackers) {
        if (m != null) {
          names.add(m.name());
        }
      }
    }
    return names;
  }

  /** The per-output loss trackers, made once the outputs are known. */
  private List<Mean> outputLossTrackers() {
    if (outputLossTrackers == null) {
      if (model.outputs().isEmpty()) {
        return List.of();
      }
      outputLossTrackers = new ArrayList<>();
      for (String name : loss.outputLossNames(model.outputs(), model.name())) {
        outputLossTrackers.add(name == null ? null : new Mean(name));
      }
    }
    return outputLossTrackers;
  }

  /**
   * The total loss (Keras' {@code compute_loss}): the compiled losses, the weights' regularization and the losses
   * layers added in this step; updates the per-output loss trackers as Keras' {@code CompileLoss} does.
   */
  Tensor computeLoss(List<Tensor> ys, List<Tensor> predictions, Tensor sw) {
    Ops ops = Backend.ops();
    List<Tensor> outs = floats32(ops, predictions); // Keras' Loss converts y_pred to its dtype, float32
    Tensor total = null;
    List<Tensor> outputLosses = List.of();
    if (loss.any()) {
      List<Tensor> perOutput = loss.callPerOutput(ops, ys, outs, sw, model.name());
      total = perOutput.get(0);
      outputLosses = perOutput.subList(1, perOutput.size());
    }
    for (Tensor r : model.regularizationLosses()) {
      total = total == null ? r : ops.add(total, r);
    }
    for (Tensor r : Backend.takeLosses()) {
      Tensor added = ops.cast(ops.sum(r, null, false), "float32");
      total = total == null ? added : ops.add(total, added);
    }
    if (total == null) {
      throw new IllegalStateException("No loss to compute for model '" + model.name() + "': compile was given no "
          + "loss and no layer added one (add_loss). Expected a `loss` argument in `compile()`. Example: "
          + "model.compile(\"adam\", \"mse\")");
    }
    List<Mean> trackers = outputLossTrackers();
    for (int o = 0; o < trackers.size(); o++) {
      if (trackers.get(o) != null) {
        // Keras 3.15.1 (TensorFlow) weighs each batch's per-output loss 1, not by its size as the total: measured
        trackers.get(o).update(outputLosses.get(o), ops.constant(1f));
      }
    }
    return total;
  }

  /** Keras' {@code train_step}: forward pass, loss, gradients, optimizer update, metrics. */
  Map<String, Tensor> defaultTrainStep(StepData d) {
    Ops ops = Backend.ops();
    List<Tensor> outs = model.applyAll(d.xs(), true);
    Tensor total = model.computeLoss(d.xs(), d.ys(), outs, d.sampleWeight());
    lossTracker.update(total, batchSize(ops, d));
    List<Variable> trainable = model.trainableWeights();
    if (!trainable.isEmpty()) {
      // Keras' train_step differentiates optimizer.scale_loss(loss); the tracker keeps the unscaled loss
      List<Tensor> grads = new GradientTape().gradient(optimizer.scaleLoss(ops, total), trainable);
      optimizer.applyGradients(grads, trainable);
    } else {
      LOG.warn("The model '{}' does not have any trainable weights.", model.name()); // as Keras warns
    }
    return model.computeMetrics(d.xs(), d.ys(), outs, d.sampleWeight());
  }

  /** Keras' {@code test_step}: forward pass in inference mode, loss, metrics. */
  Map<String, Tensor> defaultTestStep(StepData d) {
    List<Tensor> outs = model.applyAll(d.xs(), false);
    Tensor total = model.computeLoss(d.xs(), d.ys(), outs, d.sampleWeight());
    lossTracker.update(total, batchSize(Backend.ops(), d));
    return model.computeMetrics(d.xs(), d.ys(), outs, d.sampleWeight());
  }

  /** The batch size as float32, the loss tracker's weight (Keras: {@code tf.shape(x[0])[0]}). */
  private static Tensor batchSize(Ops ops, StepData d) {
    return ops.cast(ops.dimension(d.xs().get(0), 0), "float32");
  }

  /** Keras' {@code compute_metrics}: the compiled metrics' updates, then {@link Model#getMetricsResult()}. */
  Map<String, Tensor> computeMetrics(List<Tensor> ys, List<Tensor> outs, Tensor sw) {
    if (metrics.any() && !ys.isEmpty()) {
      metrics.updateState(ys, floats32(Backend.ops(), outs), sw); // Keras' metrics convert y_pred to float32
    }
    return model.getMetricsResult();
  }

  /** {@code outs} with each floating tensor of a mixed policy's compute dtype cast to float32. */
  static List<Tensor> floats32(Ops ops, List<Tensor> outs) {
    List<Tensor> out = new java.util.ArrayList<>(outs.size());
    for (Tensor t : outs) {
      out.add(t != null && Backend.isFloat(t.dtype()) ? ops.cast(t, "float32") : t);
    }
    return out;
  }

  /** Keras' {@code metrics}: the loss tracker, the compiled metrics, the per-output loss trackers. */
  List<Metric> defaultMetrics() {
    List<Metric> out = new ArrayList<>(List.of(lossTracker));
    out.addAll(metrics.metrics());
    for (Mean m : outputLossTrackers()) {
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Keras' {@code get_metrics_result}: each metric of {@link Model#metrics()} by name, read after this step's
   * updates; the compiled metrics under their log names ("accuracy", "dense_1_accuracy", "weighted_...").
   */
  Map<String, Tensor> metricsResult() {
    return Backend.ops().afterUpdates(() -> {
      Map<String, Tensor> logs = new LinkedHashMap<>();
      List<Metric> compiled = metrics.metrics();
      for (Metric m : model.metrics()) {
        int i = indexOf(compiled, m);
        logs.put(i >= 0 ? metrics.names().get(i) : m == lossTracker ? "loss" : m.name(), m.result());
      }
      return logs;
    });
  }

  private static int indexOf(List<Metric> list, Metric m) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == m) {
        return i;
      }
    }
    return -1;
  }
}
