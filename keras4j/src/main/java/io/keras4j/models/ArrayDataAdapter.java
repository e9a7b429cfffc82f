package io.keras4j.models;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Shape;
import io.keras4j.backend.SpareArrays;
import io.keras4j.data.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Batches of in-memory arrays: the arrays are copied once into native memory, at the first step; each step then
 * feeds the same arrays with the batch's offset and size, and the traced function gathers the batch's rows
 * through the permutation, so no Java copy is made per step.
 *
 * <p>Keras equivalent: {@code keras.src.trainers.data_adapters.ArrayDataAdapter(x, y, sample_weight,
 * batch_size, shuffle)}.
 */
final class ArrayDataAdapter implements DataAdapter {
  /** How many times any adapter copied its arrays to native memory (read by tests). */
  static int nativeCopies;

  private final List<HostArray> xs;
  private final List<HostArray> ys;
  private final float[] sampleWeight;
  private final int n;
  private final int batchSize;
  private final Long shuffleSeed;
  private final StepFunctions.TrainData traced;
  private List<NativeArray> data;
  private NativeArray perm;
  private NativeArray offset1;
  private NativeArray size1;
  private NativeArray offset;
  private NativeArray size;

  /**
   * Batches of {@code batchSize} of {@code xs}, {@code ys} (null for predict) and {@code sampleWeight} (one per
   * sample, or null for none); shuffled each pass with {@code shuffle} unless it is null.
   */
  ArrayDataAdapter(List<HostArray> xs, List<HostArray> ys, float[] sampleWeight, int batchSize, Long shuffleSeed) {
    this.xs = xs;
    this.ys = ys == null ? List.of() : ys;
    this.sampleWeight = sampleWeight;
    this.n = DataAdapters.cardinality(xs, ys);
    this.batchSize = batchSize;
    this.shuffleSeed = shuffleSeed;
    this.traced = new StepFunctions.TrainData(xShapes(), yShapes(), weighted());
  }

  int size() {
    return n;
  }

  int batchSize() {
    return batchSize;
  }

  @Override
  public int numBatches() {
    return n == 0 ? 0 : (n - 1) / batchSize + 1;
  }

  @Override
  public boolean weighted() {
    return sampleWeight != null;
  }

  /** Every batch's samples have the shapes of the arrays' samples. */
  @Override
  public StepFunctions.TrainData signature() {
    return traced;
  }

  @Override
  public List<Shape> xShapes() {
    return DataAdapters.shapes(xs);
  }

  @Override
  public List<Shape> yShapes() {
    return DataAdapters.shapes(ys);
  }

  /** Copies the arrays into native memory now rather than at the first batch. */
  void copyNow() {
    data();
  }

  /** The arrays in native memory, copied at the first call (into the last adapter's arrays: {@link SpareArrays}). */
  private List<NativeArray> data() {
    if (data == null) {
      nativeCopies++;
      List<HostArray> all = new ArrayList<>(xs);
      all.addAll(ys);
      if (sampleWeight != null) { // fit and evaluate given weights, also without targets (a step of its own)
        all.add(HostArray.of(sampleWeight));
      }
      data = SpareArrays.arrays(all);
    }
    return data;
  }

  /**
   * Draws a new pass's order of samples when shuffling, from the seed and the epoch alone (the identity is made at
   * the first step otherwise); an epoch that goes on with a pass keeps its order.
   */
  @Override
  public void onEpochBegin(int epoch, boolean newPass, int from, int to) {
    if (!newPass) {
      return;
    }
    if (perm != null) {
      perm.close();
      perm = null;
    }
    if (shuffleSeed != null) {
      Random order = new Random(shuffleSeed ^ (0x9E3779B97F4A7C15L * (epoch + 1)));
      perm = Backend.array(Split.shuffled(n, order), Shape.of(n));
    }
  }

  /** Nothing: the pass's order is kept for the epoch that goes on with it, and closed with the adapter. */
  @Override
  public void onEpochEnd() {}

  @Override
  public List<Feeds> trainFeeds(int[] batches) {
    return List.of(feeds(batches));
  }

  /** The feeds of one call of the train function running {@code batches}. */
  Feeds feeds(int[] batches) {
    if (perm == null) {
      perm = Backend.array(Split.identity(n), Shape.of(n));
    }
    List<NativeArray> feeds = new ArrayList<>(data());
    feeds.add(perm);
    if (batches.length == 1) {
      // one step: reuse the fed one-element arrays instead of allocating tensors per step
      if (offset1 == null) {
        offset1 = Backend.array(new int[1], Shape.of(1));
      }
      if (size1 == null) { // on its own: a failed allocation leaves the other made, closed by close()
        size1 = Backend.array(new int[1], Shape.of(1));
      }
      int start = batches[0] * batchSize;
      offset1.setInt(start);
      size1.setInt(Math.min(batchSize, n - start));
      feeds.add(offset1);
      feeds.add(size1);
      return new Feeds(feeds, List.of(), traced, 1);
    }
    return withOffsetsAndSizes(feeds, batches);
  }

  /** {@code feeds} and then one offset and one size per batch, two arrays made for this call. */
  private Feeds withOffsetsAndSizes(List<NativeArray> feeds, int[] batches) {
    int k = batches.length;
    int[] offsets = new int[k];
    int[] sizes = new int[k];
    for (int i = 0; i < k; i++) {
      offsets[i] = batches[i] * batchSize;
      sizes[i] = Math.min(batchSize, n - offsets[i]);
    }
    NativeArray off = Backend.array(offsets, Shape.of(k));
    NativeArray len;
    try {
      len = Backend.array(sizes, Shape.of(k));
    } catch (Throwable e) {
      off.close();
      throw e;
    }
    feeds.add(off);
    feeds.add(len);
    return new Feeds(feeds, List.of(off, len), traced, k);
  }

  /**
   * The feeds of one call of the predict function running the given batches (two or more): the inputs, then one
   * offset and one size per batch.
   */
  Feeds predictFeeds(int[] batches) {
    return withOffsetsAndSizes(new ArrayList<>(data()), batches);
  }

  @Override
  public Feeds testFeeds(int batch) {
    if (offset == null) {
      offset = Backend.scalar(0);
    }
    if (size == null) {
      size = Backend.scalar(0);
    }
    int start = batch * batchSize;
    offset.setInt(start);
    size.setInt(Math.min(batchSize, n - start));
    List<NativeArray> feeds = new ArrayList<>(data());
    feeds.add(offset);
    feeds.add(size);
    return new Feeds(feeds, List.of(), traced, 1);
  }

  @Override
  public void close() {
    for (NativeArray a : new NativeArray[] {perm, offset1, size1, offset, size}) {
      if (a != null) {
        a.close();
      }
    }
    perm = offset1 = size1 = offset = size = null;
    if (data != null) {
      SpareArrays.keep(data);
      data = null;
    }
  }
}
