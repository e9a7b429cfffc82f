package io.keras4j.models;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model: a graph of layers from inputs to outputs, trained with {@code compile} and {@code fit}.
 *
 * <p>Keras equivalent: {@code keras.Model(inputs, outputs, name=None)} (the functional API). A model is a layer,
 * so it can be called on new inputs inside another model.
 * <pre>{@code
 * KerasTensor inputs = Input.of(784);
 * KerasTensor x = new Dense(64).activation("relu").apply(inputs);
 * Model model = new Model(inputs, new Dense(10).activation("softmax").apply(x));
 * model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
 * }</pre>
 */
public class Model extends Layer implements AutoCloseable {
  private List<KerasTensor> inputs = List.of();
  private List<KerasTensor> outputs = List.of();
  private List<Node> nodes = List.of();
  private List<Layer> layers = new ArrayList<>();
  private List<Layer> operations = new ArrayList<>();
  private Trainer trainer;
  private boolean closed;
  private boolean stopTraining;
  private Integer resumeEpoch;
  private final Map<String, Object> attributes = new java.util.LinkedHashMap<>();

  /** A model from one input to one output. */
  public Model(KerasTensor input, KerasTensor output) {
    this(List.of(input), List.of(output));
  }

  /** A model from several inputs to several outputs. */
  public Model(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    setGraph(inputs, outputs);
  }

  /** A model whose graph is set later (Sequential). */
  protected Model() {}

  @Override
  public Model name(String name) {
    super.name(name);
    return this;
  }

  /** Sets the functional graph: finds every node between {@code inputs} and {@code outputs}, in call order. */
  protected final void setGraph(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    FunctionalGraph graph = FunctionalGraph.of(inputs, outputs);
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.nodes = graph.nodes();
    sublayers().clear();
    for (Layer l : graph.layers()) {
      track(l);
    }
    this.operations = graph.layers();
    this.layers = FunctionalGraph.withoutOperations(graph.layers());
    markBuilt(inputs.stream().map(KerasTensor::shape).toList());
  }

  /** The model's symbolic inputs. */
  public List<KerasTensor> inputs() {
    return inputs;
  }

  /** The model's symbolic outputs. */
  public List<KerasTensor> outputs() {
    return outputs;
  }

  /** The layers in Keras' order, deepest first, without operation nodes (Keras' {@code model.layers}). */
  public List<Layer> layers() {
    return List.copyOf(layers);
  }

  /**
   * The layers and the operation nodes ({@link io.keras4j.layers.Operation}, such as {@code x + 3.0}) in Keras'
   * order (Keras' {@code model.operations}, the order of a saved config's {@code layers}).
   */
  public List<Layer> operations() {
    return List.copyOf(operations);
  }

  /**
   * Puts the layers and operations in the order of {@code names}, which must name each of them: for loaders, whose
   * config lists them in Keras' order, computed by Keras over a graph that also held the operations computing
   * masks that keras4j leaves out (see {@code MaskOperations}). Names of no layer of this model are skipped.
   */
  public void orderLayers(List<String> names) {
    this.operations = FunctionalGraph.ordered(operations, names, name());
    this.layers = FunctionalGraph.withoutOperations(operations);
  }

