package io.keras4j.data;

import io.keras4j.backend.HostArray;
import java.util.List;

/**
 * A source of batches, read one at a time, so a data set larger than memory can be trained on.
 *
 * <p>Keras equivalent: {@code keras.utils.PyDataset}: {@link #length()} is {@code __len__} (batches per epoch),
 * {@link #get(int)} is {@code __getitem__}, {@link #onEpochEnd()} is {@code on_epoch_end}.
 * <pre>{@code
 * Dataset images = new Dataset() {
 *   public int length() { return files.size() / 32; }
 *   public Batch get(int i) { return Batch.of(readImages(i), readLabels(i)); }
 * };
 * model.fit(images, new FitOptions().epochs(10));
 * }</pre>
 */
public abstract class Dataset {
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

  /** Called at the end of every epoch (shuffle here). */
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
