package io.keras4j.models;

import io.keras4j.backend.Backend;
import io.keras4j.backend.BatchHint;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.TracedFunction;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.callbacks.History;
import io.keras4j.data.Dataset;
import io.keras4j.layers.Layer;
import io.keras4j.optimizers.LossScaleOptimizer;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.Optimizers;
import io.keras4j.saving.KerasObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training state of a compiled model (optimizer, compiled losses and metrics, traced step functions) and its
 * loops: {@code fit} (through {@link FitLoop}), {@code evaluate}, {@code predict} (through {@link PredictLoop}) and
 * the single-batch methods.
 *
 * <p>Keras equivalent: {@code keras.src.trainers.trainer.Trainer} with the TensorFlow backend's
 * {@code TensorFlowTrainer} (keras/src/backend/tensorflow/trainer.py).
 */
final class Trainer implements AutoCloseable {
  private final Model model;
  private final Optimizer optimizer;
  private final CompileLoss loss;
  private final CompileMetrics metrics;
  private final int stepsPerExecution;
  final StepFunctions functions;
  /** The default steps, loss and metrics computation the functions trace unless the model overrides them. */
  final DefaultSteps steps;
  private final RunGuard guard = new RunGuard();

  /** The trainer of {@code compile(options)}, or of an uncompiled model (predict only) when options is null. */
  Trainer(Model model, CompileOptions options) {
    this.model = model;
    CompileOptions o = options != null ? options : new CompileOptions();
    this.optimizer = options == null ? null : scaled(model, o, Optimizers.get(o.optimizer));
    this.loss = new CompileLoss(o.losses, o.lossWeights);
    this.metrics = new CompileMetrics(o.metrics, o.weightedMetrics);
    this.stepsPerExecution = o.stepsPerExecution;
    this.functions = new StepFunctions(model, metrics);
    this.steps = new DefaultSteps(model, optimizer, loss, metrics);
  }

  /**
   * {@code optimizer}, wrapped in a LossScaleOptimizer named "loss_scale_optimizer" when the model's policy is
   * "mixed_float16" and {@code auto_scale_loss} holds (Keras' {@code Trainer.compile}).
   */
  private static Optimizer scaled(Model model, CompileOptions o, Optimizer optimizer) {
    if (o.autoScaleLoss && optimizer != null && "mixed_float16".equals(model.dtypePolicy().name())
        && !(optimizer instanceof LossScaleOptimizer)) {
      return new LossScaleOptimizer(optimizer).name("loss_scale_optimizer");
    }
    return optimizer;
  }

