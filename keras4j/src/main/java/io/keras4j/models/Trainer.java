package io.keras4j.models;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import io.keras4j.callbacks.History;
import io.keras4j.losses.Loss;
import io.keras4j.losses.Losses;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.Metric;
import io.keras4j.metrics.Metrics;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training engine of a compiled model: traces the train, test and predict functions once into one graph and
 * runs them batch by batch.
 *
 * <p>Keras equivalent: {@code keras.trainers.Trainer} with the TensorFlow backend's {@code train_step}. The whole
 * data set is copied once into native memory per {@code fit}; each step feeds the same arrays with the batch's
 * offset and size, and the graph gathers the batch's rows, so no Java copy is made per step.
 */
final class Trainer implements AutoCloseable {
  private final Model model;
  private final Optimizer optimizer;
  private final List<Loss> losses = new ArrayList<>();
  private final double[] lossWeights;
  private final List<Object> metricIds;
  private final int stepsPerExecution;
  private ComputeGraph graph;
  private final Map<Integer, TracedFunction> trainFns = new java.util.HashMap<>();
  private List<Shape> trainShapes;
  private TracedFunction testFn;
  private TracedFunction resultsFn;
  private TracedFunction predictFn;
  private final Mean lossTracker = new Mean("loss");
  private List<Metric> metrics;
  private List<String> metricNames;

  Trainer(Model model, CompileOptions options) {
    this.model = model;
    if (options == null) {
      this.optimizer = null;
      this.lossWeights = null;
      this.metricIds = List.of();
      this.stepsPerExecution = 1;
      return;
    }
    this.optimizer = Optimizers.get(options.optimizer);
    for (Object l : options.losses) {
      losses.add(l == null ? null : Losses.get(l));
    }
    this.lossWeights = options.lossWeights;
    this.metricIds = List.copyOf(options.metrics);
    this.stepsPerExecution = options.stepsPerExecution;
  }

