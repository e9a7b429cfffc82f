package io.keras4j.callbacks;

import io.keras4j.backend.Variable;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Optimizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes TensorBoard logs: the epoch (and batch) losses and metrics, the learning rate, weight histograms and
 * images, the model's config for the graph dashboard, and a profile of chosen batches.
 *
 * <p>Keras equivalent: {@code keras.callbacks.TensorBoard(log_dir="logs", histogram_freq=0, write_graph=True,
 * write_images=False, write_steps_per_second=False, update_freq="epoch", profile_batch=0, embeddings_freq=0,
 * embeddings_metadata=None)}, following keras/src/callbacks/tensorboard.py (Keras 3.15.1). Event files go to
 * {@code log_dir/train} and {@code log_dir/validation} with Keras' tags and steps:
 * <ul>
 *   <li>{@code epoch_<name>} at step {@code epoch} for each log (train, and validation without the "val_" prefix),
 *       plus {@code epoch_learning_rate} and, with {@code write_steps_per_second}, {@code epoch_steps_per_second};
 *   <li>{@code evaluation_<name>_vs_iterations} in validation at step {@code optimizer.iterations};
 *   <li>{@code batch_<name>} at the global batch number (from 1) with {@code update_freq} "batch" or N;
 *   <li>{@code <weight path>/histogram} and {@code /image} every {@code histogram_freq} epochs;
 *   <li>{@code keras}: the model's JSON config under plugin "graph_keras_model" (Sequential and functional models).
 * </ul>
 * <pre>{@code
 * model.fit(x, y, new FitOptions().epochs(5).validationSplit(0.2)
 *     .callbacks(new TensorBoard("logs").histogramFreq(1).updateFreq("batch")));
 * // then: tensorboard --logdir logs
 * }</pre>
 *
 * <p>Porting note: Keras writes the epoch summaries under the writer context of the last batch, so with
 * {@code update_freq=N} an epoch whose last global batch is not a multiple of N writes no epoch summaries (nor
 * histograms); keras4j keeps that behaviour so that the logs are the same. Keras' logs reach callbacks with sorted
 * keys; the tags are written in that order here too.
 */
public class TensorBoard extends Callback {
  private final Path logDir;
  private int histogramFreq;
  private boolean writeGraph = true;
  private boolean writeImages;
  private boolean writeStepsPerSecond;
  private int updateFreq; // 0: "epoch"
  private int startBatch;
  private int stopBatch;
  private int embeddingsFreq;
  private Object embeddingsMetadata;

  private final Map<String, EventFileWriter> writers = new LinkedHashMap<>();
  private final Deque<Boolean> recordIf = new ArrayDeque<>();
  private boolean training;
  private int globalTrainBatch;
  private int globalTestBatch;
  private long batchStartNanos;
  private long epochStartNanos;
  private long epochStartIterations;
  private TensorBoardProfile profile;

  /** Logs to "logs" (Keras' default {@code log_dir}). */
  public TensorBoard() {
    this("logs");
  }

  /** Logs to {@code logDir} (Keras' {@code log_dir=}). */
  public TensorBoard(String logDir) {
    this(Path.of(logDir));
  }

  /** Logs to {@code logDir} (Keras' {@code log_dir=}). */
  public TensorBoard(Path logDir) {
    this.logDir = logDir;
  }

  /** The log directory. */
  public Path logDir() {
    return logDir;
  }

  /** Writes weight histograms every {@code freq} epochs; 0 writes none (Keras' {@code histogram_freq=}). Default 0. */
  public TensorBoard histogramFreq(int freq) {
    this.histogramFreq = nonNegative("histogram_freq", freq);
    return this;
  }

  /** Writes the model's config for the graph dashboard (Keras' {@code write_graph=}). Default true. */
  public TensorBoard writeGraph(boolean writeGraph) {
    this.writeGraph = writeGraph;
    return this;
  }

  /** Writes the weights as images with the histograms (Keras' {@code write_images=}). Default false. */
  public TensorBoard writeImages(boolean writeImages) {
    this.writeImages = writeImages;
    return this;
  }

  /** Logs the training steps per second (Keras' {@code write_steps_per_second=}). Default false. */
  public TensorBoard writeStepsPerSecond(boolean writeStepsPerSecond) {
    this.writeStepsPerSecond = writeStepsPerSecond;
    return this;
  }

