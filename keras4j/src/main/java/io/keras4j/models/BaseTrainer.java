package io.keras4j.models;

import io.keras4j.backend.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Layer;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training half of every {@link Model}: {@code compile}, {@code fit}, {@code evaluate}, {@code predict}, the
 * {@code *_on_batch} methods and the overridable steps.
 *
 * <p>Keras equivalent: {@code keras.src.trainers.trainer.Trainer}, which Keras' {@code Model} inherits beside
 * {@code Layer}. Porting note: Java has one superclass, so the chain is {@code Layer}, {@code BaseTrainer},
 * {@code Model}; use {@link Model} (or {@link Sequential}), never this class directly. The engine that traces and
 * runs the steps is the package's {@code Trainer}.
 */
public abstract sealed class BaseTrainer extends Layer implements AutoCloseable permits Model {
  private Trainer trainer;
  private boolean closed;
  private boolean stopTraining;
  private Integer resumeEpoch;

  BaseTrainer() {}

  /** This trainer as the model it is (the only subclass). */
  private Model model() {
    return (Model) this;
  }

  /** Configures training (Keras' {@code compile(optimizer, loss, metrics)}); loss and metrics names or objects. */
  public void compile(String optimizer, Object loss, Object... metrics) {
    compile(new CompileOptions().optimizer(optimizer).loss(loss).metrics(metrics));
  }

  /** Configures training with an optimizer object (Keras' {@code compile(optimizer, loss, metrics)}). */
  public void compile(Optimizer optimizer, Object loss, Object... metrics) {
    compile(new CompileOptions().optimizer(optimizer).loss(loss).metrics(metrics));
  }

  /** Configures training with every option of Keras' {@code compile}. */
  public void compile(CompileOptions options) {
    if (trainer != null) {
      trainer.close();
    }
    trainer = new Trainer(model(), options);
    closed = false;
    io.keras4j.backend.Backend.engine().prepareTraining(); // a loaded model's engine deferred it
  }

  /** True after {@code compile}. */
  public boolean compiled() {
    return trainer != null;
  }

  /** Keras' compile_config of this model, or null when it is not compiled. */
  public Map<String, Object> compileConfig() {
    return trainer == null || !trainer.hasOptimizer() ? null : trainer.compileConfig();
  }

  /** The compiled optimizer. */
  public Optimizer optimizer() {
    return compiledTrainer("optimizer").optimizer();
  }

  Trainer compiledTrainer(String what) {
    if (trainer == null) {
      throw new IllegalStateException((closed ? "Model '" + name() + "' was closed, which released its compiled "
          + "graph; compile it again before using `" + what + "`." : "You must call `compile()` before using `"
          + what + "` on model '" + name() + "'.") + " Example: model.compile(\"adam\", \"mse\")");
    }
    return trainer;
  }

  /**
   * Trains for {@code epochs} with batches of {@code batchSize} (Keras' {@code fit(x, y, epochs=..., batch_size=...)}).
   * {@code x} and {@code y} are each an {@link NDArray}, a Java array of any rank, a TensorFlow Java NdArray, or a
   * list of those for several inputs or outputs. A {@code batchSize} of 0 is the default, 32, as Keras reads it as
   * None.
   *
   * <p>Porting note: the arguments follow the lecture's keyword order ({@code epochs=10, batch_size=32}), not
   * Keras' positional order {@code fit(x, y, batch_size, epochs)}; {@link FitOptions} names each one.
   */
  public History fit(Object x, Object y, int epochs, int batchSize) {
    return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
  }

  /** Trains with every option of Keras' {@code fit}. */
  public History fit(Object x, Object y, FitOptions options) {
    return compiledTrainer("fit").fit(x, y, options);
  }

