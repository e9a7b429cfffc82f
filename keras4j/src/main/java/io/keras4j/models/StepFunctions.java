package io.keras4j.models;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import io.keras4j.metrics.Mean;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The train, test and predict functions of a compiled model, each traced once into one graph and run in one
 * engine call per step (or per group of {@code steps_per_execution} steps).
 *
 * <p>Keras equivalent: {@code make_train_function}, {@code make_test_function} and
 * {@code make_predict_function} of keras/src/backend/tensorflow/trainer.py, with {@code train_step},
 * {@code test_step}, {@code predict_step} and {@code compute_loss}. The data arrays are fed whole; each step
 * gathers its batch's rows from a permutation (training) or a range (test, predict) given by an offset and a
 * size, so no batch is copied on the Java side.
 */
final class StepFunctions implements AutoCloseable {
  private final Model model;
  private final Optimizer optimizer;
  private final CompileLoss loss;
  private final CompileMetrics metrics;
  private final Mean lossTracker = new Mean("loss");
  /** Keras' per-output loss trackers ({@code <output>_loss}) when there are several losses; null entries skipped. */
  private List<Mean> outputLossTrackers;
  private List<Tensor> outputLosses;
  private final Map<Integer, TracedFunction> trainFns = new HashMap<>();
  private ComputeGraph graph;
  private List<Shape> xShapes;
  private List<Shape> yShapes;
  private TracedFunction testFn;
  private TracedFunction resultsFn;
  private TracedFunction predictFn;
  private List<Shape> testSignature;
  private List<Shape> predictSignature;

  StepFunctions(Model model, Optimizer optimizer, CompileLoss loss, CompileMetrics metrics) {
    this.model = model;
    this.optimizer = optimizer;
    this.loss = loss;
    this.metrics = metrics;
  }

  private ComputeGraph graph() {
    if (graph == null) {
      graph = Backend.newGraph();
    }
    return graph;
  }

  /**
   * The per-sample shapes of the inputs and targets: a function traced for one signature serves every batch size,
   * and is traced again for another (an input with None axes fed images of another size).
   */
  private static List<Shape> signature(List<Shape> xs, List<Shape> ys) {
    List<Shape> sig = new ArrayList<>();
    for (Shape s : xs) {
      sig.add(s.with(0, Shape.UNKNOWN));
    }
    sig.add(null); // separates inputs from targets
    for (Shape s : ys) {
      sig.add(s.with(0, Shape.UNKNOWN));
    }
    return java.util.Collections.unmodifiableList(sig);
  }

  private static List<Tensor> placeholders(Ops ops, List<Shape> shapes) {
    List<Tensor> out = new ArrayList<>();
    for (Shape s : shapes) {
      out.add(ops.placeholder("float32", s.with(0, Shape.UNKNOWN)));
    }
    return out;
  }

