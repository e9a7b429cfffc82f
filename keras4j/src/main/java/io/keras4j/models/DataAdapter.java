package io.keras4j.models;

import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Shape;
import java.util.List;

/**
 * A source of batches for the traced step functions: what each call of the train, test or predict function is
 * fed.
 *
 * <p>Keras equivalent: {@code keras.src.trainers.data_adapters.DataAdapter}. Porting note: Keras' adapters yield
 * NumPy batches; keras4j's yield the feeds of one engine call, so that in-memory arrays are copied to native
 * memory once and each step only feeds the batch's offset and size ({@link ArrayDataAdapter}), while a streamed
 * {@code Dataset} copies each batch as it comes ({@link PyDatasetAdapter}).
 */
interface DataAdapter extends AutoCloseable {
  /** The batches in one pass over the data (Keras' {@code num_batches}). */
  int numBatches();

  /** The shapes of the inputs, batch axis first. */
  List<Shape> xShapes();

  /** The shapes of the targets, batch axis first (empty when there are none, for predict). */
  List<Shape> yShapes();

  /**
   * Whether the batches carry sample weights (given to {@code fit} or {@code evaluate}, or made from class weights);
   * the train and test feeds hold them only then, as Keras' steps get {@code sample_weight=None} otherwise.
   */
  boolean weighted();

  /**
   * Starts epoch {@code epoch}, which takes batches {@code from} to {@code to - 1} of the pass over the data (Keras'
   * {@code on_epoch_begin}); {@code newPass} when it begins a pass (every epoch, unless {@code steps_per_epoch}
   * leaves a pass to go on in the next). A shuffling adapter draws the pass's order then, from its seed and the
   * epoch alone, so a fit resumed at any epoch shuffles as an uninterrupted one whose passes are epochs.
   */
  void onEpochBegin(int epoch, boolean newPass, int from, int to);

  /**
   * Readies the data for a {@code fit}, {@code evaluate} or validation run, before its first pass (Keras' epoch
   * iterator {@code reset}, which calls the adapter's {@code on_epoch_end}).
   */
  default void reset() {}

  /** Ends an epoch (Keras' {@code on_epoch_end}). */
  void onEpochEnd();

  /** What the batches of this adapter are traced for: the shapes of its inputs and targets, and its weighting. */
  default StepFunctions.TrainData signature() {
    return new StepFunctions.TrainData(xShapes(), yShapes(), weighted());
  }

  /**
   * The feeds of the train function running the given batches of this pass, in order: inputs, targets, sample
   * weights (when {@link #weighted()}), the permutation, then one offset and one size per step. One call, except
   * where the samples of the batches change shape (a {@code Dataset} of sequences of several lengths): one call per
   * run of batches whose samples share their shapes then, each with its own function, as a {@code tf.function}
   * traces once per input signature.
   */
  List<Feeds> trainFeeds(int[] batches);

  /**
   * The feeds of one call of the test (or predict) function on one batch: inputs, targets, sample weights (when
   * {@link #weighted()}), then offset and size.
   */
  Feeds testFeeds(int batch);

  @Override
  void close();

  /**
   * The arrays fed to one call running {@code steps} batches of samples shaped as {@code signature} says, and those of
   * them made for this call only (closed by {@link #close()}).
   */
  record Feeds(List<NativeArray> arrays, List<NativeArray> owned, StepFunctions.TrainData signature, int steps)
      implements AutoCloseable {
    @Override
    public void close() {
      for (NativeArray a : owned) {
        a.close();
      }
    }
  }
}
