package io.keras4j.models;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Shape;
import io.keras4j.data.Dataset;
import io.keras4j.data.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Batches streamed from a {@link Dataset}: each batch is read ahead of its step on the dataset's worker threads
 * ({@link DatasetReader}) and copied into native memory for that step only; the steps of one
 * {@code steps_per_execution} group are joined into one feed, or into one per run of batches whose samples share
 * their shapes when they change (sequences batched by length): each shape runs the functions traced for it. Porting
 * note: Keras on JAX and PyTorch retraces likewise; Keras on TensorFlow fixes its data signature from the first two
 * batches (an axis on which they differ becomes None) and refuses a later batch that does not fit it.
 *
 * <p>Keras equivalent: {@code keras.src.trainers.data_adapters.PyDatasetAdapter(x, class_weight, shuffle)}: with
 * class weights, each batch's sample weights are its targets' class weights; with {@code shuffle} ({@code fit}'s
 * default) the batches of each epoch are read in a new order, the samples of a batch left as the dataset gives them.
 */
final class PyDatasetAdapter implements DataAdapter {
  private final Dataset dataset;
  private final BiConsumer<List<HostArray>, List<HostArray>> check;
  private final Map<Integer, Double> classWeight;
  private final Long shuffleSeed;
  private final int length;
  private final DatasetReader<HostBatch> reader;
  private int[] order;
  private HostBatch first;

  /** A batch as float32 engine arrays. */
  private record HostBatch(List<HostArray> x, List<HostArray> y, float[] sampleWeight) {
    static HostBatch of(Dataset.Batch b) {
      return new HostBatch(b.x().stream().map(HostArray::of).toList(), b.y().stream().map(HostArray::of).toList(),
          b.sampleWeight());
    }

    int size() {
      return x.get(0).length();
    }
  }

  /**
   * Batches of {@code dataset}; {@code check} validates the inputs and targets of each batch read against the model's;
   * {@code classWeight} (null for none) weighs each sample by its class; the batches are read in an order drawn each
   * pass from {@code shuffleSeed} and the epoch, unless it is null (then in their order).
   */
  PyDatasetAdapter(Dataset dataset, BiConsumer<List<HostArray>, List<HostArray>> check,
      Map<Integer, Double> classWeight, Long shuffleSeed) {
    this.length = dataset.length(); // read once per run, as Keras' epoch iterator reads num_batches at its reset
    if (length <= 0) {
      throw new IllegalArgumentException("The dataset has no batches (length() = " + length + ")");
    }
    this.dataset = dataset;
    this.check = check;
    this.classWeight = classWeight;
    this.shuffleSeed = shuffleSeed;
    this.order = Split.identity(length);
    this.reader = new DatasetReader<>(p -> read(order[p]), dataset.workers(), dataset.maxQueueSize());
  }

  /** The batch, its sample weights given by the class weights when there are some. */
  private HostBatch read(int index) {
    HostBatch b = HostBatch.of(dataset.get(index));
    if (classWeight == null) {
      return b;
    }
    DataAdapters.checkClassWeight(classWeight, b.sampleWeight() != null, b.y().size());
    return new HostBatch(b.x(), b.y(), DataAdapters.classWeights(b.y().get(0), classWeight));
  }

  private HostBatch first() {
    if (first == null) {
      first = read(0);
      check.accept(first.x(), first.y());
    }
    return first;
  }

  @Override
  public int numBatches() {
    return length;
  }

  /** Whether the steps are fed sample weights: the first batch has some, or class weights make them. */
  @Override
  public boolean weighted() {
    return classWeight != null || first().sampleWeight() != null;
  }

  @Override
  public List<Shape> xShapes() {
    return DataAdapters.shapes(first().x());
  }

  @Override
  public List<Shape> yShapes() {
    return DataAdapters.shapes(first().y());
  }

  /** As Keras' epoch iterator does before a fit's, an evaluation's or a validation's first pass. */
  @Override
  public void reset() {
    dataset.onEpochEnd();
  }

  /**
   * Starts an epoch: draws a new pass's order of batches when shuffling, from the seed and the epoch alone (Keras
   * shuffles the indices), calls the dataset's {@code onEpochBegin}, and starts reading the epoch's batches ahead.
   */
  @Override
  public void onEpochBegin(int epoch, boolean newPass, int from, int to) {
    reader.stop(); // no read in flight while the order changes
    if (newPass && shuffleSeed != null) {
      order = Split.shuffled(length, new Random(shuffleSeed ^ (0x9E3779B97F4A7C15L * (epoch + 1))));
    }
    dataset.onEpochBegin();
    reader.start(from, to);
  }

  /** Ends an epoch: the batches read ahead and not taken are dropped before the dataset's {@code onEpochEnd}. */
  @Override
  public void onEpochEnd() {
    reader.stop();
    dataset.onEpochEnd();
  }