  private static List<Tensor> rows(Ops ops, List<Tensor> data, Tensor idx) {
    List<Tensor> out = new ArrayList<>();
    for (Tensor d : data) {
      out.add(ops.take(d, idx, 0));
    }
    return out;
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

  /** The total loss: the compiled losses, the weights' regularization and the losses layers added. */
  private Tensor computeLoss(Ops ops, List<Tensor> ys, List<Tensor> outs, Tensor sw) {
    List<Tensor> perOutput = loss.callPerOutput(ops, ys, outs, sw, model.name());
    Tensor total = perOutput.get(0);
    outputLosses = perOutput.subList(1, perOutput.size());
    for (Tensor r : model.regularizationLosses()) {
      total = ops.add(total, r);
    }
    for (Tensor r : Backend.takeLosses()) {
      total = ops.add(total, ops.sum(r, null, false));
    }
    return total;
  }

  private List<Tensor> metricUpdates(Ops ops, Tensor total, List<Tensor> ys, List<Tensor> outs, Tensor sw,
      Tensor size) {
    List<Tensor> updates = new ArrayList<>(lossTracker.update(total, ops.cast(size, "float32")));
    updates.addAll(metrics.updateState(ys, outs, sw));
    List<Mean> trackers = outputLossTrackers();
    for (int o = 0; o < trackers.size(); o++) {
      if (trackers.get(o) != null) {
        // Keras 3.15.1 (TensorFlow) weighs each batch's per-output loss 1, not by its size as the total: measured
        updates.addAll(trackers.get(o).update(outputLosses.get(o), ops.constant(1f)));
      }
    }
    return updates;
  }

  private List<Tensor> results(Ops ops, List<Tensor> deps) {
    return ops.withControlDependencies(deps, () -> {
      List<Tensor> r = new ArrayList<>();
      r.add(lossTracker.result());
      r.addAll(metrics.result());
      for (Mean m : outputLossTrackers()) {
        if (m != null) {
          r.add(m.result());
        }
      }
      return r;
    });
  }

  /** Sets the data shapes the train functions are traced for (the first fit's; later fits reuse the traces). */
  void trainShapes(List<Shape> xShapes, List<Shape> yShapes) {
    if (this.xShapes != null && !(signature(xShapes, yShapes).equals(signature(this.xShapes, this.yShapes)))) {
      trainFns.clear(); // traced for other sample shapes (an input with None axes): trace again, as Keras retraces
    }
    this.xShapes = List.copyOf(xShapes);
    this.yShapes = List.copyOf(yShapes);
    metrics.build(model.outputs(), yShapes);
  }

  /**
   * The train function running {@code k} steps per call: feeds are the inputs, targets, sample weights, the
   * permutation, then {@code k} offsets and {@code k} sizes; each step gathers its batch from the permutation
   * and runs after the previous step's updates (Keras' {@code steps_per_execution}).
   */
  TracedFunction train(int k) {
    TracedFunction fn = trainFns.get(k);
    if (fn != null) {
      return fn;
    }
    List<Variable> trainable = model.trainableWeights();
    fn = graph().trace(() -> {
      Ops ops = Backend.ops();
      List<Tensor> x = placeholders(ops, xShapes);
      List<Tensor> y = placeholders(ops, yShapes);
      Tensor sw = ops.placeholder("float32", Shape.of(-1));
      Tensor perm = ops.placeholder("int32", Shape.of(-1));
      Tensor offsets = ops.placeholder("int32", Shape.of(k));
      Tensor sizes = ops.placeholder("int32", Shape.of(k));
      List<Tensor> deps = List.of();
      for (int step = 0; step < k; step++) {
        final int s = step;
        Supplier<List<Tensor>> body = () -> {
          Tensor size = ops.reshape(ops.slice(sizes, new int[] {s}, new int[] {1}));
          Tensor idx = ops.slice(perm, ops.slice(offsets, new int[] {s}, new int[] {1}),
              ops.slice(sizes, new int[] {s}, new int[] {1}));
          return trainStep(ops, rows(ops, x, idx), rows(ops, y, idx), ops.take(sw, idx, 0), size, trainable);
        };
        deps = step == 0 ? body.get() : ops.withControlDependencies(deps, body);
      }
      return results(ops, deps);
    });
    trainFns.put(k, fn);
    return fn;
  }

  /** One step's forward pass, loss, gradients, optimizer and metric updates (Keras' {@code train_step}). */
  private List<Tensor> trainStep(Ops ops, List<Tensor> xb, List<Tensor> ys, Tensor swb, Tensor size,
      List<Variable> trainable) {
    Backend.takeLosses();
    List<Tensor> outs = model.applyAll(xb, true);
    Tensor total = computeLoss(ops, ys, outs, swb);
    List<Tensor> reads = new ArrayList<>();
    for (Variable v : trainable) {
      reads.add(ops.read(v));
    }
    List<Tensor> updates = new ArrayList<>();
    if (!trainable.isEmpty()) {
      // Keras' train_step differentiates optimizer.scale_loss(loss); the tracker keeps the unscaled loss
      updates.addAll(optimizer.applyGradients(ops.gradients(optimizer.scaleLoss(ops, total), reads), trainable));
    }
    updates.addAll(metricUpdates(ops, total, ys, outs, swb, size));
    return updates;
  }

  /** The test function: feeds are the inputs, targets, sample weights, then an offset and a size (scalars). */
  TracedFunction test(DataAdapter data) {
    List<Shape> xShapes = data.xShapes();
    List<Shape> yShapes = data.yShapes();
    List<Shape> sig = signature(xShapes, yShapes);
    if (testFn != null && sig.equals(testSignature)) {
      return testFn;
    }
    testSignature = sig;
    metrics.build(model.outputs(), yShapes);
    testFn = graph().trace(() -> {
      Ops ops = Backend.ops();
      List<Tensor> x = placeholders(ops, xShapes);
      List<Tensor> y = placeholders(ops, yShapes);
      Tensor sw = ops.placeholder("float32", Shape.of(-1));
      Tensor offset = ops.placeholder("int32", Shape.scalar());
      Tensor size = ops.placeholder("int32", Shape.scalar());
      Tensor idx = ops.range(offset, ops.add(offset, size));
      List<Tensor> ys = rows(ops, y, idx);
      Tensor swb = ops.take(sw, idx, 0);
      Backend.takeLosses();
      List<Tensor> outs = model.applyAll(rows(ops, x, idx), false);
      Tensor total = computeLoss(ops, ys, outs, swb);
      return results(ops, metricUpdates(ops, total, ys, outs, swb, size));
    });
    return testFn;
  }

  /** The predict function: feeds are the inputs, then an offset and a size (scalars); returns every output. */
  TracedFunction predict(DataAdapter data) {
    List<Shape> xShapes = data.xShapes();
    List<Shape> sig = signature(xShapes, List.of());
    if (predictFn != null && sig.equals(predictSignature)) {
      return predictFn;
    }
    predictSignature = sig;
    predictFn = graph().trace(() -> {
      Ops ops = Backend.ops();
      List<Tensor> x = placeholders(ops, xShapes);
      Tensor offset = ops.placeholder("int32", Shape.scalar());
      Tensor size = ops.placeholder("int32", Shape.scalar());
      Tensor idx = ops.range(offset, ops.add(offset, size));
      List<Tensor> outs = model.applyAll(rows(ops, x, idx), false);
      Backend.takeLosses();
      return outs;
    });
    return predictFn;
  }

  /** Runs {@code fn} on {@code feeds}; returns the running logs, or null without fetching when not {@code fetch}. */
  Map<String, Double> run(TracedFunction fn, List<NativeArray> feeds, boolean fetch) {
    if (fetch) {
      return logs(fn.call(feeds));
    }
    fn.call(feeds, new int[0]).forEach(NativeArray::close);
    return null;
  }

  /** The loss and metrics accumulated since the last reset (Keras' {@code get_metrics_result}). */
  Map<String, Double> currentLogs() {
    if (resultsFn == null) {
      resultsFn = graph().trace(() -> results(Backend.ops(), List.of()));
    }
    return logs(resultsFn.call(List.of()));
  }

  private Map<String, Double> logs(List<NativeArray> results) {
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put("loss", (double) results.get(0).getFloat(0));
    List<String> names = new ArrayList<>(metrics.names());
    for (Mean m : outputLossTrackers()) {
      if (m != null) {
        names.add(m.name());
      }
    }
    for (int i = 0; i < names.size(); i++) {
      logs.put(names.get(i), (double) results.get(i + 1).getFloat(0));
    }
    results.forEach(NativeArray::close);
    return logs;
  }

  /** Resets the loss tracker and the metrics (Keras' {@code reset_metrics}). */
  void resetMetrics() {
    lossTracker.resetState();
    metrics.resetState();
    for (Mean m : outputLossTrackers()) {
      if (m != null) {
        m.resetState();
      }
    }
  }

  @Override
  public void close() {
    if (graph != null) {
      graph.close();
      graph = null;
    }
    trainFns.clear();
    testFn = null;
    resultsFn = null;
    predictFn = null;
  }
}