  /** Keras' compile_config: the optimizer, losses and metrics as Keras 3 saves them. */
  Map<String, Object> compileConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("optimizer", io.keras4j.saving.KerasObjects.serialize(optimizer));
    List<Object> ls = new ArrayList<>();
    for (Loss l : losses) {
      ls.add(l == null ? null : lossIdentifier(l));
    }
    c.put("loss", ls.size() == 1 ? ls.get(0) : ls);
    c.put("loss_weights", lossWeights == null ? null : java.util.Arrays.stream(lossWeights).boxed().toList());
    List<Object> ms = new ArrayList<>();
    for (Object m : metricIds) {
      ms.add(m instanceof String ? m : io.keras4j.saving.KerasObjects.serialize(m));
    }
    c.put("metrics", ms.isEmpty() ? null : ms);
    c.put("weighted_metrics", null);
    c.put("run_eagerly", false);
    c.put("steps_per_execution", stepsPerExecution);
    c.put("jit_compile", false);
    return c;
  }

  private static Object lossIdentifier(Loss l) {
    boolean plain = l.getConfig().entrySet().stream().allMatch(e -> e.getKey().equals("name")
        || e.getKey().equals("reduction") && "sum_over_batch_size".equals(e.getValue())
        || e.getValue() == null || Boolean.FALSE.equals(e.getValue()) || Integer.valueOf(-1).equals(e.getValue())
        || Double.valueOf(0.0).equals(e.getValue()));
    return plain && !(l.getClass().getName().contains("$")) ? l.name() : io.keras4j.saving.KerasObjects.serialize(l);
  }

  boolean hasOptimizer() {
    return optimizer != null;
  }

  Optimizer optimizer() {
    if (optimizer == null) {
      throw new IllegalStateException("Model '" + model.name() + "' is not compiled");
    }
    return optimizer;
  }

  // ---- data ----

  private static List<HostArray> arrays(Object data, String what) {
    List<HostArray> out = new ArrayList<>();
    if (data instanceof List<?> list) {
      for (Object o : list) {
        out.add(HostArray.of(o));
      }
    } else {
      out.add(HostArray.of(data));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("Expected " + what + " data. Received: an empty list");
    }
    return out;
  }

  private static int cardinality(List<HostArray> xs, List<HostArray> ys) {
    int n = xs.get(0).length();
    boolean same = true;
    for (HostArray a : xs) {
      same &= a.length() == n;
    }
    if (ys != null) {
      for (HostArray a : ys) {
        same &= a.length() == n;
      }
    }
    if (!same) {
      StringBuilder b = new StringBuilder("Data cardinality is ambiguous. Make sure all arrays contain the same "
          + "number of samples. 'x' sizes:");
      xs.forEach(a -> b.append(' ').append(a.length()));
      if (ys != null) {
        b.append(" 'y' sizes:");
        ys.forEach(a -> b.append(' ').append(a.length()));
      }
      throw new IllegalArgumentException(b.toString());
    }
    return n;
  }

  /** Makes sure the model has its graph and that {@code xs} fit its inputs. */
  private void checkInputs(List<HostArray> xs) {
    if (model.inputs().isEmpty()) {
      model.buildFor(xs.get(0).shape());
    }
    List<KerasTensor> ins = model.inputs();
    if (xs.size() != ins.size()) {
      throw new IllegalArgumentException("Model '" + model.name() + "' expects " + ins.size() + " input(s), but it "
          + "received " + xs.size() + " input arrays.");
    }
    for (int i = 0; i < ins.size(); i++) {
      Shape expected = ins.get(i).shape();
      Shape actual = xs.get(i).shape();
      if (!expected.withoutBatch().isCompatibleWith(actual.withoutBatch())) {
        String layer = ((io.keras4j.layers.Layer) ins.get(i).layer()).name();
        throw new IllegalArgumentException("Input " + i + " of model \"" + model.name() + "\" (input layer \"" + layer
            + "\") is incompatible: expected shape=" + expected + ", found shape=" + actual.with(0, -1)
            + " (" + actual.get(0) + " samples)");
      }
    }
  }

  private static NativeArray toNative(HostArray a) {
    return Backend.array(a.values(), a.shape());
  }

  private static List<NativeArray> toNative(List<HostArray> as) {
    List<NativeArray> out = new ArrayList<>();
    for (HostArray a : as) {
      out.add(toNative(a));
    }
    return out;
  }

  private static void closeAll(List<NativeArray> as) {
    for (NativeArray a : as) {
      a.close();
    }
  }

  // ---- graph functions ----

  private ComputeGraph graph() {
    if (graph == null) {
      graph = Backend.newGraph();
    }
    return graph;
  }

  private List<Tensor> placeholders(Ops ops, List<Shape> shapes) {
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

  private void resolveMetrics(List<Shape> yShapes) {
    if (metrics != null) {
      return;
    }
    metrics = new ArrayList<>();
    metricNames = new ArrayList<>();
    List<KerasTensor> outs = model.outputs();
    for (int o = 0; o < outs.size(); o++) {
      for (Object id : metricIds) {
        Metric m = Metrics.get(id, yShapes.get(o), outs.get(o).shape());
        if (outs.size() > 1 && id instanceof Metric && o > 0) {
          throw new IllegalArgumentException("A Metric object can serve one output only; pass metric names for "
              + "multi-output models");
        }
        metrics.add(m);
        metricNames.add(outs.size() > 1 ? outputName(o) + "_" + m.name() : m.name());
      }
    }
  }

  private String outputName(int o) {
    return ((io.keras4j.layers.Layer) model.outputs().get(o).layer()).name();
  }

  private Loss lossFor(int output) {
    if (losses.isEmpty()) {
      throw new IllegalStateException("Model '" + model.name() + "' was compiled without a loss; fit and evaluate "
          + "need one. Example: model.compile(\"adam\", \"mse\")");
    }
    if (losses.size() == 1) {
      return losses.get(0);
    }
    if (losses.size() != model.outputs().size()) {
      throw new IllegalArgumentException("Model '" + model.name() + "' has " + model.outputs().size()
          + " outputs but " + losses.size() + " losses were given");
    }
    return losses.get(output);
  }

  /** The total loss: weighted output losses, weight regularization and added losses. */
  private Tensor totalLoss(Ops ops, List<Tensor> ys, List<Tensor> outs, Tensor sw) {
    Tensor total = ops.constant(0f);
    for (int o = 0; o < outs.size(); o++) {
      Loss l = lossFor(o);
      if (l == null) {
        continue;
      }
      Tensor v = l.apply(ys.get(o), outs.get(o), sw);
      double w = lossWeights == null ? 1.0 : lossWeights[o];
      total = ops.add(total, w == 1.0 ? v : ops.multiply(v, (float) w));
    }
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
    int per = metricIds.size();
    for (int i = 0; i < metrics.size(); i++) {
      int o = per == 0 ? 0 : i / per;
      updates.addAll(metrics.get(i).updateState(ys.get(o), outs.get(o), sw));
    }
    return updates;
  }

  private List<Tensor> results(Ops ops, List<Tensor> deps) {
    return ops.withControlDependencies(deps, () -> {
      List<Tensor> r = new ArrayList<>();
      r.add(lossTracker.result());
      for (Metric m : metrics) {
        r.add(m.result());
      }
      return r;
    });
  }

  /**
   * The train function running {@code k} steps per call: each step slices its batch from the permutation with its
   * own offset and size, and runs after the previous step's updates (Keras' {@code steps_per_execution}).
   */
  private TracedFunction trainFunction(int k, List<Shape> xShapes, List<Shape> yShapes) {
    TracedFunction fn = trainFns.get(k);
    if (fn != null) {
      return fn;
    }
    resolveMetrics(yShapes);
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
        java.util.function.Supplier<List<Tensor>> body = () -> {
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

  /** One step's forward pass, loss, gradients, optimizer and metric updates; returns the updates. */
  private List<Tensor> trainStep(Ops ops, List<Tensor> xb, List<Tensor> ys, Tensor swb, Tensor size,
      List<Variable> trainable) {
    Backend.takeLosses();
    List<Tensor> outs = model.applyAll(xb, true);
    Tensor total = totalLoss(ops, ys, outs, swb);
    List<Tensor> reads = new ArrayList<>();
    for (Variable v : trainable) {
      reads.add(ops.read(v));
    }
    List<Tensor> updates = new ArrayList<>();
    if (!trainable.isEmpty()) {
      updates.addAll(optimizer.applyGradients(ops.gradients(total, reads), trainable));
    }
    updates.addAll(metricUpdates(ops, total, ys, outs, swb, size));
    return updates;
  }

  private void ensureTestFunction(List<Shape> xShapes, List<Shape> yShapes) {
    if (testFn != null) {
      return;
    }
    resolveMetrics(yShapes);
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
      Tensor total = totalLoss(ops, ys, outs, swb);
      return results(ops, metricUpdates(ops, total, ys, outs, swb, size));
    });
  }

  private void ensurePredictFunction(List<Shape> xShapes) {
    if (predictFn != null) {
      return;
    }
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
  }

  private static List<Shape> shapes(List<HostArray> as) {
    List<Shape> s = new ArrayList<>();
    for (HostArray a : as) {
      s.add(a.shape());
    }
    return s;
  }

  private void resetMetrics() {
    lossTracker.resetState();
    if (metrics != null) {
      for (Metric m : metrics) {
        m.resetState();
      }
    }
  }

  private Map<String, Double> logs(List<NativeArray> results) {
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put("loss", (double) results.get(0).getFloat(0));
    for (int i = 0; i < metricNames.size(); i++) {
      logs.put(metricNames.get(i), (double) results.get(i + 1).getFloat(0));
    }
    closeAll(results);
    return logs;
  }

  // ---- loops ----

  History fit(Object x, Object y, FitOptions o) {
    List<HostArray> xs = arrays(x, "x");
    List<HostArray> ys = arrays(y, "y");
    int n = cardinality(xs, ys);
    float[] sw = sampleWeights(n, o.sampleWeight, o.classWeight, ys.get(0));
    List<HostArray> vx = null;
    List<HostArray> vy = null;
    float[] vsw = null;
    if (o.validationX instanceof io.keras4j.data.Dataset) {
      throw new IllegalArgumentException("A streamed validation Dataset needs a streamed training Dataset; pass "
          + "validation arrays with validationData(x, y) instead");
    }
    if (o.validationX != null) {
      vx = arrays(o.validationX, "validation x");
      vy = arrays(o.validationY, "validation y");
      int vn = cardinality(vx, vy);
      vsw = sampleWeights(vn, o.validationSampleWeight, null, vy.get(0));
    } else if (o.validationSplit > 0) {
      int split = (int) Math.floor(n * (1 - o.validationSplit));
      if (split == 0 || split == n) {
        throw new IllegalArgumentException("validation_split=" + o.validationSplit + " leaves no training or no "
            + "validation samples out of " + n);
      }
      vx = slice(xs, split, n);
      vy = slice(ys, split, n);
      vsw = java.util.Arrays.copyOfRange(sw, split, n);
      xs = slice(xs, 0, split);
      ys = slice(ys, 0, split);
      sw = java.util.Arrays.copyOfRange(sw, 0, split);
      n = split;
    }
    checkInputs(xs);
    trainShapes = new ArrayList<>(shapes(xs));
    trainShapes.addAll(shapes(ys));
    trainFunction(1, shapes(xs), shapes(ys));
    return new FitLoop(this, model, o).run(xs, ys, sw, n, vx, vy, vsw);
  }

  History fit(io.keras4j.data.Dataset dataset, FitOptions o) {
    if (dataset.length() <= 0) {
      throw new IllegalArgumentException("The dataset has no batches (length() = " + dataset.length() + ")");
    }
    io.keras4j.data.Dataset.Batch first = dataset.get(0);
    checkInputs(first.x());
    trainShapes = new ArrayList<>(shapes(first.x()));
    trainShapes.addAll(shapes(first.y()));
    trainFunction(1, shapes(first.x()), shapes(first.y()));
    return new FitLoop(this, model, o).run(dataset);
  }

  /** One training step on a streamed batch; returns the running logs. */
  Map<String, Double> trainBatch(io.keras4j.data.Dataset.Batch b) {
    checkInputs(b.x());
    int n = cardinality(b.x(), b.y());
    List<NativeArray> feeds = new ArrayList<>(toNative(b.x()));
    feeds.addAll(toNative(b.y()));
    float[] sw = b.sampleWeight() != null ? b.sampleWeight() : sampleWeights(n, null, null, b.y().get(0));
    feeds.add(Backend.array(sw, Shape.of(n)));
    feeds.add(Backend.array(io.keras4j.data.Split.identity(n), Shape.of(n)));
    feeds.add(Backend.array(new int[] {0}, Shape.of(1)));
    feeds.add(Backend.array(new int[] {n}, Shape.of(1)));
    try {
      return trainSteps(1, feeds);
    } finally {
      closeAll(feeds);
    }
  }

  Map<String, Double> evaluate(io.keras4j.data.Dataset dataset) {
    Map<String, Double> logs = new LinkedHashMap<>();
    boolean reset = true;
    for (int i = 0; i < dataset.length(); i++) {
      io.keras4j.data.Dataset.Batch b = dataset.get(i);
      int n = cardinality(b.x(), b.y());
      float[] sw = b.sampleWeight() != null ? b.sampleWeight() : sampleWeights(n, null, null, b.y().get(0));
      logs = evaluateArrays(b.x(), b.y(), sw, n, reset);
      reset = false;
    }
    return logs;
  }

  private static List<HostArray> slice(List<HostArray> as, int from, int to) {
    List<HostArray> out = new ArrayList<>();
    for (HostArray a : as) {
      out.add(a.rows(from, to));
    }
    return out;
  }

  /** Per-sample weights: sample_weight times class_weight of each label (ones when neither is given). */
  static float[] sampleWeights(int n, Object sampleWeight, Map<Integer, Double> classWeight, HostArray y) {
    float[] w = new float[n];
    java.util.Arrays.fill(w, 1f);
    if (sampleWeight != null) {
      HostArray s = HostArray.of(sampleWeight);
      if (s.values().length != n) {
        throw new IllegalArgumentException("sample_weight has " + s.values().length + " values; expected one per "
            + "sample (" + n + ")");
      }
      System.arraycopy(s.values(), 0, w, 0, n);
    }
    if (classWeight != null) {
      int row = (int) (y.shape().size() / Math.max(1, n));
      for (int i = 0; i < n; i++) {
        int cls = row == 1 ? Math.round(y.values()[i]) : argmax(y.values(), i * row, row);
        Double cw = classWeight.get(cls);
        if (cw == null) {
          throw new IllegalArgumentException("class_weight has no weight for class " + cls + ". Received classes: "
              + classWeight.keySet());
        }
        w[i] *= cw.floatValue();
      }
    }
    return w;
  }

  private static int argmax(float[] v, int from, int len) {
    int best = 0;
    for (int i = 1; i < len; i++) {
      if (v[from + i] > v[from + best]) {
        best = i;
      }
    }
    return best;
  }

  /** Runs {@code k} training steps without fetching anything (when no callback reads batch logs). */
  void trainStepsQuietly(int k, List<NativeArray> feeds) {
    int nx = model.inputs().size();
    closeAll(trainFunction(k, trainShapes.subList(0, nx), trainShapes.subList(nx, trainShapes.size()))
        .call(feeds, new int[0]));
  }

  /** The loss and metrics accumulated so far in this epoch. */
  Map<String, Double> currentLogs() {
    if (resultsFn == null) {
      resultsFn = graph().trace(() -> results(Backend.ops(), List.of()));
    }
    return logs(resultsFn.call(List.of()));
  }

  /**
   * Runs {@code k} training steps on feeds prepared by the fit loop (data, sample weights, permutation, then
   * offsets and sizes of length k); returns the running logs.
   */
  Map<String, Double> trainSteps(int k, List<NativeArray> feeds) {
    int nx = model.inputs().size();
    List<Shape> xShapes = trainShapes.subList(0, nx);
    List<Shape> yShapes = trainShapes.subList(nx, trainShapes.size());
    return logs(trainFunction(k, xShapes, yShapes).call(feeds));
  }

  void resetState() {
    resetMetrics();
  }

  int stepsPerExecution() {
    return stepsPerExecution;
  }

  Map<String, Double> evaluate(Object x, Object y, Object sampleWeight, int batchSize) {
    List<HostArray> xs = arrays(x, "x");
    List<HostArray> ys = arrays(y, "y");
    int n = cardinality(xs, ys);
    return evaluateArrays(xs, ys, sampleWeights(n, sampleWeight, null, ys.get(0)), batchSize);
  }

  Map<String, Double> evaluateArrays(List<HostArray> xs, List<HostArray> ys, float[] sw, int batchSize) {
    return evaluateArrays(xs, ys, sw, batchSize, true);
  }

  /** Evaluates the arrays; {@code reset} false accumulates on the metrics' current state. */
  Map<String, Double> evaluateArrays(List<HostArray> xs, List<HostArray> ys, float[] sw, int batchSize,
      boolean reset) {
    checkInputs(xs);
    ensureTestFunction(shapes(xs), shapes(ys));
    int n = xs.get(0).length();
    List<NativeArray> data = new ArrayList<>(toNative(xs));
    data.addAll(toNative(ys));
    data.add(Backend.array(sw, Shape.of(n)));
    if (reset) {
      resetMetrics();
    }
    Map<String, Double> logs = new LinkedHashMap<>();
    try (NativeArray offset = Backend.scalar(0); NativeArray size = Backend.scalar(0)) {
      List<NativeArray> feeds = new ArrayList<>(data);
      feeds.add(offset);
      feeds.add(size);
      for (int start = 0; start < n; start += batchSize) {
        offset.setInt(start);
        size.setInt(Math.min(batchSize, n - start));
        logs = logs(testFn.call(feeds));
      }
    } finally {
      closeAll(data);
    }
    return logs;
  }

  Map<String, Double> trainOnBatch(Object x, Object y) {
    List<HostArray> xs = arrays(x, "x");
    List<HostArray> ys = arrays(y, "y");
    int n = cardinality(xs, ys);
    checkInputs(xs);
    trainShapes = new ArrayList<>(shapes(xs));
    trainShapes.addAll(shapes(ys));
    resetMetrics();
    int[] perm = io.keras4j.data.Split.identity(n);
    List<NativeArray> feeds = new ArrayList<>(toNative(xs));
    feeds.addAll(toNative(ys));
    feeds.add(Backend.array(sampleWeights(n, null, null, ys.get(0)), Shape.of(n)));
    feeds.add(Backend.array(perm, Shape.of(n)));
    feeds.add(Backend.array(new int[] {0}, Shape.of(1)));
    feeds.add(Backend.array(new int[] {n}, Shape.of(1)));
    try {
      return trainSteps(1, feeds);
    } finally {
      closeAll(feeds);
    }
  }

  List<HostArray> predict(Object x, int batchSize) {
    List<HostArray> xs = arrays(x, "x");
    int n = cardinality(xs, null);
    checkInputs(xs);
    ensurePredictFunction(shapes(xs));
    List<KerasTensor> outs = model.outputs();
    List<float[]> buffers = new ArrayList<>();
    List<Shape> outShapes = new ArrayList<>();
    for (KerasTensor o : outs) {
      Shape s = o.shape().with(0, n);
      if (!s.isFullyDefined()) {
        throw new IllegalStateException("Output shape " + o.shape() + " of model '" + model.name()
            + "' is not fully defined");
      }
      outShapes.add(s);
      buffers.add(new float[(int) s.size()]);
    }
    List<NativeArray> data = toNative(xs);
    try (NativeArray offset = Backend.scalar(0); NativeArray size = Backend.scalar(0)) {
      List<NativeArray> feeds = new ArrayList<>(data);
      feeds.add(offset);
      feeds.add(size);
      for (int start = 0; start < n; start += batchSize) {
        int len = Math.min(batchSize, n - start);
        offset.setInt(start);
        size.setInt(len);
        List<NativeArray> res = predictFn.call(feeds);
        for (int o = 0; o < res.size(); o++) {
          int row = (int) (res.get(o).shape().size() / len);
          res.get(o).copyTo(buffers.get(o), start * row);
        }
        closeAll(res);
      }
    } finally {
      closeAll(data);
    }
    List<HostArray> result = new ArrayList<>();
    for (int o = 0; o < outs.size(); o++) {
      result.add(new HostArray(buffers.get(o), outShapes.get(o)));
    }
    return result;
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
