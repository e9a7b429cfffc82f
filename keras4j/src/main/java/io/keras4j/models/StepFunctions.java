package io.keras4j.models;

import io.keras4j.backend.Backend;
import io.keras4j.backend.BatchHint;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.metrics.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The train, test and predict functions of a compiled model, each traced once per sample shapes and per weighting
 * (sample weights fed or not) into one graph, and run in one engine call per step (or per group of
 * {@code steps_per_execution} steps).
 *
 * <p>Keras equivalent: {@code make_train_function}, {@code make_test_function} and
 * {@code make_predict_function} of keras/src/backend/tensorflow/trainer.py; the steps they trace are the model's
 * ({@link Model#trainStep}, by default {@link DefaultSteps}'). The data arrays are fed whole; each step
 * gathers its batch's rows from a permutation (training) or a range (test, predict) given by an offset and a
 * size, so no batch is copied on the Java side.
 */
final class StepFunctions implements AutoCloseable {
  private final Model model;
  private final CompileMetrics metrics;
  /** The train functions by what they are traced for and by steps per call. */
  private final Map<TrainKey, TracedFunction> trainFns = new HashMap<>();
  /** The train functions of any number of steps per call (one engine loop), by what they are traced for. */
  private final Map<TrainData, TracedFunction> loopFns = new HashMap<>();
  /** The same functions, to know one at each run. */
  private final Set<TracedFunction> loopSet = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Whether the engine has no loop for this model's step: unrolled functions per count. */
  private boolean loopRefused;
  /** The names of each traced function's outputs, the keys of the logs its step returned. */
  private final Map<TracedFunction, List<String>> logNames = new java.util.IdentityHashMap<>();
  private ComputeGraph graph;
  /** The test functions by the per-sample shapes and whether they are fed sample weights. */
  private final Map<TrainData, TracedFunction> testFns = new HashMap<>();
  private TracedFunction resultsFn;
  /** The predict functions by the per-sample shapes of the inputs and the number of batches they run per call. */
  private final Map<PredictKey, TracedFunction> predictFns = new HashMap<>();

  StepFunctions(Model model, CompileMetrics metrics) {
    this.model = model;
    this.metrics = metrics;
  }

  private ComputeGraph graph() {
    if (graph == null) {
      graph = Backend.newGraph();
    }
    return graph;
  }

  private static List<Tensor> placeholders(Ops ops, List<Shape> shapes) {
    List<Tensor> out = new ArrayList<>();
    for (Shape s : shapes) {
      out.add(ops.placeholder("float32", s.with(0, Shape.UNKNOWN)));
    }
    return out;
  }

  /**
   * Rows {@code offset} to {@code offset + size - 1} of arrays: slices along the batch axis, which TensorFlow hands out
   * without copying the rows (a gather of the same rows copies them); the other axes keep their static sizes. The
   * offset and size as vectors are made once for all the arrays of a step.
   */
  private record RowSlices(Ops ops, Tensor offset, Tensor size) {
    static RowSlices of(Ops ops, Tensor offset, Tensor size) {
      return new RowSlices(ops, ops.reshape(offset, 1), ops.reshape(size, 1));
    }

    List<Tensor> of(List<Tensor> data) {
      List<Tensor> out = new ArrayList<>();
      for (Tensor d : data) {
        out.add(of(d));
      }
      return out;
    }

    Tensor of(Tensor d) {
      int inner = d.shape().rank() - 1;
      if (inner == 0) {
        return ops.slice(d, offset, size);
      }
      int[] sizes = new int[inner];
      for (int i = 0; i < inner; i++) {
        sizes[i] = (int) d.shape().get(i + 1); // -1 where unknown: to the end of that axis
      }
      Tensor begin = ops.concatenate(List.of(offset, ops.constant(new int[inner], Shape.of(inner))), 0);
      Tensor extent = ops.concatenate(List.of(size, ops.constant(sizes, Shape.of(inner))), 0);
      return ops.slice(d, begin, extent);
    }
  }

  private static List<Tensor> rows(Ops ops, List<Tensor> data, Tensor idx) {
    List<Tensor> out = new ArrayList<>();
    for (Tensor d : data) {
      out.add(ops.take(d, idx, 0));
    }
    return out;
  }

  /**
   * What a train or test function is traced for: the per-sample shapes of the inputs and the targets (batch axes
   * made unknown), and whether it is fed sample weights. Like a {@code tf.function}'s input signature, each is traced
   * once and kept, so calls of other shapes (an input with None axes) or weighting, even nested in a callback, each
   * find their own: a function traced for one serves every batch size.
   */
  record TrainData(List<Shape> xShapes, List<Shape> yShapes, boolean weighted) {
    TrainData {
      xShapes = anyBatch(xShapes);
      yShapes = anyBatch(yShapes);
    }
  }

  private record TrainKey(TrainData data, int steps) {}

  private record PredictKey(List<Shape> xShapes, int batches) {}

  /** What {@code fit} or {@code trainOnBatch} on data of these shapes and weighting trains with; builds the metrics. */
  TrainData trainData(List<Shape> xShapes, List<Shape> yShapes, boolean weighted) {
    metrics.build(model.outputs(), yShapes);
    return new TrainData(xShapes, yShapes, weighted);
  }

  private static List<Shape> anyBatch(List<Shape> shapes) {
    return shapes.stream().map(s -> s.with(0, Shape.UNKNOWN)).toList();
  }

  /**
   * The train function of {@code data} running {@code k} steps per call: feeds are the inputs, targets, sample
   * weights (when weighted; Keras' steps get {@code sample_weight=None} otherwise), the permutation, then {@code k}
   * offsets and {@code k} sizes; each step gathers its batch from the permutation and runs {@link Model#trainStep}
   * after the previous step's updates (Keras' {@code steps_per_execution}); the last step's logs are the outputs. With
   * {@code k > 1} the step is traced once (per {@code data}) into the engine's loop, whose count is the number of
   * offsets fed ({@link Ops#repeat(Tensor, java.util.function.Function)}), so one function serves every group size,
   * a single step included once it exists; an engine without such a loop gets one unrolled function per {@code k}
   * instead.
   */
  TracedFunction train(TrainData data, int k) {
    return train(data, k, false);
  }

  /**
   * The train function of {@code data} running {@code k} steps per call, the engine loop for any {@code k} when
   * {@code inLoop} (a fit at {@code steps_per_execution > 1} whose first function loops), so that a shape first seen
   * in a call of one step is not traced once more for its later groups.
   */
  TracedFunction train(TrainData data, int k, boolean inLoop) {
    TracedFunction loop = loopFns.get(data);
    if (loop == null && (k > 1 || inLoop)) {
      loop = loopFn(data);
    }
    if (loop != null) {
      return loop;
    }
    TrainKey key = new TrainKey(data, k);
    TracedFunction fn = trainFns.get(key);
    if (fn == null) {
      fn = traceTrain(data, k);
      trainFns.put(key, fn);
    }
    return fn;
  }

  /** The train function of any number of steps in one engine loop, traced now if needed; null when refused. */
  private TracedFunction loopFn(TrainData data) {
    TracedFunction fn = loopFns.get(data);
    if (fn == null && !loopRefused) {
      try {
        fn = traceTrain(data, -1);
        loopFns.put(data, fn);
        loopSet.add(fn);
      } catch (UnsupportedOperationException e) {
        loopRefused = true; // an engine without a loop of its own: unrolled functions per count
      }
    }
    return fn;
  }

  /**
   * Traces the train function {@code fit} will run first, before its loop starts (building the optimizer's and the
   * metrics' variables): the engine loop when {@code stepsPerExecution > 1} and the engine has one, else one step.
   */
  void prepareTrain(TrainData data, int stepsPerExecution) {
    if (stepsPerExecution == 1 || loopFn(data) == null) {
      train(data, 1);
    }
  }

  /** Whether the train functions of {@code data} run any number of steps per call in one engine loop. */
  boolean loops(TrainData data) {
    return loopFns.containsKey(data);
  }

  /** Traces the train function of {@code data} and {@code k} steps, or of the fed number of steps when -1. */
  private TracedFunction traceTrain(TrainData data, int k) {
    List<String> names = new ArrayList<>();
    TracedFunction fn = graph().trace(() -> {
      Ops ops = Backend.ops();
      List<Tensor> x = placeholders(ops, data.xShapes());
      List<Tensor> y = placeholders(ops, data.yShapes());
      Tensor sw = data.weighted() ? ops.placeholder("float32", Shape.of(-1)) : null;
      Tensor perm = ops.placeholder("int32", Shape.of(-1));
      Tensor offsets = ops.placeholder("int32", Shape.of(k));
      Tensor sizes = ops.placeholder("int32", Shape.of(k));
      java.util.function.Function<Tensor, List<Tensor>> step = at0 -> {
        Ops inner = Backend.ops();
        Tensor at = inner.reshape(at0, 1);
        Tensor one = inner.constant(new int[] {1}, Shape.of(1));
        Tensor idx = inner.slice(perm, inner.slice(offsets, at, one), inner.slice(sizes, at, one));
        Backend.takeLosses();
        Map<String, Tensor> logs = model.trainStep(new StepData(rows(inner, x, idx), rows(inner, y, idx),
            sw == null ? null : inner.take(sw, idx, 0)));
        names.clear();
        return outputs(logs, names);
      };
      return k < 0 ? ops.repeat(ops.dimension(offsets, 0), step) : ops.repeat(k, step);
    });
    logNames.put(fn, names);
    return fn;
  }

  /** The values of a step's logs, their names into {@code names}. */
  private List<Tensor> outputs(Map<String, Tensor> logs, List<String> names) {
    if (logs == null) {
      throw new IllegalStateException("The step of model '" + model.name() + "' returned null; expected its logs, "
          + "a map from names to scalar tensors such as Map.of(\"loss\", lossTracker.result())");
    }
    names.addAll(logs.keySet());
    return new ArrayList<>(logs.values());
  }

  /**
   * The test function: feeds are the inputs, targets, sample weights (when the data has some), then an offset and
   * a size (scalars).
   */
  TracedFunction test(TrainData key) {
    List<Shape> xShapes = key.xShapes();
    List<Shape> yShapes = key.yShapes();
    boolean weighted = key.weighted();
    TracedFunction fn = testFns.get(key);
    if (fn != null) {
      return fn;
    }
    metrics.build(model.outputs(), yShapes);
    List<String> names = new ArrayList<>();
    fn = graph().trace(() -> {
      Ops ops = Backend.ops();
      List<Tensor> x = placeholders(ops, xShapes);
      List<Tensor> y = placeholders(ops, yShapes);
      Tensor sw = weighted ? ops.placeholder("float32", Shape.of(-1)) : null;
      Tensor offset = ops.placeholder("int32", Shape.scalar());
      Tensor size = ops.placeholder("int32", Shape.scalar());
      RowSlices rows = RowSlices.of(ops, offset, size);
      Backend.takeLosses();
      return outputs(model.testStep(new StepData(rows.of(x), rows.of(y), sw == null ? null : rows.of(sw))), names);
    });
    testFns.put(key, fn);
    logNames.put(fn, names);
    return fn;
  }

  /** The predict function of one batch per call: feeds are the inputs, then an offset and a size (scalars). */
  TracedFunction predict(DataAdapter data) {
    return predict(data, 1);
  }

  /**
   * The predict function of {@code k} batches per call, which returns every output of the k batches in order, joined
   * along the batch axis. One batch: feeds are the inputs, then an offset and a size (scalars). {@code k > 1}: the
   * inputs, then k offsets and k sizes; the predict step is traced k times side by side, each on its own batch and
   * independent of the others, so the engine runs them at once on as many threads as it has.
   *
   * <p>Keras equivalent: {@code multi_step_on_data} of {@code make_predict_function} (keras/src/backend/tensorflow/
   * trainer.py), which with {@code steps_per_execution > 1} calls the predict step once per batch of the list it is
   * given, in one {@code tf.function}, and concatenates the outputs.
   */
  TracedFunction predict(DataAdapter data, int k) {
    List<Shape> xShapes = data.xShapes();
    PredictKey key = new PredictKey(anyBatch(xShapes), k); // traced per sample shapes, as Keras retraces
    TracedFunction fn = predictFns.get(key);
    if (fn == null) {
      // k copies already run side by side: each copy's recurrences run as one loop (no BatchHint)
      fn = k == 1 ? graph().trace(() -> predictOne(xShapes))
          : BatchHint.with(0, () -> graph().traceIndependent(() -> predictMany(xShapes, k)));
      predictFns.put(key, fn);
    }
    return fn;
  }

  private List<Tensor> predictOne(List<Shape> xShapes) {
    Ops ops = Backend.ops();
    List<Tensor> x = placeholders(ops, xShapes);
    Tensor offset = ops.placeholder("int32", Shape.scalar());
    Tensor size = ops.placeholder("int32", Shape.scalar());
    return predictBatch(ops, x, offset, size);
  }

  private List<Tensor> predictMany(List<Shape> xShapes, int k) {
    Ops ops = Backend.ops();
    List<Tensor> x = placeholders(ops, xShapes);
    Tensor offsets = ops.placeholder("int32", Shape.of(k));
    Tensor sizes = ops.placeholder("int32", Shape.of(k));
    List<List<Tensor>> parts = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Tensor at = ops.constant(new int[] {i}, Shape.scalar());
      Tensor offset = ops.take(offsets, at, 0);
      parts.add(predictBatch(ops, x, offset, ops.take(sizes, at, 0)));
    }
    List<Tensor> joined = new ArrayList<>();
    for (int o = 0; o < parts.get(0).size(); o++) {
      List<Tensor> pieces = new ArrayList<>();
      for (List<Tensor> p : parts) {
        pieces.add(p.get(o));
      }
      joined.add(ops.concatenate(pieces, 0));
    }
    return joined;
  }

  /** Keras' {@code predict_step} on {@code size} rows of the inputs from {@code offset}; float32 outputs. */
  private List<Tensor> predictBatch(Ops ops, List<Tensor> x, Tensor offset, Tensor size) {
    Backend.takeLosses();
    List<Tensor> outs = model.predictStep(new StepData(RowSlices.of(ops, offset, size).of(x), List.of(), null));
    Backend.takeLosses();
    // porting note: predict hands back float32 arrays (Keras: the compute dtype)
    return DefaultSteps.floats32(ops, outs);
  }

  /** Runs {@code fn} on {@code feeds}; returns the running logs, or null without fetching when not {@code fetch}. */
  Map<String, Double> run(TracedFunction fn, List<NativeArray> feeds, boolean fetch) {
    if (fetch || loopSet.contains(fn)) {
      // the loop always fetches its few scalars: one set of fetches, so TensorFlow prepares one executor for it
      Map<String, Double> logs = logs(logNames.get(fn), fn.call(feeds));
      return fetch ? logs : null;
    }
    fn.call(feeds, new int[0]).forEach(NativeArray::close);
    return null;
  }

  /** The loss and metrics accumulated since the last reset (Keras' {@code get_metrics_result}). */
  Map<String, Double> currentLogs() {
    if (resultsFn == null) {
      List<String> names = new ArrayList<>();
      resultsFn = graph().trace(() -> outputs(model.getMetricsResult(), names));
      logNames.put(resultsFn, names);
    }
    return logs(logNames.get(resultsFn), resultsFn.call(List.of()));
  }

  private static Map<String, Double> logs(List<String> names, List<NativeArray> results) {
    Map<String, Double> logs = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      logs.put(names.get(i), (double) results.get(i).getFloat(0));
    }
    results.forEach(NativeArray::close);
    return logs;
  }

  /** Resets every metric of {@link Model#metrics()} (Keras' {@code reset_metrics}). */
  void resetMetrics() {
    for (Metric m : model.metrics()) {
      m.resetState();
    }
  }

  @Override
  public void close() {
    if (graph != null) {
      graph.close();
      graph = null;
    }
    trainFns.clear();
    loopFns.clear();
    loopSet.clear();
    logNames.clear();
    testFns.clear();
    resultsFn = null;
    predictFns.clear();
  }
}