  /** The layer named {@code name} (Keras' {@code get_layer(name)}). */
  public Layer getLayer(String name) {
    for (Layer l : layers()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException("No such layer: " + name + ". Existing layers are: "
        + layers.stream().map(Layer::name).toList() + ".");
  }

  /** The layer at {@code index} of {@link #layers()} (Keras' {@code get_layer(index=)}). */
  public Layer getLayer(int index) {
    List<Layer> ls = layers();
    if (index < 0 || index >= ls.size()) {
      throw new IllegalArgumentException("Was asked to retrieve layer at index " + index + " but model only has "
          + ls.size() + " layers.");
    }
    return ls.get(index);
  }

  /** The nodes of the functional graph, in call order (for serialization). */
  public List<Node> graphNodes() {
    return nodes;
  }

  @Override
  protected List<Tensor> call(List<Tensor> in, boolean training) {
    if (isSubclassed()) {
      return super.call(in, training); // the subclass's call(Tensor, boolean)
    }
    ensureGraph(in);
    if (in.size() != inputs.size()) {
      throw new IllegalArgumentException("Model '" + name() + "' expects " + inputs.size() + " input(s), but it "
          + "received " + in.size() + " input tensors.");
    }
    return FunctionalGraph.run(nodes, inputs, outputs, in, training, name());
  }

  /** Hook for models whose graph is made from the first data seen (Sequential without an input shape). */
  protected void ensureGraph(List<Tensor> in) {}

  /**
   * Builds the model for data of {@code inputShape} (batch first), as Keras' {@code model.build}; a subclassed model
   * (no functional graph) builds its layers when its step first runs.
   */
  public void buildFor(Shape inputShape) {
    if (inputs.isEmpty() && getClass() == Model.class) {
      throw new IllegalStateException("Model '" + name() + "' has no inputs to build");
    }
    if (inputs.isEmpty() && !attributes.isEmpty() && !built()) {
      // Keras' build_from_config of a subclassed model: one symbolic call creates the layers' weights
      io.keras4j.backend.Backend.traceShapes(List.of(inputShape), List.of(dtype()), ts -> applyAll(ts, false));
      markBuilt(List.of(inputShape));
    }
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    if (isSubclassed()) {
      return super.computeOutputShapes(inputShapes, dtypes);
    }
    return outputs.stream().map(o -> o.shape().with(0, inputShapes.get(0).get(0))).toList();
  }

  // ---- training API ----

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
    trainer = new Trainer(this, options);
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
    if (outputs.size() > 1) {
      throw new IllegalStateException("Model '" + name() + "' has " + outputs.size() + " outputs; predictOutputs(x) "
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
      trainer = new Trainer(this, null);
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

  /** Saves the model as Keras 3's {@code .keras} zip, atomically (Keras' {@code model.save}). */
  public void save(java.nio.file.Path file) {
    io.keras4j.saving.formats.KerasZip.save(this, file);
  }

  /**
   * Keras' {@code metrics_names}: "loss", "compile_metrics" when metrics were compiled, and each output's loss once
   * the model has run with several losses; empty when not compiled.
   */
  public List<String> metricsNames() {
    return trainer == null || !trainer.hasOptimizer() ? List.of() : trainer.metricsNames();
  }

  /** The model's config as Keras 3's JSON (Keras' {@code model.to_json()}); read back with Models.modelFromJson. */
  public String toJson() {
    return io.keras4j.saving.formats.ModelWriter.toJson(this);
  }

  /**
   * Exports a TensorFlow SavedModel for inference (Keras' {@code model.export(path)}): signature
   * {@code serving_default} with inputs named after the input layers and outputs {@code output_0, ...}.
   */
  public void export(java.nio.file.Path dir) {
    io.keras4j.saving.formats.ModelWriter.export(this, dir);
  }

  /** Saves the weights as Keras 3's {@code .weights.h5}, atomically (Keras' {@code save_weights}). */
  public void saveWeights(java.nio.file.Path file) {
    io.keras4j.saving.formats.WeightsH5.save(this, file);
  }

  /** Loads a Keras 3 {@code .weights.h5} or legacy tf.keras {@code .h5} file (Keras' {@code load_weights}). */
  public void loadWeights(java.nio.file.Path file) {
    io.keras4j.saving.formats.WeightsH5.load(this, file, false);
  }

  /**
   * Loads weights, skipping layers whose saved shapes do not match (Keras' {@code skip_mismatch=True}); a Keras 3
   * {@code .weights.h5} file or a legacy tf.keras {@code .h5} file.
   */
  public void loadWeights(java.nio.file.Path file, boolean skipMismatch) {
    io.keras4j.saving.formats.WeightsH5.load(this, file, skipMismatch);
  }

  /** Keras' summary table: layers, output shapes, parameter counts; printed and returned. */
  public String summary() {
    String s = Summary.of(this);
    System.out.println(s);
    return s;
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

  /**
   * False: a model hands its inputs to its layers unchanged, each layer casting to its own compute dtype (Keras:
   * Functional's {@code _convert_input_args = False}, Sequential's {@code input_dtype} of its InputLayer).
   */
  @Override
  protected boolean autocast() {
    return isSubclassed(); // a subclassed model converts as a layer does
  }

  @Override
  public Map<String, Object> getConfig() {
    if (isSubclassed()) {
      return super.getConfig(); // Keras' Model.get_config of a subclassed model: name, trainable, dtype, in order
    }
    Map<String, Object> c = new HashMap<>();
    c.put("name", name());
    c.put("trainable", trainable());
    c.put("dtype", dtypePolicy().serialize()); // Keras 3 writes the model's policy too
    return c;
  }

  // ---- subclassed models (Keras' class MyModel(keras.Model) with layers as attributes); see SubclassedModelSavingTest

  /**
   * Tracks {@code layer} as the attribute {@code attribute} of a subclassed model (Keras' {@code self.dense = Dense(4)}
   * in {@code __init__}): its weights count as the model's, it is one of {@link #layers()} in tracking order, and
   * {@code .keras} files save it under the attribute's name ({@code dense/vars/0}), as Keras' saving walk does.
   * <pre>{@code
   * class TwoLayers extends Model {
   *   final Dense dense = track("dense", new Dense(4).activation("relu"));
   *   final Dense head = track("head", new Dense(1));
   *   protected Tensor call(Tensor x, boolean training) { return head.apply(dense.apply(x, training), training); }
   * }
   * }</pre>
   * Porting note: Python tracks every attribute assignment; Java needs this call once per layer attribute.
   */
  protected <L extends Layer> L track(String attribute, L layer) {
    return trackAttribute(attribute, layer, List.of(layer));
  }

  /**
   * Tracks a list of layers as the attribute {@code attribute} (Keras' {@code self.blocks = [Dense(4), Dense(4)]}),
   * saved below {@code <attribute>/<snake_case class name>[_n]}.
   */
  protected <L extends Layer> List<L> track(String attribute, List<L> layerList) {
    return trackAttribute(attribute, List.copyOf(layerList), layerList);
  }

  private <T> T trackAttribute(String attribute, T value, List<? extends Layer> added) {
    if (attribute == null || attribute.isEmpty() || attribute.contains("/") || attribute.equals("layers")
        || attributes.containsKey(attribute)) {
      throw new IllegalArgumentException("Model '" + name() + "': cannot track an attribute named '" + attribute
          + "': expected a new, non-empty name without '/', other than 'layers'. Tracked: " + attributes.keySet());
    }
    attributes.put(attribute, value);
    for (Layer l : added) {
      if (!layers.contains(l)) {
        track(l);
        layers.add(l);
      }
    }
    return value;
  }

  /** The attributes tracked with {@link #track(String, Layer)}, in tracking order: a Layer or a List of layers each. */
  public Map<String, Object> trackedAttributes() {
    return java.util.Collections.unmodifiableMap(attributes);
  }

  /** Whether this is a subclassed model: no functional graph, its layers tracked as attributes. */
  public boolean isSubclassed() {
    return inputs.isEmpty() && !attributes.isEmpty() && !(this instanceof Sequential);
  }
}