  /**
   * Trains on batches streamed from {@code dataset} (Keras' {@code fit(PyDataset)}); the batches and their sample
   * weights come from the dataset ({@code batchSize} is not used; {@code validationSplit} and {@code sampleWeight}
   * are refused, as in Keras), the other options apply: {@code shuffle} (default true) reads the batches of each epoch
   * in a new order, as Keras shuffles a {@code PyDataset}'s batch indices.
   */
  public History fit(io.keras4j.data.Dataset dataset, FitOptions options) {
    return compiledTrainer("fit").fit(dataset, options);
  }

  /** Loss and metrics over every batch of {@code dataset} (Keras' {@code evaluate(PyDataset)}). */
  public Map<String, Double> evaluate(io.keras4j.data.Dataset dataset) {
    return evaluate(dataset, new EvaluateOptions());
  }

  /** Loss and metrics over {@code dataset} (Keras' {@code evaluate(PyDataset, steps=, callbacks=)}). */
  public Map<String, Double> evaluate(io.keras4j.data.Dataset dataset, EvaluateOptions options) {
    return compiledTrainer("evaluate").evaluate(dataset, options);
  }

  /**
   * Loss and metrics on {@code x, y} (Keras' {@code evaluate}), batch size 32; each an {@link NDArray}, a Java
   * array, an NdArray or a list of those.
   */
  public Map<String, Double> evaluate(Object x, Object y) {
    return evaluate(x, y, new EvaluateOptions());
  }

  /** Loss and metrics on {@code x, y} with batches of {@code batchSize} (0: the default, 32, as in Keras). */
  public Map<String, Double> evaluate(Object x, Object y, int batchSize) {
    return evaluate(x, y, new EvaluateOptions().batchSize(batchSize));
  }

  /** Loss and metrics with sample weights (Keras' {@code evaluate(x, y, sample_weight=)}). */
  public Map<String, Double> evaluate(Object x, Object y, Object sampleWeight, int batchSize) {
    return evaluate(x, y, new EvaluateOptions().sampleWeight(sampleWeight).batchSize(batchSize));
  }

  /** Loss and metrics on {@code x, y} with every option of Keras' {@code evaluate}. */
  public Map<String, Double> evaluate(Object x, Object y, EvaluateOptions o) {
    return compiledTrainer("evaluate").evaluate(x, y, o);
  }

  /**
   * The output for each sample of {@code x}, shape {@code (samples, ...output dims)}, batch size 32 (Keras'
   * {@code predict(x)}).
   * <pre>{@code float[][] probabilities = model.predict(xTest).toFloat2D();}</pre>
   *
   * <p>{@code x} is an {@link NDArray}, a Java array of any rank, a TensorFlow Java NdArray, or a
   * list of those for several inputs.
   *
   * @throws IllegalStateException when the model has several outputs: {@link #predictOutputs(Object)} returns them
   */
  public NDArray predict(Object x) {
    return predict(x, new PredictOptions());
  }

  /**
   * The output for each sample, with batches of {@code batchSize} (Keras' {@code predict(x, batch_size=)}); 0 is
   * the default, 32, as Keras reads it as None.
   */
  public NDArray predict(Object x, int batchSize) {
    return predict(x, new PredictOptions().batchSize(batchSize));
  }

  /**
   * The output for each sample, or for the samples of the first {@code steps} batches, with every option of Keras'
   * {@code predict}.
   */
  public NDArray predict(Object x, PredictOptions o) {
    int outputs = model().outputs().size();
    if (outputs > 1) {
      throw new IllegalStateException("Model '" + name() + "' has " + outputs + " outputs; predictOutputs(x) "
          + "returns each of them (Keras' predict returns a list)");
    }
    return predictOutputs(x, o).get(0);
  }

  /**
   * Every output, each of shape {@code (samples, ...output dims)}, batch size 32 (Keras' {@code predict(x)} on a
   * model with several outputs, which returns a list).
   */
  public List<NDArray> predictOutputs(Object x) {
    return predictOutputs(x, new PredictOptions());
  }