  /** Keras' compile_config: the optimizer, losses and metrics as Keras 3 saves them. */
  Map<String, Object> compileConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("optimizer", KerasObjects.serialize(optimizer));
    loss.addConfig(c);
    metrics.addConfig(c);
    c.put("run_eagerly", false);
    c.put("steps_per_execution", stepsPerExecution);
    c.put("jit_compile", false);
    return c;
  }

  /** Keras' {@code metrics_names}: the trackers' names, the compiled metrics as one "compile_metrics". */
  List<String> metricsNames() {
    if (overrides(model.getClass(), "metrics")) { // the model lists its own trackers: their names, as Keras
      return model.metrics().stream().map(m -> m.name()).toList();
    }
    List<String> names = new ArrayList<>(List.of("loss"));
    if (metrics.any()) {
      names.add("compile_metrics");
    }
    names.addAll(steps.outputLossNames());
    return names;
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

  int stepsPerExecution() {
    return stepsPerExecution;
  }

  /** Makes sure the model has its graph and that {@code xs} fit its inputs. */
  void checkInputs(List<HostArray> xs) {
    if (model.inputs().isEmpty()) {
      model.buildFor(xs.get(0).shape());
    }
    List<KerasTensor> ins = model.inputs();
    if (ins.isEmpty()) {
      return; // a subclassed model: its layers check their inputs when its step is traced
    }
    if (xs.size() != ins.size()) {
      throw new IllegalArgumentException("Model '" + model.name() + "' expects " + ins.size() + " input(s), but it "
          + "received " + xs.size() + " input arrays.");
    }
    for (int i = 0; i < ins.size(); i++) {
      Shape expected = ins.get(i).shape();
      Shape actual = xs.get(i).shape();
      if (!expected.withoutBatch().isCompatibleWith(actual.withoutBatch())) {
        String layer = ((Layer) ins.get(i).layer()).name();
        throw new IllegalArgumentException("Input " + i + " of model \"" + model.name() + "\" (input layer \"" + layer
            + "\") is incompatible: expected shape=" + expected + ", found shape=" + actual.with(0, -1)
            + " (" + actual.get(0) + " samples)");
      }
    }
  }

  /** {@link #checkInputs} and, when there are targets, that they fit the outputs and their losses. */
  void checkBatch(List<HostArray> xs, List<HostArray> ys) {
    checkInputs(xs);
    if (ys != null) {
      loss.checkTargets(ys, model.outputs(), model.name());
    }
  }

  /**
   * The targets; none when {@code y} is null and nothing reads them: the model's own {@code step} (Keras'
   * {@code fit(x)} of a VAE or a GAN that overrides {@code train_step}), or a model compiled without a loss that
   * trains on the losses its layers add. The default steps with a compiled loss need targets.
   */
  private List<HostArray> targets(Object y, String step) {
    return targets(y, step, "y");
  }

  private List<HostArray> targets(Object y, String step, String what) {
    boolean unread = overrides(model.getClass(), step, StepData.class) || !loss.any();
    return y == null && unread ? List.of() : DataAdapters.arrays(y, what);
  }

  /**
   * Whether {@code type}, a subclass of Model, overrides the method {@code method} of {@code params} that Model
   * inherits from BaseTrainer ("trainStep", "metrics").
   */
  static boolean overrides(Class<?> type, String method, Class<?>... params) {
    for (Class<?> c = type; c != null && c != Model.class; c = c.getSuperclass()) {
      try {
        c.getDeclaredMethod(method, params);
        return true;
      } catch (NoSuchMethodException e) {
        // not declared here: look in the superclass
      }
    }
    return false;
  }

  private PyDatasetAdapter adapter(Dataset dataset) {
    return new PyDatasetAdapter(dataset, this::checkBatch, null, null);
  }

  // ---- fit ----

  /** As Keras: validation_split takes the last samples (and weights); class weights weigh training samples only. */
  History fit(Object x, Object y, FitOptions o) {
    return guard.run("fit", model.name(), () -> fitArrays(x, y, o));
  }

  private History fitArrays(Object x, Object y, FitOptions o) {
    List<HostArray> xs = DataAdapters.nonEmpty(DataAdapters.arrays(x, "x"));
    List<HostArray> ys = targets(y, "trainStep");
    int n = DataAdapters.cardinality(xs, ys);
    DataAdapters.checkClassWeight(o.classWeight, o.sampleWeight != null, ys.size());
    float[] sw = DataAdapters.sampleWeights(n, o.sampleWeight);
    DataAdapter validation = validation(o);
    if (validation == null && o.validationSplit > 0) {
      int split = (int) Math.floor(n * (1 - o.validationSplit));
      if (split == 0 || split == n) {
        throw new IllegalArgumentException("validation_split=" + o.validationSplit + " leaves no training or no "
            + "validation samples out of " + n);
      }
      validation = new ArrayDataAdapter(DataAdapters.slice(xs, split, n), DataAdapters.slice(ys, split, n),
          sw == null ? null : Arrays.copyOfRange(sw, split, n), o.validationBatchSizeFor(n - split), null);
      xs = DataAdapters.slice(xs, 0, split);
      ys = DataAdapters.slice(ys, 0, split);
      sw = sw == null ? null : Arrays.copyOfRange(sw, 0, split);
    }
    if (o.classWeight != null) {
      sw = DataAdapters.classWeights(ys.get(0), o.classWeight);
    }
    checkBatch(xs, ys);
    return fitBatches(new Samples(xs, ys, sw), validation, o);
  }

  /** The training arrays of a fit: inputs, targets and per-sample weights (null for none). */
  private record Samples(List<HostArray> xs, List<HostArray> ys, float[] sw) {}

  /** The fit of arrays in batches, its functions traced with the batch's rows as {@link BatchHint}. */
  private History fitBatches(Samples s, DataAdapter validation, FitOptions o) {
    int rows = DataAdapters.cardinality(s.xs(), s.ys());
    int batchSize = FitOptions.arrayBatchSize(o.batchSize, rows, o.stepsPerEpoch);
    return BatchHint.with(Math.min(batchSize, rows), () -> {
      StepFunctions.TrainData traced = functions.trainData(DataAdapters.shapes(s.xs()), DataAdapters.shapes(s.ys()),
          s.sw() != null);
      functions.prepareTrain(traced, stepsPerExecution);
      long seed = Backend.nextSeed(); // drawn with or without shuffling, so later seeds match
      try (DataAdapter train = new ArrayDataAdapter(s.xs(), s.ys(), s.sw(), batchSize, o.shuffle ? seed : null)) {
        return new FitLoop(this, model, o).run(train, traced, validation);
      }
    });
  }

  History fit(Dataset dataset, FitOptions o) {
    return guard.run("fit", model.name(), () -> fitDataset(dataset, o));
  }

  private History fitDataset(Dataset dataset, FitOptions o) {
    if (o.validationSplit > 0 && o.validationX == null) { // as Keras: a split of arrays only
      throw new IllegalArgumentException("validation_split is only supported for arrays; received a Dataset "
          + "(validation_split=" + o.validationSplit + "). Expected the validation batches as validation_data");
    }
    if (o.sampleWeight != null) {
      throw new IllegalArgumentException("sample_weight should not be passed with a Dataset. Expected the sample "
          + "weights in its batches (Dataset.Batch.sampleWeight)");
    }
    long seed = Backend.nextSeed(); // drawn with or without shuffling, as for arrays
    try (DataAdapter train = new PyDatasetAdapter(dataset, this::checkBatch, o.classWeight, o.shuffle ? seed : null)) {
      return BatchHint.with(firstRows(train), () -> {
        StepFunctions.TrainData traced = functions.trainData(train.xShapes(), train.yShapes(), train.weighted());
        functions.prepareTrain(traced, stepsPerExecution);
        return new FitLoop(this, model, o).run(train, traced, validation(o));
      });
    }
  }

  /** The validation data of {@code validation_data=}, weighted by its sample weights only; null when none. */
  private DataAdapter validation(FitOptions o) {
    if (o.validationX instanceof Dataset d) {
      return adapter(d);
    } else if (o.validationX != null) {
      List<HostArray> vx = DataAdapters.arrays(o.validationX, "validation x");
      List<HostArray> vy = targets(o.validationY, "testStep", "validation y");
      int n = DataAdapters.cardinality(vx, vy);
      float[] vsw = DataAdapters.sampleWeights(n, o.validationSampleWeight);
      checkBatch(vx, vy);
      return new ArrayDataAdapter(vx, vy, vsw, o.validationBatchSizeFor(n), null);
    }
    return null;
  }

  // ---- evaluate ----

  Map<String, Double> evaluate(Object x, Object y, EvaluateOptions o) {
    return guard.run("evaluate", model.name(), () -> evaluateArrays(x, y, o));
  }

  private Map<String, Double> evaluateArrays(Object x, Object y, EvaluateOptions o) {
    // one walk of a nested x, as in predict: y and the weights are checked here, so what the copy refuses is x's
    List<HostArray> xs = DataAdapters.nonEmpty(DataAdapters.arrays(x, "x", false));
    List<HostArray> ys = targets(y, "testStep");
    int n = DataAdapters.cardinality(xs, ys);
    float[] sw = DataAdapters.sampleWeights(n, o.sampleWeight);
    checkBatch(xs, ys);
    int batchSize = FitOptions.arrayBatchSize(o.batchSize, n, o.steps);
    try (DataAdapter data = DataAdapters.copied(new ArrayDataAdapter(xs, ys, sw, batchSize, null), "x")) {
      return BatchHint.with(Math.min(batchSize, n),
          () -> evaluate(data, new CallbackList(o.callbacks, false, 0, model), o.steps, "steps"));
    }
  }

  Map<String, Double> evaluate(Dataset dataset, EvaluateOptions o) {
    return guard.run("evaluate", model.name(), () -> evaluateDataset(dataset, o));
  }

  private Map<String, Double> evaluateDataset(Dataset dataset, EvaluateOptions o) {
    try (DataAdapter data = adapter(dataset)) {
      return BatchHint.with(firstRows(data),
          () -> evaluate(data, new CallbackList(o.callbacks, false, 0, model), o.steps, "steps"));
    }
  }

  /** The rows of a data set's first batch (its {@link BatchHint}), or 0 when it has no inputs. */
  private static int firstRows(DataAdapter data) {
    List<Shape> x = data.xShapes();
    return x.isEmpty() || x.get(0).rank() == 0 ? 0 : (int) Math.max(0, x.get(0).get(0));
  }

  /**
   * The evaluation loop, also validation inside {@code fit} (Keras' {@code evaluate}): on_test_begin, the metrics
   * reset, each batch between on_test_batch_begin and on_test_batch_end, then on_test_end with the results; the
   * first {@code stepCount} batches when not null (Keras' {@code steps=}, or {@code validation_steps=}, the
   * {@code argument} the warning names), in whole calls of {@code steps_per_execution}.
   */
  Map<String, Double> evaluate(DataAdapter data, CallbackList callbacks, Integer stepCount, String argument) {
    StepFunctions.TrainData first = data.signature();
    TracedFunction fn = functions.test(first);
    data.reset();
    boolean batchLogs = callbacks.readsBatchLogs("test");
    callbacks.onTestBegin(new LinkedHashMap<>());
    functions.resetMetrics();
    Map<String, Double> logs = new LinkedHashMap<>();
    EpochIterator steps = new EpochIterator(data, stepCount, 1).asKeras(argument, stepsPerExecution);
    steps.beginEpoch(0);
    for (Iterator<EpochIterator.Step> it = steps.iterator(); it.hasNext(); ) {
      EpochIterator.Step step = it.next();
      callbacks.onTestBatchBegin(step.begin(), new LinkedHashMap<>());
      try (DataAdapter.Feeds feeds = data.testFeeds(step.batches()[0])) {
        // the results are fetched at the last step, or at each step when a callback reads them
        boolean last = !it.hasNext();
        // a batch of new sample shapes (a dataset's) has its own function
        TracedFunction batchFn = feeds.signature().equals(first) ? fn : functions.test(feeds.signature());
        logs = functions.run(batchFn, feeds.arrays(), batchLogs || last);
      }
      callbacks.onTestBatchEnd(step.end(), logs);
    }
    steps.endEpoch();
    callbacks.onTestEnd(logs);
    return logs;
  }

  // ---- predict ----

  /** Every output for each sample of {@code x}, or of its first {@code steps} batches (Keras' {@code predict}). */
  List<HostArray> predict(Object x, PredictOptions o) {
    return guard.run("predict", model.name(), () -> new PredictLoop(this, model).run(x, o));
  }

  // ---- single batches ----

  /** One training step on one batch, the metrics reset first (Keras' {@code train_on_batch}). */
  Map<String, Double> trainOnBatch(Object x, Object y) {
    return guard.run("train_on_batch", model.name(), () -> trainBatch(x, y));
  }

  private Map<String, Double> trainBatch(Object x, Object y) {
    List<HostArray> xs = DataAdapters.nonEmpty(DataAdapters.arrays(x, "x"));
    List<HostArray> ys = targets(y, "trainStep");
    int n = DataAdapters.cardinality(xs, ys);
    checkBatch(xs, ys);
    StepFunctions.TrainData traced = functions.trainData(DataAdapters.shapes(xs), DataAdapters.shapes(ys), false);
    functions.resetMetrics();
    try (ArrayDataAdapter data = new ArrayDataAdapter(xs, ys, null, Math.max(1, n), null);
        DataAdapter.Feeds feeds = data.feeds(new int[] {0})) {
      return functions.run(BatchHint.with(n, () -> functions.train(traced, 1)), feeds.arrays(), true);
    }
  }

  @Override
  public void close() {
    functions.close();
  }
}