  /** "epoch" or "batch" (every batch) (Keras' {@code update_freq=}). Default "epoch". */
  public TensorBoard updateFreq(String updateFreq) {
    if ("epoch".equals(updateFreq)) {
      this.updateFreq = 0;
    } else if ("batch".equals(updateFreq)) {
      this.updateFreq = 1;
    } else {
      throw new IllegalArgumentException("TensorBoard: update_freq must be \"epoch\", \"batch\" or a positive "
          + "integer. Received: update_freq=" + updateFreq);
    }
    return this;
  }

  /** Writes the batch losses and metrics every {@code batches} batches (Keras' {@code update_freq=N}). */
  public TensorBoard updateFreq(int batches) {
    if (batches < 1) {
      throw new IllegalArgumentException("TensorBoard: update_freq must be \"epoch\", \"batch\" or a positive "
          + "integer. Received: update_freq=" + batches);
    }
    this.updateFreq = batches;
    return this;
  }

  /** Profiles the global training batch {@code batch} (from 1); 0 disables (Keras' {@code profile_batch=}). Default 0. */
  public TensorBoard profileBatch(int batch) {
    return profileBatch(batch, batch);
  }

  /** Profiles the global training batches {@code start} to {@code stop} (Keras' {@code profile_batch=(start, stop)}). */
  public TensorBoard profileBatch(int start, int stop) {
    if (start < 0 || stop < start) {
      throw new IllegalArgumentException("profile_batch must be a non-negative integer or 2-tuple of positive "
          + "integers. A pair of positive integers signifies a range of batches to profile. Found: (" + start + ", "
          + stop + ")");
    }
    this.startBatch = start;
    this.stopBatch = stop;
    return this;
  }