  /** Every output, with batches of {@code batchSize} (0: the default, 32, as in Keras). */
  public List<NDArray> predictOutputs(Object x, int batchSize) {
    return predictOutputs(x, new PredictOptions().batchSize(batchSize));
  }

  /**
   * Every output, for each sample or for those of the first {@code steps} batches, with every option of Keras'
   * {@code predict}.
   */
  public List<NDArray> predictOutputs(Object x, PredictOptions o) {
    return trainerForInference().predict(x, o).stream()
        .map(NDArray::of).toList();
  }

  /** One gradient step on a batch; returns the loss and metrics (Keras' {@code train_on_batch}). */
  public Map<String, Double> trainOnBatch(Object x, Object y) {
    return compiledTrainer("train_on_batch").trainOnBatch(x, y);
  }

  /** Loss and metrics of one batch (Keras' {@code test_on_batch}). */
  public Map<String, Double> testOnBatch(Object x, Object y) {
    return compiledTrainer("test_on_batch").evaluate(x, y, new EvaluateOptions().batchSize(Integer.MAX_VALUE));
  }

  /** Predictions for one batch (Keras' {@code predict_on_batch}). */
  public NDArray predictOnBatch(Object x) {
    return predict(x, Integer.MAX_VALUE);
  }

  private Trainer trainerForInference() {
    if (trainer == null) {
      trainer = new Trainer(model(), null);
    }
    return trainer;
  }

  // ---- overridable steps (Keras' train_step, test_step, predict_step); see CustomStepTest ----

  /**
   * One training step, traced into the train function and run at every batch of {@code fit} and
   * {@code trainOnBatch} (Keras' {@code train_step(self, data)}); returns the logs shown by the progress bar and kept
   * in History, from names to scalar tensors. Override it for a VAE, a GAN, or any step {@code fit} does not do:
   * <pre>{@code
   * protected Map<String, Tensor> trainStep(StepData data) {
   *   Tensor yPred = apply(data.x(), true);
   *   Tensor loss = computeLoss(data.x(), data.y(), yPred, data.sampleWeight());
   *   List<Tensor> grads = new GradientTape().gradient(loss, trainableWeights());
   *   optimizer().applyGradients(grads, trainableWeights());
   *   return computeMetrics(data.x(), data.y(), yPred, data.sampleWeight());
   * }
   * }</pre>
   * The default is Keras': forward pass, {@link #computeLoss}, the loss tracker, gradients of the optimizer's
   * scaled loss, {@code apply_gradients}, {@link #computeMetrics}. Porting note: it runs while the step is traced
   * (as Keras' step inside {@code tf.function}): once per sample shapes and per weighting ({@code data.sampleWeight()}
   * null or not), so Java code in it runs at trace time, not at each batch.
   */
  protected Map<String, Tensor> trainStep(StepData data) {
    return compiledTrainer("train_step").steps.defaultTrainStep(data);
  }

  /**
   * One evaluation step, traced into the test function of {@code evaluate} and validation (Keras'
   * {@code test_step(self, data)}); the default is the forward pass in inference mode, the loss and the metrics.
   */
  protected Map<String, Tensor> testStep(StepData data) {
    return compiledTrainer("test_step").steps.defaultTestStep(data);
  }

  /** One prediction step (Keras' {@code predict_step(self, data)}): by default the model's outputs on data.xs(). */
  protected List<Tensor> predictStep(StepData data) {
    return applyAll(data.xs(), false);
  }

  /**
   * The total loss of a batch (Keras' {@code compute_loss(x, y, y_pred, sample_weight)}): the compiled losses, the
   * weights' regularization losses and the losses layers added with {@code add_loss} during this step.
   */
  public Tensor computeLoss(List<Tensor> x, List<Tensor> y, List<Tensor> yPred, Tensor sampleWeight) {
    return compiledTrainer("compute_loss").steps.computeLoss(y, yPred, sampleWeight);
  }

