package io.keras4j.data;

import io.keras4j.backend.HostArray;
import java.util.List;

/**
 * A source of batches, read one at a time, so a data set larger than memory can be trained on.
 *
 * <p>Keras equivalent: {@code keras.utils.PyDataset(workers=1, use_multiprocessing=False, max_queue_size=10)}:
 * {@link #length()} is {@code __len__} (batches per epoch), {@link #get(int)} is {@code __getitem__},
 * {@link #onEpochBegin()} and {@link #onEpochEnd()} are {@code on_epoch_begin} and {@code on_epoch_end}. As Keras on
 * TensorFlow does, {@code fit}, {@code evaluate} and validation read the batches ahead of the steps that train on them,
 * on one thread, or on {@code workers} threads when there are more ({@code get} must then allow calls from several
 * threads at once), at most {@code maxQueueSize} batches ahead.
 * <pre>{@code
 * Dataset images = new Dataset(4, false, 10) {  // or new Dataset() for Keras' defaults
 *   public int length() { return files.size() / 32; }
 *   public Batch get(int i) { return Batch.of(readImages(i), readLabels(i)); }
 * };
 * model.fit(images, new FitOptions().epochs(10));
 * }</pre>
 */
public abstract class Dataset {
  private final int workers;
  private final boolean useMultiprocessing;
  private final int maxQueueSize;

  /** A dataset read with Keras' defaults: one worker, no multiprocessing, at most 10 batches ahead. */
  protected Dataset() {
    this(1, false, 10);
  }

  /**
   * A dataset read on {@code workers} threads (Keras' {@code workers}, default 1), at most {@code maxQueueSize}
   * batches ahead (Keras' {@code max_queue_size}, default 10; 0 for no bound). Porting note:
   * {@code useMultiprocessing} (Keras' {@code use_multiprocessing}, default false) is kept for the port's sake; the
   * batches are read on threads of the one JVM either way.
   */
  protected Dataset(int workers, boolean useMultiprocessing, int maxQueueSize) {
    if (workers < 0 || maxQueueSize < 0) {
      throw new IllegalArgumentException("Expected workers >= 0 and max_queue_size >= 0. Received: workers="
          + workers + ", max_queue_size=" + maxQueueSize);
    }
    this.workers = workers;
    this.useMultiprocessing = useMultiprocessing;
    this.maxQueueSize = maxQueueSize;
  }

  /** The threads that read batches ahead (Keras' {@code workers}); fewer than one reads on one. */
  public int workers() {
    return workers;
  }

  /** Keras' {@code use_multiprocessing}: kept as given; batches are read on threads. */
  public boolean useMultiprocessing() {
    return useMultiprocessing;
  }

  /** At most this many batches are read ahead of the step taking one (Keras' {@code max_queue_size}; 0: no bound). */
  public int maxQueueSize() {
    return maxQueueSize;
  }
  /**
   * One batch: the inputs (one array per model input), the targets (one per output), and optional per-sample
   * weights (null for none, Keras' {@code sample_weight=None}; every batch of a dataset has them, or none does). The
   * samples of one batch share their shapes; those of another batch may have others (sequences batched by length),
   * each new shape tracing the model's steps once more, as Keras retraces for a new input signature.
   */
  public record Batch(List<NDArray> x, List<NDArray> y, float[] sampleWeight) {
    /** A batch of one input and one target, each an NDArray, a Java array or an NdArray. */
    public static Batch of(Object x, Object y) {
      return new Batch(List.of(NDArray.of(x)), List.of(NDArray.of(y)), null);
    }

    /** The number of samples. */
    public int size() {
      return x.get(0).length();
    }
  }

  /** The number of batches in an epoch. */
  public abstract int length();

  /** Batch {@code index} (0 to length - 1). */
  public abstract Batch get(int index);

  /** Called at the start of every epoch, before its batches are read (Keras' {@code on_epoch_begin}). */
  public void onEpochBegin() {}

  /**
   * Called at the end of every epoch, after its last batch was read (shuffle here; Keras' {@code on_epoch_end}); as in
   * Keras, also once before a {@code fit}'s, an {@code evaluate}'s or a validation's first epoch.
   */
  public void onEpochEnd() {}

  /** Batches of {@code batchSize} from in-memory arrays, optionally reshuffled each epoch. */
  public static Dataset fromArrays(Object x, Object y, int batchSize, boolean shuffle, Long seed) {
    HostArray xs = HostArray.of(x);
    HostArray ys = HostArray.of(y);
    if (xs.length() != ys.length()) {
      throw new IllegalArgumentException("x and y differ in length: " + xs.length() + " vs " + ys.length());
    }
    return new Dataset() {
      private final java.util.Random random = io.keras4j.backend.Backend.random(seed);
      private int[] order = shuffle ? Split.shuffled(xs.length(), random) : Split.identity(xs.length());

      @Override
      public int length() {
        return (xs.length() + batchSize - 1) / batchSize;
      }

      @Override
      public Batch get(int index) {
        int from = index * batchSize;
        int[] idx = java.util.Arrays.copyOfRange(order, from, Math.min(from + batchSize, xs.length()));
        return new Batch(List.of(NDArray.of(xs.take(idx))), List.of(NDArray.of(ys.take(idx))), null);
      }

      @Override
      public void onEpochEnd() {
        if (shuffle) {
          order = Split.shuffled(xs.length(), random);
        }
      }
    };
  }
}