  /** Batch {@code index} of the pass (its place in the pass's order), read ahead. */
  private HostBatch batch(int index) {
    int at = order[index];
    HostBatch b = reader.take(index);
    check.accept(b.x(), b.y());
    DataAdapters.cardinality(b.x(), b.y());
    if (b.sampleWeight() != null && b.sampleWeight().length != b.size()) {
      throw new IllegalArgumentException("Batch " + at + " of the dataset has " + b.sampleWeight().length
          + " sample weights; expected one per sample (" + b.size() + ")");
    }
    boolean weighted = weighted();
    if ((b.sampleWeight() != null) != weighted) { // as Keras, whose data signature is its first batches'
      throw new IllegalArgumentException("Batch " + at + " of the dataset has " + (weighted ? "no " : "")
          + "sample weights, but its first batch has " + (weighted ? "some" : "none") + ". Expected sample "
          + "weights in every batch or in none");
    }
    return b;
  }

  /** What a batch's steps are traced for: its inputs' and targets' shapes, and the dataset's weighting. */
  private StepFunctions.TrainData signature(HostBatch b) {
    return new StepFunctions.TrainData(DataAdapters.shapes(b.x()), DataAdapters.shapes(b.y()), weighted());
  }

  /** Copies the batch's inputs, targets and sample weights (when not null) into native memory, into {@code out}. */
  private static void toNative(List<HostArray> x, List<HostArray> y, float[] sampleWeight, List<NativeArray> out) {
    for (HostArray a : x) {
      out.add(Backend.array(a.values(), a.shape()));
    }
    for (HostArray a : y) {
      out.add(Backend.array(a.values(), a.shape()));
    }
    if (sampleWeight != null) {
      out.add(Backend.array(sampleWeight, Shape.of(sampleWeight.length)));
    }
  }

  /** One call per run of the batches whose samples share their shapes (a batch's length may differ, as in Keras). */
  @Override
  public List<Feeds> trainFeeds(int[] batches) {
    List<Feeds> calls = new ArrayList<>();
    List<HostBatch> run = new ArrayList<>();
    StepFunctions.TrainData runData = null;
    try {
      for (int index : batches) {
        HostBatch b = batch(index);
        StepFunctions.TrainData d = signature(b);
        if (runData != null && !d.equals(runData)) {
          calls.add(feeds(run, runData));
          run.clear();
        }
        run.add(b);
        runData = d;
      }
      calls.add(feeds(run, runData));
      return calls;
    } catch (Throwable e) {
      calls.forEach(Feeds::close);
      throw e;
    }
  }

  /** The feeds of one call running the batches of {@code run}, whose samples have the shapes {@code data} says. */
  private static Feeds feeds(List<HostBatch> run, StepFunctions.TrainData data) {
    int k = run.size();
    int[] offsets = new int[k];
    int[] sizes = new int[k];
    int n = 0;
    for (int i = 0; i < k; i++) {
      offsets[i] = n;
      sizes[i] = run.get(i).size();
      n += sizes[i];
    }
    HostBatch joined = k == 1 ? run.get(0) : join(run, n);
    List<NativeArray> feeds = new ArrayList<>();
    try {
      toNative(joined.x(), joined.y(), joined.sampleWeight(), feeds);
      feeds.add(Backend.array(Split.identity(n), Shape.of(n)));
      feeds.add(Backend.array(offsets, Shape.of(k)));
      feeds.add(Backend.array(sizes, Shape.of(k)));
    } catch (Throwable e) {
      feeds.forEach(NativeArray::close);
      throw e;
    }
    return new Feeds(feeds, feeds, data, k);
  }

  /** The batches of one execution as one batch, their samples one after the other. */
  private static HostBatch join(List<HostBatch> group, int n) {
    List<HostArray> x = new ArrayList<>();
    List<HostArray> y = new ArrayList<>();
    for (int i = 0; i < group.get(0).x().size(); i++) {
      final int input = i;
      x.add(concat(group.stream().map(b -> b.x().get(input)).toList(), n));
    }
    for (int i = 0; i < group.get(0).y().size(); i++) {
      final int output = i;
      y.add(concat(group.stream().map(b -> b.y().get(output)).toList(), n));
    }
    if (group.get(0).sampleWeight() == null) {
      return new HostBatch(x, y, null); // none in any batch (checked as read)
    }
    float[] w = new float[n];
    int at = 0;
    for (HostBatch b : group) {
      System.arraycopy(b.sampleWeight(), 0, w, at, b.size());
      at += b.size();
    }
    return new HostBatch(x, y, w);
  }

  private static HostArray concat(List<HostArray> parts, int n) {
    Shape shape = parts.get(0).shape().with(0, n);
    float[] v = new float[(int) shape.size()];
    int at = 0;
    for (HostArray p : parts) { // of one sample shape (one run)
      System.arraycopy(p.values(), 0, v, at, p.values().length);
      at += p.values().length;
    }
    return new HostArray(v, shape);
  }

  @Override
  public Feeds testFeeds(int batch) {
    HostBatch b = batch(batch);
    List<NativeArray> feeds = new ArrayList<>();
    try {
      toNative(b.x(), b.y(), b.sampleWeight(), feeds);
      feeds.add(Backend.scalar(0));
      feeds.add(Backend.scalar(b.size()));
    } catch (Throwable e) {
      feeds.forEach(NativeArray::close);
      throw e;
    }
    return new Feeds(feeds, feeds, signature(b), 1);
  }

  @Override
  public void close() {
    reader.close();
  }
}