  /** Profiles the batches of Keras' string form, {@code "start,stop"} or {@code "batch"}. */
  public TensorBoard profileBatch(String batches) {
    int[] b = Arrays.stream(batches.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    if (b.length > 2) {
      throw new IllegalArgumentException("profile_batch must be a non-negative integer or 2-tuple of positive "
          + "integers. Found: " + batches);
    }
    return profileBatch(b[0], b[b.length - 1]);
  }

  /** Saves the weights for the embedding projector every {@code freq} epochs (Keras' {@code embeddings_freq=}). */
  public TensorBoard embeddingsFreq(int freq) {
    this.embeddingsFreq = nonNegative("embeddings_freq", freq);
    return this;
  }

  /** One metadata file for every Embedding layer (Keras' {@code embeddings_metadata="file.tsv"}). Default none. */
  public TensorBoard embeddingsMetadata(String file) {
    this.embeddingsMetadata = file;
    return this;
  }

  /** A metadata file per Embedding layer name (Keras' {@code embeddings_metadata={name: file}}). Default none. */
  public TensorBoard embeddingsMetadata(Map<String, String> files) {
    this.embeddingsMetadata = new LinkedHashMap<>(files);
    return this;
  }

  private static int nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("TensorBoard: " + name + " must be >= 0. Received: " + name + "=" + value);
    }
    return value;
  }

  @Override
  public void setModel(Model model) {
    super.setModel(model);
    stopProfile();
    closeWriters();
    if (writeGraph && (model.getClass() == Sequential.class || model.getClass() == Model.class)) {
      writer("train").blob("keras", 0, "graph_keras_model", "1", model.toJson().getBytes(StandardCharsets.UTF_8));
    }
    if (embeddingsFreq > 0) {
      ProjectorConfig.write(model, embeddingsMetadata, logDir);
    }
  }

  private EventFileWriter writer(String name) {
    return writers.computeIfAbsent(name, n -> new EventFileWriter(logDir.resolve(n)));
  }

  private void closeWriters() {
    writers.values().forEach(EventFileWriter::close);
    writers.clear();
  }

  /** Whether summaries are written now: Keras' {@code record_if(step % update_freq == 0)} of the current context. */
  private boolean recording() {
    return recordIf.isEmpty() || recordIf.peek();
  }

  private void push(int step) {
    if (updateFreq > 0) {
      recordIf.push(step % updateFreq == 0);
    }
  }

  private void pop() {
    if (updateFreq > 0 && !recordIf.isEmpty()) {
      recordIf.pop();
    }
  }

  @Override
  boolean readsBatchLogs(String mode) {
    return "train".equals(mode) && updateFreq > 0;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    training = true;
    globalTrainBatch = 0;
    epochStartIterations = 0;
    recordIf.clear(); // left over when a previous fit threw
    push(globalTrainBatch);
    stopProfile();
    if (startBatch > 0 || stopBatch > 0) {
      profile = new TensorBoardProfile(logDir.resolve("train"), startBatch, stopBatch);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    training = false;
    pop();
    stopProfile();
    closeWriters();
  }

  /** Stops a running profile (also one a failed fit left running, so that later runs are not traced). */
  private void stopProfile() {
    if (profile != null) {
      profile.stop(() -> writer("train"));
      profile = null;
    }
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    push(globalTestBatch);
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    Optimizer optimizer = model().optimizer();
    if (optimizer != null && recording()) {
      for (Map.Entry<String, Double> e : new TreeMap<>(logs).entrySet()) {
        String tag = "evaluation_" + e.getKey() + "_vs_iterations";
        writer("validation").scalar(tag, optimizer.iterations(), e.getValue());
      }
    }
    pop();
    if (!training) {
      closeWriters(); // a standalone evaluate: no on_train_end follows
    }
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    globalTrainBatch++;
    pop();
    push(globalTrainBatch);
    batchStartNanos = System.nanoTime();
    if (profile != null) {
      profile.batchBegin(globalTrainBatch);
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (updateFreq > 0 && recording()) {
      EventFileWriter train = writer("train");
      if (writeStepsPerSecond) {
        train.scalar("batch_steps_per_second", globalTrainBatch, 1e9 / (System.nanoTime() - batchStartNanos));
      }
      for (Map.Entry<String, Double> e : new TreeMap<>(logs).entrySet()) {
        train.scalar("batch_" + e.getKey(), globalTrainBatch, e.getValue());
      }
    }
    if (profile != null) {
      profile.batchEnd(globalTrainBatch, () -> writer("train"));
    }
  }

  @Override
  public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    globalTestBatch++;
    pop();
    push(globalTestBatch);
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    if (writeStepsPerSecond) {
      epochStartIterations = model().optimizer() == null ? 0 : model().optimizer().iterations();
      epochStartNanos = System.nanoTime();
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (recording()) {
      logEpochMetrics(epoch, logs);
      if (histogramFreq > 0 && epoch % histogramFreq == 0) {
        logWeights(epoch);
      }
    }
    if (embeddingsFreq > 0 && epoch % embeddingsFreq == 0) {
      model().saveWeights(logDir.resolve("train").resolve("keras_embedding.ckpt-" + epoch + ".weights.h5"));
    }
  }

  private void logEpochMetrics(int epoch, Map<String, Double> logs) {
    if (logs.isEmpty()) {
      return;
    }
    Map<String, Double> train = new LinkedHashMap<>();
    Map<String, Double> val = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : new TreeMap<>(logs).entrySet()) {
      if (e.getKey().startsWith("val_")) {
        val.put(e.getKey().substring(4), e.getValue());
      } else {
        train.put(e.getKey(), e.getValue());
      }
    }
    Optimizer optimizer = model().optimizer();
    if (optimizer != null) {
      train.put("learning_rate", optimizer.learningRate());
    }
    if (writeStepsPerSecond) {
      long steps = (optimizer == null ? 0 : optimizer.iterations()) - epochStartIterations;
      train.put("steps_per_second", steps / ((System.nanoTime() - epochStartNanos) / 1e9));
    }
    train.forEach((name, value) -> writer("train").scalar("epoch_" + name, epoch, value));
    val.forEach((name, value) -> writer("validation").scalar("epoch_" + name, epoch, value));
  }

  private void logWeights(int epoch) {
    EventFileWriter train = writer("train");
    for (Layer layer : model().layers()) {
      for (Variable w : layer.weights()) {
        String name = weightPath(w).replace(':', '_');
        float[] values = WeightSummaries.values(w);
        train.histogram(name + "/histogram", epoch, WeightSummaries.buckets(values));
        WeightSummaries.Images images = writeImages ? WeightSummaries.images(values, w.shape().dims()) : null;
        if (images != null) {
          train.image(name + "/image", epoch, images.width(), images.height(), images.pngs());
        }
      }
    }
  }

  /**
   * Keras' {@code weight.path}. Porting note: Keras builds a Sequential model's layers inside the model's name scope
   * ("tiny/dense/kernel"), while keras4j's paths start at the layer ("dense/kernel"); the model's name is added here.
   */
  private String weightPath(Variable w) {
    String prefix = model().name() + "/";
    return model() instanceof Sequential && !w.path().startsWith(prefix) ? prefix + w.path() : w.path();
  }
}