  /** {@link #computeLoss(List, List, List, Tensor)} for a model of one input and one output. */
  public Tensor computeLoss(Tensor x, Tensor y, Tensor yPred, Tensor sampleWeight) {
    return computeLoss(x == null ? List.of() : List.of(x), List.of(y), List.of(yPred), sampleWeight);
  }

  /**
   * The losses of this step so far (Keras' {@code model.losses}): the weights' regularization losses and the losses
   * layers added with {@link Layer#addLoss} during this step's trace; {@link #computeLoss} already adds them.
   */
  public List<Tensor> losses() {
    List<Tensor> out = new ArrayList<>(regularizationLosses());
    out.addAll(io.keras4j.backend.Backend.currentLosses());
    return out;
  }

  /**
   * Updates the compiled metrics and returns every metric's result (Keras' {@code compute_metrics(x, y, y_pred,
   * sample_weight)}).
   */
  public Map<String, Tensor> computeMetrics(List<Tensor> x, List<Tensor> y, List<Tensor> yPred,
      Tensor sampleWeight) {
    return compiledTrainer("compute_metrics").steps.computeMetrics(y, yPred, sampleWeight);
  }

  /** {@link #computeMetrics(List, List, List, Tensor)} for a model of one input and one output. */
  public Map<String, Tensor> computeMetrics(Tensor x, Tensor y, Tensor yPred, Tensor sampleWeight) {
    return computeMetrics(x == null ? List.of() : List.of(x), List.of(y), List.of(yPred), sampleWeight);
  }

  /**
   * Each metric of {@link #metrics()} by name, read after this step's updates (Keras' {@code get_metrics_result}).
   */
  public Map<String, Tensor> getMetricsResult() {
    return compiledTrainer("get_metrics_result").steps.metricsResult();
  }

  /**
   * The metrics Keras resets at the start of each epoch and of {@code evaluate} (Keras' {@code model.metrics}): the
   * loss tracker, the compiled metrics and the per-output loss trackers. A model with its own trackers overrides it,
   * as Keras' guide says ("list your metrics in the metrics property"):
   * <pre>{@code
   * private final Mean lossTracker = new Mean("loss");
   * public List<Metric> metrics() { return List.of(lossTracker); }
   * }</pre>
   * Porting note: Java has no attribute tracking, so a tracker not listed here is neither reset nor shown by
   * {@link #getMetricsResult()}; Keras' single {@code compile_metrics} entry is listed as its metrics.
   */
  public List<io.keras4j.metrics.Metric> metrics() {
    return trainer == null ? List.of() : trainer.steps.defaultMetrics();
  }

  /** Resets every metric of {@link #metrics()} (Keras' {@code reset_metrics}). */
  public void resetMetrics() {
    for (io.keras4j.metrics.Metric m : metrics()) {
      m.resetState();
    }
  }

  /** Engine use: asks {@code fit} to stop after the current batch (Keras' {@code model.stop_training = True}). */
  public void stopTraining(boolean stop) {
    this.stopTraining = stop;
  }

  public boolean stopTraining() {
    return stopTraining;
  }

  /** Engine use: asks the running {@code fit} to continue from {@code epoch} (set by BackupAndRestore). */
  public void resumeFrom(int epoch) {
    this.resumeEpoch = epoch;
  }

  /** Engine use: the epoch a callback asked to resume from, consumed once. */
  Integer takeResumeEpoch() {
    Integer e = resumeEpoch;
    resumeEpoch = null;
    return e;
  }

  /**
   * Keras' {@code metrics_names}: "loss", "compile_metrics" when metrics were compiled, and each output's loss once
   * the model has run with several losses; empty when not compiled.
   */
  public List<String> metricsNames() {
    return trainer == null || !trainer.hasOptimizer() ? List.of() : trainer.metricsNames();
  }

  /** Releases the compiled graph and its session (the weights stay readable). */
  @Override
  public void close() {
    if (trainer != null) {
      trainer.close();
      trainer = null;
      closed = true;
    }
  }
}
